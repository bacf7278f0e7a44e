package org.sijil.ops.bench.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The CPU time the application's embedded PostgreSQL has used, read from Linux's {@code /proc}: the
 * server process started on the benchmark's data directory, the processes it runs now (backends,
 * WAL writer, checkpointer, ...), and those it ran and reaped since ({@code cutime}, {@code cstime}).
 * The process CPU figure of the benchmark leaves PostgreSQL out; this is the other half of what a
 * read costs the machine. Resolution: one clock tick (10 ms, {@code USER_HZ} = 100).
 */
final class PostgresCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private final String dataDir;
    private long serverPid = -1;

    PostgresCpu(Path dataDir) {
        this.dataDir = dataDir.toString();
    }

    /** CPU nanoseconds used so far; -1 if the server's process cannot be found (not Linux). */
    long nanos() {
        try {
            if (serverPid < 0 || !Files.exists(Path.of("/proc", Long.toString(serverPid)))) {
                serverPid = findServer();
            }
            if (serverPid < 0) {
                return -1;
            }
            long ticks = 0;
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    long[] stat = stat(process);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == serverPid) {
                        ticks += stat[1] + stat[2] + stat[3] + stat[4];
                    } else if (stat[0] == serverPid) {
                        ticks += stat[1] + stat[2];
                    }
                }
            }
            return ticks * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private long findServer() throws IOException {
        if (!Files.isDirectory(Path.of("/proc"))) {
            return -1;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                List<String> args;
                try {
                    args = Arrays.asList(new String(Files.readAllBytes(process.resolve("cmdline")),
                            StandardCharsets.UTF_8).split("\0"));
                } catch (IOException gone) {
                    continue;
                }
                int d = args.indexOf("-D");
                if (d >= 0 && d + 1 < args.size() && args.get(d + 1).equals(dataDir)) {
                    return Long.parseLong(process.getFileName().toString());
                }
            }
        }
        return -1;
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null if it is gone. */
    private static long[] stat(Path process) {
        String line;
        try {
            line = Files.readString(process.resolve("stat"));
        } catch (IOException gone) {
            return null;
        }
        // the command name, in parentheses, may hold spaces: fields are counted after its end
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // fields[0] is the state (field 3 of proc(5)); ppid is field 4, utime..cstime fields 14..17
        return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
            Long.parseLong(fields[13]), Long.parseLong(fields[14])};
    }
}
