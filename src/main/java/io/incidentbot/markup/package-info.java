/**
 * Slack's message markup ({@code mrkdwn}) as plain text rules, with no Slack SDK: user mentions and
 * the neutral user token of command timeline entries. Shared by the Slack adapter (which posts and
 * parses commands), the postmortem draft (which turns Slack text into Markdown) and the import.
 */
package io.incidentbot.markup;
