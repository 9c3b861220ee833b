package io.docmatrix.auth.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * One clock for token times, throttling windows and key rotation; scheduling drives the automatic key rotation. It
 * ticks in milliseconds: PostgreSQL keeps microseconds and JWTs whole seconds, and nanosecond instants would make
 * event times look more precise than anything that stores them.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
