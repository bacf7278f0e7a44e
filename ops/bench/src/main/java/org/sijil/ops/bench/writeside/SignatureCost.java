package org.sijil.ops.bench.writeside;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import org.sijil.crypto.sign.SigningKey;

/**
 * What one Ed25519 signature costs the thread that takes it, measured in this process once the
 * load cases are over: a signature of a stored birth's signed entry, the bytes the application
 * signs, and one of zero bytes, which is mostly the curve arithmetic every signature costs whatever
 * it signs. Set against what an unsigned birth costs, it predicts what signing on / off comes to.
 *
 * <p>Each figure is the least of several windows of thread CPU time per signature, so that other
 * work on the machine adds as little as it can: the least a signature costs, not its average.
 */
final class SignatureCost {

    private static final int WINDOWS = 5;

    /**
     * @param entryBytes   the size of the signed entry
     * @param entryMicros  thread CPU per signature of that entry
     * @param emptyMicros  thread CPU per signature of zero bytes
     */
    record Figures(int entryBytes, double entryMicros, double emptyMicros) {
    }

    private SignatureCost() {
    }

    /**
     * @param sample the stored birth whose entry is signed
     * @param key    the application's signing key, which signed {@code sample}
     * @param window the length of each measured window
     * @throws IllegalStateException if the entry rebuilt from the row is not the one its signature covers
     */
    static Figures measure(SampleRow sample, SigningKey key, Duration window) {
        byte[] entry = sample.entry().encode();
        if (!key.keyId().equals(sample.signingKeyId())
                || !key.verificationKey().verify(entry, sample.signature())) {
            throw new IllegalStateException("the entry rebuilt from the stored birth is not what its signature covers");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] empty = new byte[0];
        perSignature(threads, key, entry, window); // warm-up: the JIT compiles the signer
        double entryMicros = Double.MAX_VALUE;
        double emptyMicros = Double.MAX_VALUE;
        for (int i = 0; i < WINDOWS; i++) {
            entryMicros = Math.min(entryMicros, perSignature(threads, key, entry, window));
            emptyMicros = Math.min(emptyMicros, perSignature(threads, key, empty, window));
        }
        return new Figures(entry.length, entryMicros, emptyMicros);
    }

    /** Signs {@code message} for {@code window} of wall time; the thread's CPU microseconds per signature. */
    private static double perSignature(ThreadMXBean threads, SigningKey key, byte[] message, Duration window) {
        long end = System.nanoTime() + window.toNanos();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long signatures = 0;
        byte[] last = null;
        while (System.nanoTime() < end) {
            last = key.sign(message);
            signatures++;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
        if (last == null || last.length != 64) {
            throw new IllegalStateException("no signature taken in " + window);
        }
        return cpu / 1e3 / signatures;
    }
}
