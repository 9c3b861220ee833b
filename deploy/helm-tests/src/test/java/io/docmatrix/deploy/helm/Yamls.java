package io.docmatrix.deploy.helm;

import java.util.List;
import java.util.Map;

/** Navigation over SnakeYAML's maps and lists; a missing step yields null, an empty map or an empty list. */
final class Yamls {

    private Yamls() {}

    /** The value at a dotted path; a dot inside a key is escaped ({@code data.application\\.yml}). */
    static Object at(Object root, String path) {
        Object current = root;
        for (String escaped : path.split("(?<!\\\\)\\.")) {
            String step = escaped.replace("\\.", ".");
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }
}
