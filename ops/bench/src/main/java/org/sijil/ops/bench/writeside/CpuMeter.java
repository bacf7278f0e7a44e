package org.sijil.ops.bench.writeside;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went during a window: this JVM, the benchmark's PostgreSQL (postmaster
 * and its live backends, from {@code /proc}), and the whole machine — the rest is other work on
 * the box, which the report shows so disturbed figures are visible as such.
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ) on every common platform. */
    private static final double TICK_NANOS = 10_000_000;

    private final long postmasterPid;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private Sample start;

    CpuMeter(long postmasterPid) {
        this.postmasterPid = postmasterPid;
    }

    void start() {
        start = sample();
    }

    /** CPU use between {@link #start()} and now, as cores busy on average. */
    Usage stop() {
        Sample end = sample();
        double wall = end.wallNanos - start.wallNanos;
        double machineBusy = end.machineTotal == start.machineTotal ? 0
                : (double) (end.machineBusy - start.machineBusy) / (end.machineTotal - start.machineTotal) * cores;
        return new Usage((end.jvmNanos - start.jvmNanos) / wall, (end.postgresNanos - start.postgresNanos) / wall,
                machineBusy);
    }

    private Sample sample() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long[] machine = machine();
        return new Sample(System.nanoTime(), jvm, postgres(), machine[0], machine[1]);
    }

    /** Busy and total jiffies of all cores, from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += v;
                }
            }
            return new long[] {busy, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** CPU of the postmaster, of its reaped children and of its live children, in nanoseconds. */
    private long postgres() {
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                List<String> stat = stat(proc);
                if (stat.isEmpty()) {
                    continue;
                }
                long pid = Long.parseLong(stat.get(0));
                long parent = Long.parseLong(stat.get(3));
                if (pid == postmasterPid) {
                    ticks += Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14))
                            + Long.parseLong(stat.get(15)) + Long.parseLong(stat.get(16));
                } else if (parent == postmasterPid) {
                    ticks += Long.parseLong(stat.get(13)) + Long.parseLong(stat.get(14));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return (long) (ticks * TICK_NANOS);
    }

    /** The fields of /proc/PID/stat, with the command name (which may hold spaces) as one field. */
    private static List<String> stat(Path proc) {
        try {
            String line = Files.readString(proc.resolve("stat"));
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            Stream<String> fields = Stream.concat(Stream.of(line.substring(0, open).trim(),
                    line.substring(open + 1, close)), Stream.of(rest));
            return fields.toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private record Sample(long wallNanos, long jvmNanos, long postgresNanos, long machineBusy, long machineTotal) {
    }

    /** Average cores busy: this JVM, the benchmark's PostgreSQL, and the machine as a whole. */
    record Usage(double jvmCores, double postgresCores, double machineCores) {

        double otherCores() {
            return Math.max(0, machineCores - jvmCores - postgresCores);
        }

        /** The average of two windows, weighted by their lengths. */
        Usage average(double weight, Usage other, double otherWeight) {
            double total = weight + otherWeight;
            return new Usage((jvmCores * weight + other.jvmCores * otherWeight) / total,
                    (postgresCores * weight + other.postgresCores * otherWeight) / total,
                    (machineCores * weight + other.machineCores * otherWeight) / total);
        }
    }
}
