package io.incidentbot.slack;

import io.incidentbot.testkit.IncidentChannel;
import io.incidentbot.testkit.RunningBot;
import io.incidentbot.testkit.RunningBotExtension;
import io.incidentbot.testkit.SlackEvents;
import io.incidentbot.testkit.SlackStandIn;
import io.incidentbot.timeline.SlackTs;
import io.incidentbot.timeline.TimelineEntry;
import io.incidentbot.timeline.TimelineEntry.SharedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.incidentbot.testkit.SlackEvents.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Messages in an incident channel become its timeline; everything else Slack sends is acknowledged and left. */
class TimelineCaptureTest {
    @RegisterExtension
    final RunningBotExtension kit = new RunningBotExtension();
    final SlackStandIn slack = kit.slack();
    RunningBot bot;
    IncidentChannel inc;

    @BeforeEach
    void start() throws Exception {
        bot = kit.bot();
        inc = IncidentChannel.declare(bot, "declare sev2 Checkout errors", "UALICE001");
    }

    @Test
    void messagesThreadRepliesBroadcastsFilesAndMeMessagesBecomeEntriesTimedBySlackTs() {
        String parent = ts(100);
        inc.send(SlackEvents.message(inc.id, "UBOB00001", parent, "5xx on /checkout since 09:12"));
        inc.send(SlackEvents.reply(inc.id, "UCAROL001", ts(2_000_300), parent, "deploy 4711 went out at 09:10"));
        inc.send(SlackEvents.broadcast(inc.id, "UBOB00001", ts(3_000_000), parent, "rolling back 4711"));
        inc.send(SlackEvents.fileShare(inc.id, "UCAROL001", ts(4_500_001), "error rate", "errors.png"));
        inc.send(SlackEvents.me(inc.id, "UDAVE0001", ts(5_000_000), "is paging the DB team"));

        assertThat(inc.messages()).extracting(TimelineEntry::ts, TimelineEntry::threadTs, TimelineEntry::userId,
                TimelineEntry::text).containsExactly(
                tuple(parent, null, "UBOB00001", "5xx on /checkout since 09:12"),
                tuple(ts(2_000_300), parent, "UCAROL001", "deploy 4711 went out at 09:10"),
                tuple(ts(3_000_000), parent, "UBOB00001", "rolling back 4711"),
                tuple(ts(4_500_001), null, "UCAROL001", "error rate"),
                tuple(ts(5_000_000), null, "UDAVE0001", "is paging the DB team"));
        TimelineEntry reply = inc.message(ts(2_000_300));
        assertThat(reply.isThreadReply()).isTrue();
        assertThat(reply.at()).isEqualTo(Instant.ofEpochSecond(SlackEvents.BASE + 2, 300_000))
                .isEqualTo(SlackTs.toInstant(reply.ts()));
        assertThat(inc.message(parent).isThreadReply()).isFalse();
        assertThat(inc.message(ts(4_500_001)).files()).containsExactly(
                new SharedFile("errors.png", "https://acme.slack.com/files/UCAROL001/F0TEST/errors.png"));
        assertThat(inc.participants()).containsExactly("UALICE001", "UBOB00001", "UCAROL001", "UDAVE0001");
    }

    @Test
    void entriesAreOrderedBySlackTsNotByArrival() {
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(9_000_000), "second"));
        inc.send(SlackEvents.reply(inc.id, "UCAROL001", ts(9_500_000), ts(1_000_000), "reply to the first"));
        inc.send(SlackEvents.message(inc.id, "UCAROL001", ts(1_000_000), "first"));

        assertThat(inc.messages()).extracting(TimelineEntry::text)
                .containsExactly("first", "second", "reply to the first");
    }

    @Test
    void membersJoiningAndChannelJoinMessagesRecordParticipants() {
        inc.send(SlackEvents.memberJoined(inc.id, "UERIN0001", ts(10)));
        inc.send(SlackEvents.subtype(inc.id, "channel_join", "UFRANK001", ts(20), "<@UFRANK001> has joined the channel"));
        inc.send(SlackEvents.memberJoined(inc.id, SlackStandIn.BOT_USER, ts(30)));
        inc.send(SlackEvents.subtype(inc.id, "channel_join", SlackStandIn.BOT_USER, ts(40), "<@UBOT00001> has joined"));

        assertThat(inc.participants()).containsExactly("UALICE001", "UERIN0001", "UFRANK001");
        assertThat(inc.messages()).isEmpty();
    }

    @Test
    void botMessagesAndTheBotsOwnMessagesAreNotHumanEntries() {
        inc.send(SlackEvents.botMessage(inc.id, ts(100), "[FIRING] checkout 5xx > 5%"));
        inc.send(SlackEvents.ownMessage(inc.id, ts(200), ":memo: Note from <@UALICE001>: rollback started"));
        Map<String, Object> workflow = SlackEvents.message(inc.id, "UWORKFLOW", ts(300), "Workflow: triage checklist");
        workflow.put("bot_id", "BWORKFLOW");
        inc.send(workflow);
        inc.send(SlackEvents.edit(inc.id, SlackStandIn.BOT_USER, ts(200), "old header", "new header", ts(400)));
        inc.send(SlackEvents.reaction(true, inc.id, "UBOB00001", ts(200), "pushpin", ts(500)));

        assertThat(inc.messages()).isEmpty();
        assertThat(inc.participants()).containsExactly("UALICE001");
    }

    @Test
    void eventsInOtherChannelsAreAcknowledgedAndIgnored() {
        inc.send(SlackEvents.message("CGENERAL1", "UBOB00001", ts(100), "lunch?"));
        inc.send(SlackEvents.reply("CGENERAL1", "UBOB00001", ts(200), ts(100), "sure"));
        inc.send(SlackEvents.memberJoined("CGENERAL1", "UBOB00001", ts(300)));
        inc.send(SlackEvents.reaction(true, "CGENERAL1", "UBOB00001", ts(100), "pushpin", ts(400)));
        inc.send(SlackEvents.pin(true, "CGENERAL1", "UBOB00001", ts(100), "lunch?", ts(500)));
        inc.send(SlackEvents.edit("CGENERAL1", "UBOB00001", ts(100), "lunch?", "lunch at 12?", ts(600)));
        inc.send(SlackEvents.delete("CGENERAL1", "UBOB00001", ts(100), "lunch?", ts(700)));

        assertThat(inc.messages()).isEmpty();
        assertThat(inc.participants()).containsExactly("UALICE001");
        // A message with the same ts later in the incident channel is still captured.
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts(100), "checkout is down"));
        assertThat(inc.messages()).extracting(TimelineEntry::text, TimelineEntry::deleted, TimelineEntry::keyEvent)
                .containsExactly(tuple("checkout is down", false, false));
    }

    @Test
    void everySubscribedEventAndEveryMessageSubtypeIsAnsweredWith200() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String subtype : List.of("bot_message", "channel_join", "channel_leave", "channel_topic", "channel_purpose",
                "channel_name", "channel_archive", "channel_unarchive", "pinned_item", "unpinned_item", "group_join",
                "reminder_add", "huddle_thread", "channel_convert_to_private", "message_replied", "something_new")) {
            events.add(SlackEvents.subtype(inc.id, subtype, "UBOB00001", ts(events.size() + 1), subtype + " happened"));
        }
        events.add(SlackEvents.reaction(false, inc.id, "UBOB00001", ts(1), "pushpin", ts(900)));
        events.add(SlackEvents.pin(false, inc.id, "UBOB00001", ts(1), "x", ts(901)));
        Map<String, Object> fileReaction = SlackEvents.reaction(true, inc.id, "UBOB00001", ts(1), "pushpin", ts(902));
        fileReaction.put("item", Map.of("type", "file", "file", "F0TEST1"));
        events.add(fileReaction);
        events.add(Map.of("type", "app_mention", "user", "UBOB00001", "text", "<@UBOT00001> hi", "ts", ts(903),
                "channel", inc.id, "event_ts", ts(903)));
        Map<String, Object> badTs = SlackEvents.message(inc.id, "UBOB00001", "not-a-ts", "garbled");
        events.add(badTs);

        for (Map<String, Object> event : events) {
            HttpResponse<String> r = bot.client.event(SlackEvents.envelope(event), Map.of());
            assertThat(r.statusCode()).as("%s %s", event.get("type"), event.get("subtype")).isEqualTo(200);
        }
        assertThat(inc.messages()).isEmpty();
    }

    @Test
    void urlVerificationStillGetsItsChallengeBack() {
        HttpResponse<String> r = bot.client.event(Map.of("token", "legacy-verification-token",
                "challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", "type", "url_verification"), Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void editsReplaceTheTextAndRecordWhenDeletesRemoveFromTheViewButKeepTheEntry() {
        String ts = ts(100);
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts, "DB CPU at 90%"));
        inc.send(SlackEvents.edit(inc.id, "UBOB00001", ts, "DB CPU at 90%", "DB CPU at 99%", ts(60_000_000)));

        TimelineEntry edited = inc.message(ts);
        assertThat(edited.text()).isEqualTo("DB CPU at 99%");
        assertThat(edited.editedAt()).isEqualTo(SlackTs.toInstant(ts(60_000_000)));
        assertThat(edited.at()).isEqualTo(SlackTs.toInstant(ts));

        inc.send(SlackEvents.message(inc.id, "UCAROL001", ts(200), "ignore that, wrong graph"));
        inc.send(SlackEvents.delete(inc.id, "UCAROL001", ts(200), "ignore that, wrong graph", ts(90_000_000)));

        assertThat(inc.message(ts(200)).deleted()).isTrue();
        assertThat(inc.say("timeline", "UALICE001")).contains("DB CPU at 99%").doesNotContain("wrong graph");
    }

    @Test
    void aMessageChangedWithoutNewTextLikeAnUnfurlOrAReplyCountChangesNothing() {
        String ts = ts(100);
        inc.send(SlackEvents.message(inc.id, "UBOB00001", ts, "see https://status.example.com"));
        Map<String, Object> unfurl = SlackEvents.edit(inc.id, "UBOB00001", ts, "see https://status.example.com",
                "see https://status.example.com", ts(5_000_000));
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) unfurl.get("message");
        message.remove("edited");
        message.put("attachments", List.of(Map.of("from_url", "https://status.example.com", "title", "Status")));
        inc.send(unfurl);

        TimelineEntry e = inc.message(ts);
        assertThat(e.text()).isEqualTo("see https://status.example.com");
        assertThat(e.editedAt()).isNull();
    }

    @Test
    void aDeletedThreadParentLeavesATombstoneThatDeletesTheEntry() {
        String parent = ts(100);
        inc.send(SlackEvents.message(inc.id, "UBOB00001", parent, "is it DNS?"));
        inc.send(SlackEvents.reply(inc.id, "UCAROL001", ts(200), parent, "it is never DNS"));
        Map<String, Object> tombstone = SlackEvents.edit(inc.id, "UBOB00001", parent, "is it DNS?",
                "This message was deleted.", ts(300));
        tombstone.put("message", Map.of("type", "message", "subtype", "tombstone", "text", "This message was deleted.",
                "user", "USLACKBOT", "hidden", true, "ts", parent, "thread_ts", parent, "reply_count", 1));
        inc.send(tombstone);

        assertThat(inc.message(parent).deleted()).isTrue();
        assertThat(inc.message(parent).text()).isEqualTo("is it DNS?");
        assertThat(inc.message(ts(200)).deleted()).isFalse();
    }
}
