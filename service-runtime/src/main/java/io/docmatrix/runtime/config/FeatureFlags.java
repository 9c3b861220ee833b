package io.docmatrix.runtime.config;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A service's feature flags as they are in force now, by their configuration name, for {@code /actuator/flags}
 * (which the gateway gathers into {@code GET /api/v1/admin/features}). Each service declares one bean of this type.
 */
@FunctionalInterface
public interface FeatureFlags {

    /** Flag name (kebab case, as in the configuration) to whether it is on. */
    Map<String, Boolean> current();

    /**
     * The boolean components of a flags record, read from the holder on every call so a refresh shows at once; names
     * are the record components in kebab case, prefixed with the holder's prefix, e.g. {@code query.features.llm-answers}.
     */
    static FeatureFlags of(Supplier<? extends Record> flags, String prefix) {
        return () -> {
            Record record = flags.get();
            Map<String, Boolean> current = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType() != boolean.class) {
                    continue;
                }
                try {
                    current.put(prefix + "." + kebab(component.getName()), (Boolean)
                            component.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read flag " + component.getName(), e);
                }
            }
            return current;
        };
    }

    static FeatureFlags of(RefreshableProperties<? extends Record> flags) {
        return of(flags, flags.prefix());
    }

    private static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
