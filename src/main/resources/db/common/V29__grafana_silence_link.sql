-- Issue 24. A Grafana-managed alert's own silenceURL (Grafana's webhook, per alert), shown as the alert's
-- Silence link in its alert post; null for other sources (Alertmanager's link is built from the group's
-- external_url). Portable SQL.
ALTER TABLE alert ADD COLUMN silence_url TEXT;
