-- The gateway consumes document deletions (to forget deleted uploads); an event id is recorded in the same
-- transaction as its effect so a redelivery is recognised.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
