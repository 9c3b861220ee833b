package io.docmatrix.contracts.audit;

/**
 * What happened to a user account in a {@link UserChanged} event. A closed set in v1: a new value would break consumers
 * that switch over it, so it needs a new major version.
 */
public enum UserChange {
    /** The account was created. */
    CREATED,
    /** The account was disabled; its sessions and refresh tokens were revoked. */
    DISABLED,
    /** A disabled account was enabled again. */
    ENABLED,
    /** The account's roles changed; {@code roles} holds the new set. */
    ROLES_CHANGED,
    /** The user changed their own password. */
    PASSWORD_CHANGED,
    /** An administrator reset the user's password. */
    PASSWORD_RESET
}
