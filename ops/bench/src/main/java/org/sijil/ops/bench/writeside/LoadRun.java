package org.sijil.ops.bench.writeside;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} threads each run one operation after another for a warm-up,
 * then for a measured window. Only operations that start and end inside the window are counted,
 * so the rate is completed operations per second of window and the percentiles come from every one
 * of those operations' latencies, sorted.
 */
final class LoadRun {

    /** One operation of one client; {@code sequence} counts that client's operations from 0. */
    @FunctionalInterface
    interface Operation {
        void run(int client, long sequence) throws Exception;
    }

    /** Called by the coordinating thread when the measured window opens and when it closes. */
    interface Window {
        void opened();

        void closed();

        Window NONE = new Window() {
            @Override
            public void opened() {
            }

            @Override
            public void closed() {
            }
        };
    }

    private LoadRun() {
    }

    static Result run(String name, int clients, Duration warmUp, Duration measure, Window window,
                      Operation operation) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] cpu = new long[clients];
        ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        long[] bounds = new long[2]; // window start and end, nanoTime; written before go.countDown()
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 14];
                int n = 0;
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long start = bounds[0];
                long end = bounds[1];
                for (long sequence = 0; ; sequence++) {
                    long before = System.nanoTime();
                    if (before >= end) {
                        break;
                    }
                    long cpuBefore = threadCpu.getCurrentThreadCpuTime();
                    try {
                        operation.run(client, sequence);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                        continue;
                    }
                    long after = System.nanoTime();
                    if (before >= start && after <= end) {
                        cpu[client] += threadCpu.getCurrentThreadCpuTime() - cpuBefore;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = after - before;
                    }
                }
                latencies[client] = mine;
                counts[client] = n;
            }, name + "-" + c);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        long now = System.nanoTime();
        bounds[0] = now + warmUp.toNanos();
        bounds[1] = bounds[0] + measure.toNanos();
        go.countDown();
        sleepUntil(bounds[0]);
        window.opened();
        sleepUntil(bounds[1]);
        window.closed();
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        if (firstError.get() != null) {
            System.err.println(name + " @" + clients + ": " + errors.get() + " failed operations, first: "
                    + firstError.get());
        }
        return new Result(name, clients, measure.toNanos() / 1e9, errors.get(), Arrays.stream(cpu).sum(), all);
    }

    /** The nearest-rank percentile of sorted latencies, in milliseconds (NaN when there are none). */
    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /**
     * What one or more load runs of a case measured.
     *
     * @param clientCpuNanos CPU time the client threads spent in the counted operations
     * @param latencies      every counted operation's latency in nanoseconds, sorted
     */
    record Result(String name, int clients, double seconds, long errors, long clientCpuNanos, long[] latencies) {

        long operations() {
            return latencies.length;
        }

        double rate() {
            return operations() / seconds;
        }

        /** CPU the calling thread spent per operation, in microseconds. */
        double clientCpuMicros() {
            return latencies.length == 0 ? Double.NaN : clientCpuNanos / 1e3 / latencies.length;
        }

        double p50Millis() {
            return percentile(latencies, 0.50);
        }

        double p99Millis() {
            return percentile(latencies, 0.99);
        }

        /** Both runs as one: their windows added, their latencies merged. */
        Result plus(Result other) {
            long[] merged = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
            System.arraycopy(other.latencies, 0, merged, latencies.length, other.latencies.length);
            Arrays.sort(merged);
            return new Result(name, clients, seconds + other.seconds, errors + other.errors,
                    clientCpuNanos + other.clientCpuNanos, merged);
        }
    }
}
