package org.sijil.api.rfc6962;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 Merkle tree hashing, proof verification (sections 2.1.3.2 and 2.1.4.2, transcribed step
 * by step) and, to test the verifiers, the definitions MTH, PATH and PROOF of sections 2.1.1,
 * 2.1.3.1 and 2.1.4.1 computed naively from all leaves.
 */
public final class Rfc9162 {

    private Rfc9162() {
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(leaf);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /**
     * Section 2.1.3.2: whether {@code path} proves that {@code leafHash} is leaf {@code index} of
     * the tree of {@code size} leaves whose root is {@code root}.
     */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !allHashes(path) || leafHash.length != 32 || root.length != 32) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * Section 2.1.4.2: whether {@code proof} shows that the tree of {@code first} leaves with root
     * {@code firstHash} is a prefix of the tree of {@code second} leaves with root
     * {@code secondHash}. The RFC defines it for {@code 0 < first < second}; for equal sizes this
     * accepts only an empty proof and equal roots.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
                                            List<byte[]> proof) {
        if (first < 1 || first > second || !allHashes(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        // 1. an empty proof fails
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> c = new ArrayList<>(proof);
        // 2. if first is an exact power of two, prepend first_hash
        if (Long.bitCount(first) == 1) {
            c.add(0, firstHash);
        }
        // 3.
        long fn = first - 1;
        long sn = second - 1;
        // 4.
        if ((fn & 1) == 1) {
            while ((fn & 1) == 1) {
                fn >>= 1;
                sn >>= 1;
            }
        }
        // 5.
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        // 6.
        for (byte[] ci : c.subList(1, c.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(ci, fr);
                sr = nodeHash(ci, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, ci);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // 7.
        return sn == 0 && Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash);
    }

    /** Section 2.1.1: MTH(D[0:n]) of leaf hashes; the empty tree is SHA-256(""). */
    public static byte[] rootOf(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            return sha256().digest();
        }
        if (leafHashes.size() == 1) {
            return leafHashes.get(0);
        }
        int k = largestPowerOfTwoBelow(leafHashes.size());
        return nodeHash(rootOf(leafHashes.subList(0, k)), rootOf(leafHashes.subList(k, leafHashes.size())));
    }

    /** Section 2.1.3.1: PATH(m, D[0:n]) over leaf hashes. */
    public static List<byte[]> path(int m, List<byte[]> leafHashes) {
        int n = leafHashes.size();
        List<byte[]> out = new ArrayList<>();
        if (n <= 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, leafHashes.subList(0, k)));
            out.add(rootOf(leafHashes.subList(k, n)));
        } else {
            out.addAll(path(m - k, leafHashes.subList(k, n)));
            out.add(rootOf(leafHashes.subList(0, k)));
        }
        return out;
    }

    /** Section 2.1.4.1: PROOF(m, D[0:n]) over leaf hashes, {@code 0 < m <= n}. */
    public static List<byte[]> proof(int m, List<byte[]> leafHashes) {
        return subproof(m, leafHashes, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(rootOf(d));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, d.subList(0, k), b));
            out.add(rootOf(d.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, d.subList(k, n), false));
            out.add(rootOf(d.subList(0, k)));
        }
        return out;
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static boolean allHashes(List<byte[]> hashes) {
        return hashes.stream().allMatch(h -> h != null && h.length == 32);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
