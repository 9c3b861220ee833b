package io.docmatrix.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.docmatrix.runtime.identity.CallerIdentityAutoConfiguration;
import jakarta.validation.constraints.Positive;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * A service with a missing or invalid setting stops with one line naming the property, checked on a real
 * SpringApplication run with the analyzer registered as every service gets it (spring.factories).
 */
class ConfigurationFailureAnalyzerTest {

    @Validated
    @ConfigurationProperties("demo")
    record DemoProperties(@DefaultValue("5") @Positive int workers, @DefaultValue("10s") Duration timeout) {}

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DemoProperties.class)
    @ImportAutoConfiguration({ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class})
    static class DemoApplication {}

    /** The identity secret every service requires, through its real auto-configuration. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        ConfigurationPropertiesAutoConfiguration.class,
        ValidationAutoConfiguration.class,
        CallerIdentityAutoConfiguration.class
    })
    static class IdentityApplication {}

    @Test
    void namesTheInvalidPropertyItsValueAndTheReason() {
        String report = failedStartup(DemoApplication.class, "--demo.workers=0");

        assertThat(report)
                .contains("Invalid configuration: demo.workers (0): must be greater than 0")
                .doesNotContain("Binding to target");
    }

    @Test
    void namesAPropertyWhoseValueCannotBeConverted() {
        String report = failedStartup(DemoApplication.class, "--demo.timeout=soon");

        assertThat(report).contains("Invalid configuration: demo.timeout (soon): ");
    }

    @Test
    void namesTheMissingIdentitySecretEveryServiceRequiresWithoutEchoingSecrets() {
        String missing = failedStartup(IdentityApplication.class);
        String tooShort = failedStartup(IdentityApplication.class, "--docmatrix.identity.secret=short");

        assertThat(missing)
                .contains("Invalid configuration: docmatrix.identity.secret (not set): set DOCMATRIX_INTERNAL_SECRET");
        assertThat(tooShort)
                .contains("Invalid configuration: docmatrix.identity.secret (******): docmatrix.identity.secret must"
                        + " have at least 32 characters")
                .doesNotContain("(short)");
    }

    /** Runs the application, which must fail, and returns what it printed. */
    private static String failedStartup(Class<?> application, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(printed, true);
        try {
            System.setOut(capture);
            System.setErr(capture);
            SpringApplication app = new SpringApplication(application);
            app.setWebApplicationType(WebApplicationType.NONE);
            assertThatThrownBy(() -> app.run(args)).isNotNull();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return printed.toString();
    }
}
