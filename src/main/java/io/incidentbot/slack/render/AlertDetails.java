package io.incidentbot.slack.render;

import io.incidentbot.alerts.SilenceLink;
import io.incidentbot.store.AlertRepository.StoredAlert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the alerts of one group share and what tells each apart, for {@link AlertPosts#groupBlocks}: the
 * labels every alert has with the same value (the silence link's matchers), the labels that differ
 * (shown on each alert's line, {@code alertname} aside), and the description and runbook shown once when
 * every alert has the same, else per alert. Every value is escaped with {@link Messages#escape}.
 */
final class AlertDetails {
    /** Most differing labels shown on one alert's line; longer values are cut. */
    private static final int LABELS_SHOWN = 4;
    private static final int LABEL_VALUE = 60;

    private final Map<String, String> common;
    private final List<String> differing;
    private final String description;
    private final String runbook;

    private AlertDetails(Map<String, String> common, List<String> differing, String description, String runbook) {
        this.common = common;
        this.differing = differing;
        this.description = description;
        this.runbook = runbook;
    }

    /** @param alerts the group's alerts, latest state (labels may be empty for alerts stored before V19) */
    static AlertDetails of(List<StoredAlert> alerts) {
        List<StoredAlert> known = alerts.stream().filter(a -> !a.labels().isEmpty()).toList();
        Map<String, String> common = new HashMap<>();
        TreeSet<String> names = new TreeSet<>();
        known.forEach(a -> names.addAll(a.labels().keySet()));
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            String first = known.get(0).labels().get(name);
            if (known.stream().allMatch(a -> Objects.equals(a.labels().get(name), first))) {
                common.put(name, first);
            } else if (!name.equals("alertname")) {
                differing.add(name);
            }
        }
        return new AlertDetails(common, differing, same(alerts, StoredAlert::description),
                same(alerts, StoredAlert::runbookUrl));
    }

    private static String same(List<StoredAlert> alerts, java.util.function.Function<StoredAlert, String> f) {
        if (alerts.isEmpty()) {
            return null;
        }
        String first = f.apply(alerts.get(0));
        return alerts.stream().allMatch(a -> Objects.equals(f.apply(a), first)) ? first : null;
    }

    /**
     * @param alertmanager the group's Alertmanager {@code externalURL}, or null
     * @return what every alert shares: {@code <runbook|Runbook> · <silence|Silence> · description}; empty for nothing
     */
    String sharedLine(String alertmanager) {
        List<String> parts = new ArrayList<>();
        if (runbook != null) {
            parts.add(AlertPosts.link("Runbook", runbook));
        }
        SilenceLink.alertmanager(alertmanager, common).ifPresent(u -> parts.add(AlertPosts.link("Silence", u)));
        if (description != null) {
            parts.add(Messages.escape(description));
        }
        return String.join(" · ", parts);
    }

    /** @return the labels that tell {@code a} apart from the group's other alerts: {@code  — instance=db-2, job=x} */
    String distinct(StoredAlert a) {
        String shown = differing.stream().filter(a.labels()::containsKey).limit(LABELS_SHOWN)
                .map(n -> Messages.escape(n + "=" + Messages.truncate(a.labels().get(n), LABEL_VALUE)))
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "" : " — " + shown;
    }

    /**
     * @return {@code a}'s own runbook link and description when the group's alerts differ in them, and its own
     *         <b>Silence</b> link when it has one (a Grafana-managed alert's {@code silenceURL}; dropped when it is
     *         not an http(s) URL)
     */
    String own(StoredAlert a) {
        StringBuilder s = new StringBuilder();
        if (runbook == null && a.runbookUrl() != null) {
            s.append(" · ").append(AlertPosts.link("Runbook", a.runbookUrl()));
        }
        String silence = AlertPosts.link("Silence", a.silenceUrl());
        if (silence.startsWith("<")) {
            s.append(" · ").append(silence);
        }
        if (description == null && a.description() != null) {
            s.append("\n      ").append(Messages.escape(Messages.truncate(a.description(), 200)));
        }
        return s.toString();
    }
}
