package org.sijil.crypto.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 section 2.1 transcribed literally — MTH, PATH and PROOF/SUBPROOF as recursive
 * definitions over the list of leaf hashes — as an oracle for the optimised code. Deliberately
 * shares nothing with {@link StoredHashes} but the two hash functions.
 */
final class NaiveMerkle {

    private final List<byte[]> leafHashes;

    NaiveMerkle(List<byte[]> leafHashes) {
        this.leafHashes = List.copyOf(leafHashes);
    }

    static NaiveMerkle ofLeafBytes(List<byte[]> leaves) {
        return new NaiveMerkle(leaves.stream().map(Rfc6962::leafHash).toList());
    }

    /** MTH(D[0:n]). */
    byte[] root(int n) {
        return n == 0 ? Rfc6962.emptyRoot() : mth(leafHashes.subList(0, n));
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        return path(m, leafHashes.subList(0, n));
    }

    /** PROOF(m, D[0:n]). */
    List<byte[]> proof(int m, int n) {
        return subproof(m, leafHashes.subList(0, n), true);
    }

    private static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = largestPowerOfTwoBelow(d.size());
        return Rfc6962.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> result = new ArrayList<>();
        if (d.size() == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(d.size());
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(path(m - k, d.subList(k, d.size())));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> result = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }
}
