package io.docmatrix.gateway.access;

import java.util.List;
import java.util.Set;

/**
 * One line of the matrix.
 *
 * @param methods HTTP methods this line covers; empty for every method
 * @param paths path patterns ({@code *} one segment, {@code **} the rest)
 * @param access what the caller needs
 */
public record AccessRule(Set<String> methods, List<String> paths, Access access) {

    public AccessRule {
        methods = Set.copyOf(methods);
        paths = List.copyOf(paths);
    }
}
