package io.docmatrix.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/** The real checks against the real PostgreSQL, the embedded Kafka broker, and ports where nothing listens. */
@EmbeddedKafka(partitions = 1)
class DependencyChecksIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void databaseCheckIsUpAgainstTheRealDatabase() {
        try (HikariDataSource dataSource = dataSource(testDatabaseUrl())) {
            assertThat(new DatabaseCheck(dataSource, TIMEOUT).check().up()).isTrue();
        }
    }

    @Test
    void databaseCheckIsDownWithAReasonWhenNothingListens() throws IOException {
        try (HikariDataSource dataSource = dataSource("jdbc:postgresql://127.0.0.1:" + closedPort() + "/none")) {
            DependencyState state = new DatabaseCheck(dataSource, TIMEOUT).check();

            assertThat(state.up()).isFalse();
            assertThat(state.reason()).contains("Connection");
        }
    }

    @Test
    void kafkaCheckIsUpAgainstARealBroker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();

        try (KafkaCheck check = kafkaCheck(broker.getBrokersAsString())) {
            assertThat(check.check().up()).isTrue();
        }
    }

    @Test
    void kafkaCheckIsDownWithinItsTimeoutWhenNoBrokerListens() throws IOException {
        try (KafkaCheck check = kafkaCheck("127.0.0.1:" + closedPort())) {
            long started = System.nanoTime();

            DependencyState state = check.check();

            assertThat(state.up()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
        }
    }

    private static KafkaCheck kafkaCheck(String bootstrap) {
        return new KafkaCheck(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), TIMEOUT);
    }

    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("docmatrix_test");
        config.setConnectionTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static String testDatabaseUrl() {
        String host = System.getenv().getOrDefault("DOCMATRIX_TEST_PG_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("DOCMATRIX_TEST_PG_PORT", "5433");
        return "jdbc:postgresql://" + host + ":" + port + "/docmatrix_query_test";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
