package org.sijil.crypto.merkle;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Reads the line-oriented vector files under {@code vectors/merkle/}. */
final class MerkleVectors {

    private static final HexFormat HEX = HexFormat.of();

    record Inclusion(long index, long size, List<byte[]> proof) {
        @Override
        public String toString() {
            return "leaf " + index + " of " + size;
        }
    }

    record Consistency(long oldSize, long newSize, List<byte[]> proof) {
        @Override
        public String toString() {
            return "from " + oldSize + " to " + newSize;
        }
    }

    private MerkleVectors() {
    }

    /** Leaf bytes of the CT reference tree, by index. */
    static List<byte[]> leaves() {
        List<byte[]> leaves = new ArrayList<>();
        for (String[] f : lines("ct-reference-tree.txt", "leaf")) {
            if (Integer.parseInt(f[1]) != leaves.size()) {
                throw new IllegalStateException("leaves out of order");
            }
            leaves.add(f[2].equals("-") ? new byte[0] : HEX.parseHex(f[2]));
        }
        return leaves;
    }

    /** Root hashes of the CT reference tree, by tree size (0 to 8). */
    static List<byte[]> roots() {
        List<byte[]> roots = new ArrayList<>();
        for (String[] f : lines("ct-reference-tree.txt", "root")) {
            if (Integer.parseInt(f[1]) != roots.size()) {
                throw new IllegalStateException("roots out of order");
            }
            roots.add(HEX.parseHex(f[2]));
        }
        return roots;
    }

    static List<Inclusion> inclusionProofs() {
        return lines("ct-inclusion-proofs.txt", "inclusion").stream()
                .map(f -> new Inclusion(Long.parseLong(f[1]), Long.parseLong(f[2]), hashes(f)))
                .toList();
    }

    static List<Consistency> consistencyProofs() {
        return lines("ct-consistency-proofs.txt", "consistency").stream()
                .map(f -> new Consistency(Long.parseLong(f[1]), Long.parseLong(f[2]), hashes(f)))
                .toList();
    }

    private static List<byte[]> hashes(String[] fields) {
        return Arrays.stream(fields, 3, fields.length).map(HEX::parseHex).toList();
    }

    private static List<String[]> lines(String file, String kind) {
        String resource = "/vectors/merkle/" + file;
        try (InputStream in = MerkleVectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> result = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+");
                if (fields[0].equals(kind)) {
                    result.add(fields);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
