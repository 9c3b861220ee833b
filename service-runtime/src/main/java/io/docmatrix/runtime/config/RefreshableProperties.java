package io.docmatrix.runtime.config;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * A validated settings record that follows the configuration at run time. Constructor-bound
 * {@code @ConfigurationProperties} records are bound once and never rebound by {@code /actuator/refresh}; settings
 * operators tune live (rate limits, feature flags, playbook defaults) are held here instead and rebound, with the same
 * validation, on every {@link EnvironmentChangeEvent}. An invalid new value is refused as a whole: the previous record
 * stays in force and the refusal is logged with the property, value and reason (and kept for {@link #lastRejection}),
 * so a typo in the served configuration cannot switch a limit off. At startup an invalid value fails the context with
 * the same {@link BindException} a {@code @ConfigurationProperties} record would, which {@link
 * ConfigurationFailureAnalyzer} turns into one line.
 *
 * @param <T> the settings record; {@code @DefaultValue}, nested records and Bean Validation work as on a
 *     {@code @ConfigurationProperties} record
 */
public final class RefreshableProperties<T> implements Supplier<T>, ApplicationListener<EnvironmentChangeEvent> {

    private static final Logger log = LoggerFactory.getLogger(RefreshableProperties.class);

    private final String prefix;
    private final Class<T> type;
    private final ConfigurableEnvironment environment;
    private final SpringValidatorAdapter validator;
    private volatile T current;
    private volatile @Nullable String lastRejection;

    public RefreshableProperties(
            String prefix, Class<T> type, ConfigurableEnvironment environment, jakarta.validation.Validator validator) {
        this.prefix = prefix;
        this.type = type;
        this.environment = environment;
        this.validator = new SpringValidatorAdapter(validator);
        this.current = bind();
    }

    /** The settings in force. */
    @Override
    public T get() {
        return current;
    }

    public String prefix() {
        return prefix;
    }

    /** Why the latest refresh of these settings was refused, or null when it was applied (or none happened yet). */
    public @Nullable String lastRejection() {
        return lastRejection;
    }

    @Override
    public void onApplicationEvent(EnvironmentChangeEvent event) {
        // Rebinding is cheap and key names vary with their source (relaxed binding), so every change rebinds.
        reload();
    }

    /**
     * Binds the settings again from the environment.
     *
     * @return true when the new values are valid and in force, false when they were refused
     */
    public boolean reload() {
        T next;
        try {
            next = bind();
        } catch (BindException e) {
            String reason = ConfigurationFailureAnalyzer.describe(e);
            lastRejection = reason;
            log.error("Refused refreshed settings under '{}'; the previous values stay in force. {}", prefix, reason);
            return false;
        }
        lastRejection = null;
        if (!Objects.equals(next, current)) {
            log.info("Applied refreshed settings under '{}': {}", prefix, next);
            current = next;
        }
        return true;
    }

    private T bind() {
        return Binder.get(environment).bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
    }
}
