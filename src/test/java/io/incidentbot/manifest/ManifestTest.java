package io.incidentbot.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.SlackApiReference;
import io.incidentbot.testkit.SlackStandIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.incidentbot.testkit.SlackStandIn.await;
import static org.assertj.core.api.Assertions.assertThat;

/** manifest.yml against Slack's reference data and against the Web API calls the code makes. */
class ManifestTest {
    private static final Pattern SDK_CALL = Pattern.compile(
            "\\.(auth|chat|conversations|views|users|files|canvases|reactions|pins|usergroups)([A-Z][A-Za-z0-9]*)\\(");
    private final SlackApiReference ref = new SlackApiReference();

    /** @return Web API method names the main code calls through the SDK's MethodsClient */
    static Set<String> methodsCalledInCode() throws IOException {
        Set<String> methods = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(f);
                Matcher m = SDK_CALL.matcher(code);
                while (m.find()) {
                    methods.add(toMethodName(m.group(1), m.group(2)));
                }
                if (code.contains(".filesUploadV2(")) {
                    methods.remove("files.uploadV2");
                    methods.add("files.getUploadURLExternal");
                    methods.add("files.completeUploadExternal");
                }
            }
        }
        return methods;
    }

    private static String toMethodName(String family, String rest) {
        if (family.equals("conversations") && rest.startsWith("Canvases")) {
            return "conversations.canvases." + Character.toLowerCase(rest.charAt(8)) + rest.substring(9);
        }
        if (family.equals("usergroups") && rest.startsWith("Users")) {
            return "usergroups.users." + Character.toLowerCase(rest.charAt(5)) + rest.substring(6);
        }
        return family + "." + Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    @Test
    void everyMethodTheCodeCallsExistsAndHasABotScopeInTheManifest() throws IOException {
        Set<String> methods = methodsCalledInCode();
        assertThat(methods).contains("conversations.create", "chat.postMessage", "views.open");
        List<String> problems = new ArrayList<>();
        for (String method : methods) {
            JsonNode m = ref.method(method);
            if (m == null) {
                problems.add(method + ": no such method");
                continue;
            }
            List<String> bot = SlackApiReference.strings(m.path("scope").path("bot"));
            if (!bot.isEmpty() && bot.stream().noneMatch(ref.manifestScopes()::contains)) {
                problems.add(method + ": needs one of " + bot);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyScopeInTheManifestIsUsedByACalledMethodOrASubscribedEvent() throws IOException {
        Set<String> used = new LinkedHashSet<>(List.of("commands"));
        for (String method : methodsCalledInCode()) {
            used.addAll(SlackApiReference.strings(ref.method(method).path("scope").path("bot")));
        }
        for (JsonNode e : ref.manifest().path("settings").path("event_subscriptions").path("bot_events")) {
            JsonNode event = ref.event(e.asText());
            assertThat(event).as("event " + e.asText()).isNotNull();
            List<String> scopes = SlackApiReference.strings(event.path("scopes"));
            if (!scopes.isEmpty()) { // app events such as app_home_opened need no scope
                assertThat(scopes).as("scopes of " + e.asText()).containsAnyElementsOf(ref.manifestScopes());
            }
            used.addAll(scopes);
        }
        assertThat(used).containsAll(ref.manifestScopes());
    }

    @Test
    void theManifestDeclaresTheCommandEventsAndInteractivityTheBotNeeds() {
        JsonNode m = ref.manifest();
        JsonNode command = m.path("features").path("slash_commands").get(0);
        assertThat(command.path("command").asText()).isEqualTo("/incident");
        assertThat(command.path("should_escape").asBoolean()).isTrue();
        assertThat(m.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
        assertThat(m.path("settings").path("interactivity").path("message_menu_options_url").asText())
                .as("the declare forms' user group picker asks its options there (block_suggestion)")
                .isEqualTo(m.path("settings").path("interactivity").path("request_url").asText());
        assertThat(SlackApiReference.strings(m.path("settings").path("event_subscriptions").path("bot_events")))
                .containsExactlyInAnyOrder("message.channels", "message.groups", "reaction_added", "reaction_removed",
                        "pin_added", "pin_removed", "member_joined_channel", "member_left_channel", "app_home_opened");
        assertThat(m.path("features").path("app_home").path("home_tab_enabled").asBoolean()).isTrue();
        // The bot DMs people (conversations.open + chat.postMessage: escalation steps, overdue follow-ups); with the
        // Messages tab off they would never see those DMs. Read-only: the bot does not read DMs.
        assertThat(m.path("features").path("app_home").path("messages_tab_enabled").asBoolean()).isTrue();
        assertThat(m.path("features").path("app_home").path("messages_tab_read_only_enabled").asBoolean()).isTrue();
        assertThat(m.path("features").path("shortcuts")).extracting(s -> s.path("type").asText() + ":" + s.path("callback_id").asText())
                .containsExactlyInAnyOrder("global:declare_incident", "message:declare_from_message", "message:add_to_timeline");
        assertThat(m.path("features").path("shortcuts")).allSatisfy(s -> {
            assertThat(s.path("name").asText()).hasSizeLessThanOrEqualTo(24); // kept short, like modal titles (24); the exact manifest limit is not in ../shared
            assertThat(s.path("description").asText()).hasSizeLessThanOrEqualTo(80);
        });
    }

    @Test
    void everyCallOfAFullRunSendsTheRequiredArgumentsOfItsMethod(@TempDir Path dir) throws Exception {
        try (SlackStandIn slack = new SlackStandIn(); RunningBot bot = RunningBot.start(slack, dir.resolve("i.db"))) {
            bot.client.command("declare sev2 Checkout errors", "UALICE001", "CGENERAL1");
            bot.client.command("declare", "UALICE001", "CGENERAL1");
            await("header", 10, () -> !slack.calls("views.open").isEmpty()
                    && bot.bot.storage().transaction(r -> r.incidents().find(1)).map(i -> i.headerTs() != null).orElse(false));
            String channel = bot.bot.storage().transaction(r -> r.incidents().find(1)).orElseThrow().channelId();
            for (String text : List.of("status identified", "sev sev1", "lead <@UBOB00001|bob>", "role comms <@UCAROL001>",
                    "note rolled back", "update mitigation in progress", "action add alert <@UBOB00001>",
                    "resolve bad deploy")) {
                bot.client.command(text, "UALICE001", channel);
            }
            await("postmortem", 15, () -> !slack.calls("conversations.canvases.create").isEmpty());
            await("outbox drained", 15, () -> bot.bot.storage().transaction(r -> r.outbox().pendingCount()) == 0);

            List<String> problems = new ArrayList<>();
            slack.calls().stream().filter(c -> !c.method().startsWith("response_url") && !c.method().equals("upload"))
                    .forEach(c -> problems.addAll(ref.problems(c)));
            assertThat(problems).isEmpty();
            assertThat(slack.calls().stream().map(SlackStandIn.Call::method).distinct())
                    .contains("conversations.create", "conversations.invite", "conversations.setTopic", "chat.postMessage",
                            "chat.update", "views.open", "files.getUploadURLExternal", "files.completeUploadExternal",
                            "conversations.canvases.create", "users.info");
        }
    }
}
