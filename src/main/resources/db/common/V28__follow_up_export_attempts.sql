-- When the bot last sent a tracker issue's create (epoch microseconds), written just before each attempt (issue 22).
-- A retry after an attempt whose answer was lost searches the tracker for the issue that attempt may have made;
-- Jira's search is eventually consistent, so the retry creates only once the search has had time to show it
-- (TrackerClient.searchLag after this time).
ALTER TABLE follow_up_export ADD COLUMN create_attempted_at BIGINT;
