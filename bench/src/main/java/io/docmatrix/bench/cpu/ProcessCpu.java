package io.docmatrix.bench.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CPU time of each component of the local platform, from the PID files {@code deploy/local} keeps ({@code
 * var/run/<component>.pid}) and {@code /proc/<pid>/stat}. A component's time includes its live child processes (a
 * PostgreSQL server's backends, the parser's worker JVM), found through their parent PIDs, and children that already
 * ended (cutime, cstime). Two snapshots around a phase say which process the efficiency went to.
 */
public final class ProcessCpu {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessCpu.class);
    /** USER_HZ: the unit of /proc's times; 100 on every Linux architecture the platform runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Path runDirectory;
    private final Path proc;

    public ProcessCpu(Path runDirectory) {
        this(runDirectory, Path.of("/proc"));
    }

    ProcessCpu(Path runDirectory, Path proc) {
        this.runDirectory = runDirectory;
        this.proc = proc;
    }

    /** CPU seconds so far per component; empty when there is no /proc or no PID file (another OS, remote platform). */
    public Map<String, Double> snapshot() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (!Files.isDirectory(runDirectory) || !Files.isDirectory(proc)) {
            return seconds;
        }
        Map<Long, Stat> all = allProcesses();
        try (Stream<Path> files = Files.list(runDirectory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".pid", "");
                pid(file).ifPresent(pid -> {
                    if (all.containsKey(pid)) {
                        seconds.put(name, treeTicks(pid, all) / TICKS_PER_SECOND);
                    }
                });
            }
        } catch (IOException e) {
            LOG.warn("could not read {}: {}", runDirectory, e.toString());
        }
        return seconds;
    }

    /** The difference of two snapshots, per component present in both. */
    public static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            Double start = before.get(name);
            if (start != null) {
                used.put(name, Math.max(0, seconds - start));
            }
        });
        return used;
    }

    private long treeTicks(long root, Map<Long, Stat> all) {
        long ticks = 0;
        for (Stat stat : all.values()) {
            if (stat.pid() == root || descends(stat, root, all)) {
                ticks += stat.ownTicks() + (stat.pid() == root ? stat.endedChildrenTicks() : 0);
            }
        }
        return ticks;
    }

    private static boolean descends(Stat stat, long root, Map<Long, Stat> all) {
        long parent = stat.parent();
        for (int depth = 0; depth < 8 && parent > 1; depth++) {
            if (parent == root) {
                return true;
            }
            Stat next = all.get(parent);
            if (next == null) {
                return false;
            }
            parent = next.parent();
        }
        return false;
    }

    private Map<Long, Stat> allProcesses() {
        Map<Long, Stat> all = new HashMap<>();
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    read(entry.resolve("stat")).ifPresent(stat -> all.put(stat.pid(), stat));
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list {}: {}", proc, e.toString());
        }
        return all;
    }

    /** Parses {@code /proc/<pid>/stat}; the command name in parentheses may itself hold spaces and parentheses. */
    static Optional<Stat> parse(String line) {
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        long pid = Long.parseLong(line.substring(0, line.indexOf(' ')).strip());
        // After ") ": state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17), numbered from 1.
        List<String> rest = List.of(line.substring(close + 2).strip().split(" "));
        if (rest.size() < 15) {
            return Optional.empty();
        }
        long ppid = Long.parseLong(rest.get(1));
        long utime = Long.parseLong(rest.get(11));
        long stime = Long.parseLong(rest.get(12));
        long cutime = Long.parseLong(rest.get(13));
        long cstime = Long.parseLong(rest.get(14));
        return Optional.of(new Stat(pid, ppid, utime + stime, cutime + cstime));
    }

    private static Optional<Stat> read(Path stat) {
        try {
            return parse(Files.readString(stat));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the process ended between listing and reading
        }
    }

    private static Optional<Long> pid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    record Stat(long pid, long parent, long ownTicks, long endedChildrenTicks) {}
}
