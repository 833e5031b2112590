-- The public resolution message of a published incident (issue 23): written by the Resolve modal's "Public
-- resolution message" field just before the resolve, read when the resolve closes the incident on the page.
-- NULL: the page says "This incident has been resolved." The internal resolve summary is never used.
ALTER TABLE status_incident ADD COLUMN resolution_message TEXT;
