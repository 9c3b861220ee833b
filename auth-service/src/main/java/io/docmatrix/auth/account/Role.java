package io.docmatrix.auth.account;

/** The roles of the platform, as they appear in tokens, identity headers and API keys. */
public enum Role {
    /** Creates tenants and rotates signing keys; never granted to API keys. */
    PLATFORM_ADMIN,
    /** Manages the tenant's users, API keys and playbooks, and deletes documents. */
    ADMIN,
    /** Uploads and analyses documents and asks questions. */
    ANALYST,
    /** Reads and asks only. */
    VIEWER
}
