package io.docmatrix.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine a run measured: figures are meaningless without it. The load average at the start matters on a shared
 * machine (other builds compete for the same cores).
 *
 * @param cores processors available to this JVM
 * @param memoryMb physical memory ({@code MemTotal}); 0 where {@code /proc/meminfo} is absent
 * @param cpuModel the first {@code model name} of {@code /proc/cpuinfo}, or the architecture
 * @param loadAverageAtStart the one-minute load average when the run started, -1 where unknown
 */
public record MachineInfo(
        int cores, long memoryMb, String cpuModel, String os, String java, double loadAverageAtStart) {

    public static MachineInfo current() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                memTotalKb() / 1024,
                readCpuModel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long memTotalKb() {
        return proc("/proc/meminfo", "MemTotal")
                .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")))
                .orElse(0L);
    }

    private static String readCpuModel() {
        return proc("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    private static Optional<String> proc(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream()
                    .filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
