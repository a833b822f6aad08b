-- A user's tokens carry the generation they were issued in; disabling the user, a new password or a new
-- role or unit moves the generation on, and every older token is refused on every node.
ALTER TABLE users ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0;
