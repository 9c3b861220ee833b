-- Clause exemplars a tenant taught the clause agent (POST /api/v1/clause-exemplars). Vectors are kept as real[]:
-- the agent compares a document's chunks with all of the tenant's exemplars in memory, so no vector index is needed,
-- and the model id is stored because vectors of different models are not comparable.
CREATE TABLE clause_exemplar (
    id         uuid        PRIMARY KEY,
    tenant_id  uuid        NOT NULL,
    category   text        NOT NULL,
    text       text        NOT NULL,
    text_hash  text        NOT NULL,          -- md5 of the text: learning the same exemplar twice stores it once
    model_id   text        NOT NULL,
    embedding  real[]      NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX clause_exemplar_unique ON clause_exemplar (tenant_id, category, model_id, text_hash);
