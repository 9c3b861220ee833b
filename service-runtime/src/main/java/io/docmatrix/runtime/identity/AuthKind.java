package io.docmatrix.runtime.identity;

/** How the caller authenticated at the gateway. */
public enum AuthKind {
    /** A person, with a JWT access token. */
    USER,
    /** A program, with an API key. */
    API_KEY
}
