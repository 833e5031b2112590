package io.incidentbot.statuspage;

/**
 * The page's overall status: Statuspage's {@code status} object of {@code /api/v2/status.json} and the banner.
 *
 * @param indicator   none, minor, major or critical
 * @param description the banner's text, Statuspage's blended description (e.g. {@code All Systems Operational},
 *                    {@code Partial System Outage})
 */
public record Overall(Indicator indicator, String description) {
}
