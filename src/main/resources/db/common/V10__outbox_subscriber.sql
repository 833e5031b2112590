-- Issue 20: the outbox is a mechanism shared by every subscriber (slack, pager, ...). Each job names the
-- subscriber that delivers it; its ordering lane is (incident, subscriber), so one integration's outage
-- never holds another's jobs back. Jobs stored before this release were all the Slack adapter's: they
-- keep their kinds (CREATE_CHANNEL, POST_CHANNEL, ANNOUNCE, ...) and are delivered by it.
ALTER TABLE outbox ADD COLUMN subscriber TEXT NOT NULL DEFAULT 'slack';
CREATE INDEX outbox_lane ON outbox(state, incident, subscriber, id);
