package io.gatehouse.sso.benchmarks.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went, read from Linux's {@code /proc} at two moments: the whole machine (all processes, from
 * {@code /proc/stat}), every PostgreSQL process (from each {@code /proc/<pid>/stat} named {@code postgres}), and this
 * JVM (the virtual users and the IdP). Jiffies are taken at 100 per second, Linux's {@code USER_HZ} on every
 * mainstream build. Elsewhere the figures read as 0.
 *
 * @param machineBusy  jiffies the machine spent on anything but idle and I/O wait, over all CPUs
 * @param machineTotal all jiffies over all CPUs
 * @param postgres     jiffies of user and system time of the processes named {@code postgres}
 * @param harnessNanos this JVM's CPU time
 * @param at           {@link System#nanoTime()} of the reading
 */
record MachineCpu(long machineBusy, long machineTotal, long postgres, long harnessNanos, long at) {
    private static final double JIFFIES_PER_SECOND = 100;

    static MachineCpu now() {
        long[] machine = machine();
        return new MachineCpu(machine[0], machine[1], allPostgresTicks(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(),
                System.nanoTime());
    }

    /** CPUs the machine kept busy on average between {@code start} and this reading (0 to {@code nproc}). */
    double machineCoresSince(MachineCpu start) {
        long total = machineTotal - start.machineTotal;
        return total == 0 ? 0 : (double) (machineBusy - start.machineBusy) / total * Runtime.getRuntime().availableProcessors();
    }

    /** CPUs PostgreSQL used on average since {@code start}. */
    double postgresCoresSince(MachineCpu start) {
        return (postgres - start.postgres) / JIFFIES_PER_SECOND / seconds(start);
    }

    /** CPUs this JVM used on average since {@code start}. */
    double harnessCoresSince(MachineCpu start) {
        return (harnessNanos - start.harnessNanos) / 1e9 / seconds(start);
    }

    /** The 1, 5 and 15 minute load averages, e.g. "1.52 1.20 0.98" ("?" where unknown). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    double seconds(MachineCpu start) {
        return (at - start.at) / 1e9;
    }

    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static long allPostgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(MachineCpu::postgresTicks).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** utime + stime of a process named postgres, else 0 (the name is in parentheses and may hold spaces). */
    private static long postgresTicks(Path process) {
        try {
            List<String> lines = Files.readAllLines(process.resolve("stat"));
            String stat = lines.isEmpty() ? "" : lines.get(0);
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (open < 0 || close < 0 || !stat.substring(open + 1, close).equals("postgres")) {
                return 0;
            }
            String[] f = stat.substring(close + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
