-- Gatehouse SSO schema, version 2: values that may be used once (SingleUseValues), in a table of their own.
-- Runs unchanged on H2 2.x and PostgreSQL. Statements end with a semicolon at the end of a line.

-- The primary key makes concurrent first uses on any number of nodes give exactly one winner.
-- Rows are only needed until expires_at; the store deletes expired rows in small batches.
CREATE TABLE sso_single_use (
    use_value   VARCHAR(600) PRIMARY KEY,
    expires_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_single_use_expiry_ix ON sso_single_use (expires_at);

-- Version 1 recorded a used email-confirmation link as a social account of the pseudo-provider
-- 'gatehouse:email-confirmed' with uid '<user id>:<lower-cased email>'. Move each into the new table under the
-- value the engine now uses. A link expires at most one day after it was sent, which was before it was used
-- (date_joined), so one day after the use keeps every such link refused for as long as it could be presented.
INSERT INTO sso_single_use (use_value, expires_at)
SELECT 'email-confirmation:' || uid, COALESCE(date_joined, CURRENT_TIMESTAMP) + INTERVAL '1' DAY
FROM sso_social_account
WHERE provider = 'gatehouse:email-confirmed';

-- Their tokens (there are none: the markers were linked without one) go with them by ON DELETE CASCADE.
DELETE FROM sso_social_account WHERE provider = 'gatehouse:email-confirmed';
