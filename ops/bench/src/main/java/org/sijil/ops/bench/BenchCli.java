package org.sijil.ops.bench;

import java.util.Arrays;
import org.sijil.ops.bench.access.AccessBench;
import org.sijil.ops.bench.feed.FeedBench;
import org.sijil.ops.bench.log.LogBench;
import org.sijil.ops.bench.verifier.VerifierBench;
import org.sijil.ops.bench.view.SearchBench;
import org.sijil.ops.bench.view.ViewBench;
import org.sijil.ops.bench.writeside.WriteSideBench;

/**
 * The benchmarks' one command: {@code java -jar ops/bench/target/sijil-bench.jar BENCHMARK [ARGS]},
 * where the arguments are the benchmark's own (docs/benchmarks.md).
 */
public final class BenchCli {

    private BenchCli() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "write-side" -> WriteSideBench.main(rest);
            case "access" -> AccessBench.main(rest);
            case "feed" -> FeedBench.main(rest);
            case "log" -> LogBench.main(rest);
            case "verifier" -> VerifierBench.main(rest);
            case "view" -> ViewBench.main(rest);
            case "search" -> SearchBench.main(rest);
            default -> {
                System.err.println("usage: java -jar sijil-bench.jar write-side|access|feed|log|verifier|view|search "
                        + "[arguments of the benchmark] (docs/benchmarks.md)");
                System.exit(2);
            }
        }
    }
}
