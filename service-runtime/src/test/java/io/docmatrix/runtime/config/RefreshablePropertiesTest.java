package io.docmatrix.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

class RefreshablePropertiesTest {

    record Budget(@DefaultValue("10") @Min(1) int requests) {}

    record Settings(@DefaultValue("default") @NotBlank String playbook, @DefaultValue @Valid Budget budget) {}

    record Flags(@DefaultValue("true") boolean answers, @DefaultValue("false") boolean ocrForScans) {}

    private final Map<String, Object> served = new HashMap<>();
    private final StandardEnvironment environment = new StandardEnvironment();
    private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

    RefreshablePropertiesTest() {
        environment.getPropertySources().addFirst(new MapPropertySource("served", served));
        validator.afterPropertiesSet();
    }

    @Test
    void bindsDefaultsWhenNothingIsSet() {
        RefreshableProperties<Settings> settings = holder();

        assertThat(settings.get()).isEqualTo(new Settings("default", new Budget(10)));
    }

    @Test
    void appliesChangedValuesOnAnEnvironmentChange() {
        RefreshableProperties<Settings> settings = holder();
        served.put("demo.budget.requests", "3");
        served.put("demo.playbook", "strict");

        settings.onApplicationEvent(new EnvironmentChangeEvent(environment, java.util.Set.of("demo.budget.requests")));

        assertThat(settings.get()).isEqualTo(new Settings("strict", new Budget(3)));
        assertThat(settings.lastRejection()).isNull();
    }

    @Test
    void keepsThePreviousValuesWhenARefreshedValueIsInvalid() {
        served.put("demo.budget.requests", "5");
        RefreshableProperties<Settings> settings = holder();
        served.put("demo.budget.requests", "0");
        served.put("demo.playbook", "strict");

        boolean applied = settings.reload();

        assertThat(applied).isFalse();
        assertThat(settings.get()).isEqualTo(new Settings("default", new Budget(5)));
        assertThat(settings.lastRejection())
                .startsWith("Invalid configuration: demo.budget.requests (0): must be greater than or equal to 1");
    }

    @Test
    void keepsThePreviousValuesWhenARefreshedValueCannotBeConverted() {
        RefreshableProperties<Settings> settings = holder();
        served.put("demo.budget.requests", "lots");

        assertThat(settings.reload()).isFalse();

        assertThat(settings.get().budget().requests()).isEqualTo(10);
        assertThat(settings.lastRejection()).startsWith("Invalid configuration: demo.budget.requests (lots): ");
    }

    @Test
    void failsAtStartupOnAnInvalidValue() {
        served.put("demo.playbook", " ");

        assertThatThrownBy(this::holder).isInstanceOf(BindException.class).satisfies(e -> assertThat(
                        ConfigurationFailureAnalyzer.describe((BindException) e))
                .isEqualTo("Invalid configuration: demo.playbook ( ): must not be blank [from \"demo.playbook\""
                        + " from property source \"served\"]"));
    }

    @Test
    void showsBooleanComponentsAsFlagsNamedAsConfigured() {
        served.put("demo.flags.ocr-for-scans", "true");
        RefreshableProperties<Flags> flags =
                new RefreshableProperties<>("demo.flags", Flags.class, environment, validator);

        assertThat(FeatureFlags.of(flags).current())
                .containsExactly(Map.entry("demo.flags.answers", true), Map.entry("demo.flags.ocr-for-scans", true));

        served.put("demo.flags.answers", "false");
        flags.reload();
        assertThat(FeatureFlags.of(flags).current()).containsEntry("demo.flags.answers", false);
    }

    @Test
    void refusesAFlagThatIsNotABoolean() {
        RefreshableProperties<Flags> flags =
                new RefreshableProperties<>("demo.flags", Flags.class, environment, validator);
        served.put("demo.flags.answers", "maybe");

        assertThat(flags.reload()).isFalse();

        assertThat(flags.get().answers()).isTrue();
        assertThat(flags.lastRejection()).startsWith("Invalid configuration: demo.flags.answers (maybe): ");
    }

    private RefreshableProperties<Settings> holder() {
        return new RefreshableProperties<>("demo", Settings.class, environment, validator);
    }
}
