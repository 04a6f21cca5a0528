package ai.askel.confluence.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a report was measured on. */
public record MachineInfo(int cores, long memoryBytes, String cpu, String os, String jdk) {

    public static MachineInfo current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory, cpuModel().orElse("unknown CPU"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
    }

    private static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The 1-, 5- and 15-minute load averages ("8.11 8.34 5.53"), or "unknown" where there is no /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** "2 cores (Intel Xeon …), 23.4 GiB RAM, Linux 6.1 amd64, Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15". */
    public String describe() {
        return cores + " cores (" + cpu + "), " + String.format(java.util.Locale.ROOT, "%.1f GiB", memoryBytes / (double) (1L << 30))
                + " RAM, " + os + ", " + jdk;
    }
}
