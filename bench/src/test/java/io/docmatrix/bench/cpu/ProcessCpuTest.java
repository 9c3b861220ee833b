package io.docmatrix.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCpuTest {

    @TempDir
    Path dir;

    @Test
    void readsTheTimesAfterACommandNameWithSpacesAndParentheses() {
        String line = "4242 (java (main) x) S 17 4242 4242 0 -1 4194560 1 0 0 0 250 50 7 3 20 0 40 0 1 1 1";

        assertThat(ProcessCpu.parse(line)).hasValueSatisfying(stat -> {
            assertThat(stat.pid()).isEqualTo(4242);
            assertThat(stat.parent()).isEqualTo(17);
            assertThat(stat.ownTicks()).isEqualTo(300);
            assertThat(stat.endedChildrenTicks()).isEqualTo(10);
        });
    }

    @Test
    void countsAComponentsLiveDescendantsAndEndedChildrenButNotOtherProcesses() throws Exception {
        Path proc = dir.resolve("proc");
        stat(proc, 100, 1, 100, 20); // postmaster: 1 s own, 0.2 s of backends that ended
        stat(proc, 101, 100, 300, 0); // a live backend: 3 s
        stat(proc, 102, 101, 50, 0); // its child: 0.5 s
        stat(proc, 200, 1, 900, 0); // somebody else's process
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("postgres.pid"), "100\n");
        Files.writeString(run.resolve("gone.pid"), "999\n"); // not running: left out

        Map<String, Double> seconds = new ProcessCpu(run, proc).snapshot();

        assertThat(seconds).containsOnlyKeys("postgres");
        assertThat(seconds.get("postgres")).isEqualTo(4.7);
        assertThat(ProcessCpu.between(Map.of("postgres", 1.5), seconds)).containsEntry("postgres", 3.2);
    }

    private static void stat(Path proc, long pid, long parent, long utime, long cutime) throws Exception {
        Path folder = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(
                folder.resolve("stat"),
                pid + " (proc " + pid + ") S " + parent + " 1 1 0 -1 0 0 0 0 0 " + utime + " 0 " + cutime
                        + " 0 20 0 1 0");
    }
}
