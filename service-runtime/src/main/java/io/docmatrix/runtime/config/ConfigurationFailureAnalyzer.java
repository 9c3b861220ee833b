package io.docmatrix.runtime.config;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a setting that cannot be bound or fails validation into one line per offending property, {@code Invalid
 * configuration: <property> (<value>): <reason>}, instead of Boot's multi-paragraph report under a stack trace: an
 * operator reading a crash-looping pod's last log line sees which setting to fix. Runs before Boot's own analyzers.
 * Secrets are never echoed: a property whose name suggests one shows {@code ******} as its value.
 */
public final class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
        return new FailureAnalysis(
                describe(cause),
                "Fix the named setting in the service's configuration (deploy/config/*.yml, served by the config server)"
                        + " or its environment variable, then start the service again.",
                cause);
    }

    /** One line per offending property; several when validation found several. */
    public static String describe(BindException failure) {
        List<String> lines = new ArrayList<>();
        if (failure.getCause() instanceof BindValidationException validation) {
            for (ObjectError error : validation.getValidationErrors().getAllErrors()) {
                lines.add(line(validation, error));
            }
        }
        if (lines.isEmpty()) {
            ConfigurationProperty property = failure.getProperty();
            String name = property != null
                    ? property.getName().toString()
                    : failure.getName().toString();
            Object value = property != null ? property.getValue() : null;
            lines.add(line(name, value, reason(failure), property != null ? property.getOrigin() : null));
        }
        return String.join("\n", lines);
    }

    private static String line(BindValidationException validation, ObjectError error) {
        if (error instanceof FieldError field) {
            String name = validation.getValidationErrors().getName() + "." + kebab(field.getField());
            ConfigurationProperty property = validation.getValidationErrors().getBoundProperties().stream()
                    .filter(p -> p.getName().toString().equals(name))
                    .findFirst()
                    .orElse(null);
            Object value = property != null ? property.getValue() : field.getRejectedValue();
            return line(name, value, field.getDefaultMessage(), property != null ? property.getOrigin() : null);
        }
        return line(validation.getValidationErrors().getName().toString(), null, error.getDefaultMessage(), null);
    }

    private static String line(String name, @Nullable Object value, @Nullable String reason, @Nullable Origin origin) {
        String shown = value == null ? "not set" : secret(name) ? "******" : String.valueOf(value);
        return "Invalid configuration: " + name + " (" + shown + "): " + (reason == null ? "invalid" : reason)
                + (origin == null ? "" : " [from " + origin + "]");
    }

    private static String reason(BindException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? "cannot be bound" : root.getMessage();
    }

    private static boolean secret(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("secret")
                || lower.contains("password")
                || lower.contains("key") && !lower.endsWith("-keys");
    }

    /** Validation names fields in camel case; configuration names them in kebab case. */
    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
