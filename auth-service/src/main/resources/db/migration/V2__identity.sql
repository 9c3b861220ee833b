-- Identity: tenants, users and roles, refresh token families, API keys, signing keys and login failures.
-- Secrets are never stored: passwords as Argon2id hashes, refresh tokens and API keys as SHA-256 hashes, signing
-- keys' private halves encrypted with AES-GCM under DOCMATRIX_AUTH_KEY_SECRET.

CREATE TABLE tenants (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id),
    username      text        NOT NULL CHECK (username = lower(username)),
    password_hash text        NOT NULL,
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, username)
);

CREATE TABLE user_roles (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    text NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'ADMIN', 'ANALYST', 'VIEWER')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE refresh_tokens (
    id         uuid        PRIMARY KEY,
    family_id  uuid        NOT NULL,              -- all tokens descending from one login
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash bytea       NOT NULL UNIQUE,       -- SHA-256 of the opaque token
    issued_at  timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz,                       -- set when exchanged; presenting it again is reuse
    revoked_at timestamptz
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (tenant_id, user_id) WHERE revoked_at IS NULL;

CREATE TABLE api_keys (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id),
    name         text        NOT NULL,
    prefix       text        NOT NULL UNIQUE,     -- the visible part after dmx_, used to find the row
    key_hash     bytea       NOT NULL,            -- SHA-256 of the whole key
    role         text        NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'VIEWER')),
    created_by   text        NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE signing_keys (
    kid                   text        PRIMARY KEY,
    algorithm             text        NOT NULL,
    created_at            timestamptz NOT NULL,   -- published in the JWKS from here
    activates_at          timestamptz NOT NULL,   -- signs from here (publish-ahead)
    public_key            bytea       NOT NULL,   -- X.509 DER
    private_key_encrypted bytea       NOT NULL    -- PKCS#8 DER, AES-256-GCM with the kid as associated data
);

CREATE TABLE login_failures (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account        text        NOT NULL,          -- tenant slug / username as sent, existing or not
    client_address text        NOT NULL,
    failed_at      timestamptz NOT NULL
);
CREATE INDEX login_failures_account ON login_failures (account, failed_at DESC);
CREATE INDEX login_failures_address ON login_failures (client_address, failed_at DESC);
