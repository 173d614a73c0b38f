-- Gatehouse SSO schema, version 5: error-log flood control and the scopes of stored tokens.
-- Identical failures of one window share a row: flood_key names them (a digest of kind, provider and path, and the
-- window's start); rows appended one by one have none. Both databases let a unique index hold many NULLs.

ALTER TABLE sso_error_log ADD COLUMN provider VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE sso_error_log ADD COLUMN occurrences BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE sso_error_log ADD COLUMN first_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE sso_error_log ADD COLUMN flood_key VARCHAR(100);
UPDATE sso_error_log SET first_at = occurred_at;
CREATE UNIQUE INDEX sso_error_log_flood_uk ON sso_error_log (flood_key);
CREATE INDEX sso_error_log_kind_ix ON sso_error_log (kind, occurred_at);
CREATE INDEX sso_error_log_provider_ix ON sso_error_log (provider, occurred_at);

-- the scopes the IdP granted, space-separated; no secret
ALTER TABLE sso_social_token ADD COLUMN scopes VARCHAR DEFAULT '' NOT NULL;
