-- The world's storage, version 7.
-- "People like you" is opt-in: a row means the account agreed to be suggested to others with
-- similar tastes and to see such suggestions itself. No row, the default, means neither.
CREATE TABLE people_suggestions (
    account_id   BIGINT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    opted_in_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
