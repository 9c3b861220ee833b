-- pgvector is installed by the platform provisioning (a superuser); this only asserts it is there.
CREATE EXTENSION IF NOT EXISTS vector;

-- Idempotent consumers: an event id is recorded in the same transaction as its effect, so a redelivered event is
-- recognised and skipped.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
