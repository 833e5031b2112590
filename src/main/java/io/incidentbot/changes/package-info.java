/**
 * Changes to production ("what changed?", issue 12): the {@link io.incidentbot.changes.Change} record that GitHub
 * deliveries and {@code POST /hooks/changes} are read into. No Slack types here.
 */
package io.incidentbot.changes;
