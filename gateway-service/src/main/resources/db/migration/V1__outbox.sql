-- The transactional outbox: a service writes its events here in the same transaction as the state they describe,
-- and the Debezium embedded engine relays committed rows to Kafka. Nothing ever saves and sends in one step.
CREATE TABLE outbox (
    id            uuid        PRIMARY KEY,          -- the event id, carried as ce_id
    aggregatetype text        NOT NULL,             -- the destination topic
    aggregateid   text        NOT NULL,             -- the Kafka key (the aggregate id)
    type          text        NOT NULL,             -- the CloudEvents type (ce_type)
    payload       jsonb       NOT NULL,             -- the event record as JSON
    ce_source     text        NOT NULL,
    ce_time       text        NOT NULL,
    ce_tenantid   text,
    traceparent   text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
