package io.docmatrix.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DependencyWatchTest {

    private final SwitchableCheck database = new SwitchableCheck("postgres");
    private final SwitchableCheck kafka = new SwitchableCheck("kafka");
    private final DependencyWatch watch = new DependencyWatch(List.of(database, kafka), Duration.ofHours(1));

    @Test
    void isReadyWhenEveryDependencyAnswers() {
        watch.checkNow();

        assertThat(watch.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isOutOfServiceWhileOneDependencyIsDownAndNamesIt() {
        kafka.down("Connection refused");

        watch.checkNow();

        assertThat(watch.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(watch.health().getDetails()).containsEntry("kafka", "DOWN: Connection refused");
        assertThat(watch.health().getDetails()).containsEntry("postgres", "UP");
    }

    @Test
    void logsAnOutageOnceAndTheRecoveryOnce(CapturedOutput output) {
        watch.checkNow();
        database.down("Connection refused");

        watch.checkNow();
        watch.checkNow();
        watch.checkNow();
        database.up();
        watch.checkNow();

        assertThat(output.getOut().split("Dependency postgres became unreachable", -1))
                .hasSize(2);
        assertThat(output.getOut().split("Dependency postgres is reachable again", -1))
                .hasSize(2);
        assertThat(watch.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void isNotReadyBeforeTheFirstCheckHasRun() {
        assertThat(watch.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(watch.health().getDetails()).containsEntry("postgres", "UNKNOWN");
    }

    /** An in-memory dependency the test switches on and off. */
    private static final class SwitchableCheck implements DependencyCheck {
        private final String name;
        private DependencyState state = DependencyState.healthy();

        SwitchableCheck(String name) {
            this.name = name;
        }

        void down(String reason) {
            state = DependencyState.down(reason);
        }

        void up() {
            state = DependencyState.healthy();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public DependencyState check() {
            return state;
        }
    }
}
