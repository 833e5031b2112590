package io.incidentbot.trackers;

import java.util.Locale;

/**
 * A follow-up's tracker issue, or the attempt to create one.
 *
 * @param provider {@code github}, {@code jira} or {@code gitlab}
 * @param status   pending (the create job is queued), created, or failed (for good; {@code retry} offers it again)
 * @param key      the issue key once created ({@code acme/ops#12}, {@code OPS-7}, {@code 14#23}), else null
 * @param url      the web page once created, else null
 * @param error    the tracker's error when failed, else null
 */
public record TrackerLink(String provider, Status status, String key, String url, String error) {
    /** Where the export stands. */
    public enum Status {
        PENDING, CREATED, FAILED;

        /** @return the stored word */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
