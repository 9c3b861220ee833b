package io.docmatrix.runtime.health;

import org.jspecify.annotations.Nullable;

/** The outcome of one dependency check; {@code reason} says why a dependency is down and is null when it is up. */
public record DependencyState(boolean up, @Nullable String reason) {

    public static DependencyState healthy() {
        return new DependencyState(true, null);
    }

    public static DependencyState down(String reason) {
        return new DependencyState(false, reason);
    }
}
