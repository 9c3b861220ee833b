package io.docmatrix.gateway.access;

/** What a request needs to pass one rule of the {@link AccessMatrix}. */
public sealed interface Access {

    /** No credentials needed: login, token refresh, the JWKS, health and API docs. */
    record Public() implements Access {}

    /** Any authenticated caller, whatever its roles. */
    record AnyCaller() implements Access {}

    /** A caller holding {@code role} or a higher one. */
    record AtLeast(Role role) implements Access {}

    /** Nobody: routed paths no rule names are closed rather than open by omission. */
    record Nobody() implements Access {}
}
