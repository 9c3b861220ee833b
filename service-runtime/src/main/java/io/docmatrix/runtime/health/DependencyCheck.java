package io.docmatrix.runtime.health;

/**
 * One remote dependency whose absence makes the service unable to do its job. Implementations must return within
 * their own timeout and never throw: a failure is a {@link DependencyState#down(String)}.
 */
public interface DependencyCheck {

    /** Short stable name used in logs and the health report, e.g. {@code postgres} or {@code kafka}. */
    String name();

    DependencyState check();
}
