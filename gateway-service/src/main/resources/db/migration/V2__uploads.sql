-- The gateway's intake: every accepted upload (one row per document version), so it can answer duplicates,
-- assign versions and honour idempotency keys without asking another service.
CREATE TABLE upload (
    document_id  uuid        NOT NULL,
    version      int         NOT NULL CHECK (version >= 1),
    tenant_id    uuid        NOT NULL,
    sha256       text        NOT NULL,
    size_bytes   bigint      NOT NULL,
    content_type text        NOT NULL,
    filename     text        NOT NULL,
    external_id  text,
    blob_store   text        NOT NULL,
    blob_key     text        NOT NULL,
    uploaded_by  text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (document_id, version)
);
CREATE INDEX upload_by_hash ON upload (tenant_id, sha256);
CREATE INDEX upload_by_external_id ON upload (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX upload_by_filename ON upload (tenant_id, filename) WHERE external_id IS NULL;

-- A client retry carrying the same Idempotency-Key gets the first answer again, never a second document.
CREATE TABLE idempotency_key (
    tenant_id   uuid        NOT NULL,
    key         text        NOT NULL,
    sha256      text        NOT NULL,
    document_id uuid        NOT NULL,
    version     int         NOT NULL,
    duplicate   boolean     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, key)
);
