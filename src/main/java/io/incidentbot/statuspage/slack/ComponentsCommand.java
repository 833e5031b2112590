package io.incidentbot.statuspage.slack;

import io.incidentbot.statuspage.Component;
import io.incidentbot.statuspage.StatusPageException;
import io.incidentbot.statuspage.StatusPageService;

import java.util.List;
import java.util.Locale;

/**
 * {@code /incident components add <Name|Group/Name>}, {@code remove <Name>} and {@code list}: the text after
 * {@code components}, answered with one ephemeral sentence (plain text; the caller escapes it for Slack). A refusal
 * (unknown component, name taken, malformed name) is the answer, nothing changed.
 */
public final class ComponentsCommand {
    /** The usage line shown for anything else. */
    public static final String USAGE = "Usage: /incident components add <Name or Group/Name> | remove <Name> | list";
    private final StatusPageService service;

    /** @param service the status page's use cases */
    public ComponentsCommand(StatusPageService service) {
        this.service = service;
    }

    /**
     * @param text what follows {@code components}, e.g. {@code add Web/Login}
     * @return the answer to show the user
     */
    public String run(String text) {
        String t = text == null ? "" : text.strip();
        String[] parts = t.split("\\s+", 2);
        String verb = parts[0].toLowerCase(Locale.ROOT);
        String arg = parts.length > 1 ? parts[1].strip() : "";
        try {
            switch (verb) {
                case "", "list" -> {
                    return list(service.components());
                }
                case "add" -> {
                    if (arg.isEmpty()) {
                        return USAGE;
                    }
                    Component c = service.addComponent(arg);
                    return "Added " + c.fullName() + " to the status page (operational).";
                }
                case "remove" -> {
                    if (arg.isEmpty()) {
                        return USAGE;
                    }
                    Component c = service.removeComponent(arg);
                    return "Removed " + c.fullName() + " from the status page; its history is kept for past incidents.";
                }
                default -> {
                    return USAGE;
                }
            }
        } catch (StatusPageException e) {
            return e.getMessage();
        }
    }

    private static String list(List<Component> components) {
        if (components.isEmpty()) {
            return "The status page has no components yet. Add one with /incident components add <Name>.";
        }
        StringBuilder b = new StringBuilder("Components on the status page:");
        for (Component c : components) {
            b.append("\n- ").append(c.fullName()).append(": ").append(c.state().word());
        }
        return b.toString();
    }
}
