package org.sijil.core.nationalnumber;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * A national number: twelve ASCII digits, the first non-zero, the last a Damm check digit over
 * the first eleven.
 *
 * <p>The Damm algorithm (H. Michael Damm, <i>Total anti-symmetrische Quasigruppen</i>,
 * dissertation, Philipps-Universität Marburg, 2004) keeps an interim digit, starting at 0, and
 * replaces it for every digit {@code d} of the input by {@code Q[interim][d]}, where {@code Q} is
 * a weakly totally anti-symmetric quasigroup of order 10 with a zero diagonal. The check digit is
 * the final interim digit; a number with its check digit appended therefore ends at interim 0.
 * Because {@code Q} is a quasigroup, every single-digit error changes the result; because it is
 * totally anti-symmetric, every transposition of two adjacent digits does too. The table below is
 * the one from Damm's dissertation (p. 111), as reproduced in the English Wikipedia article
 * "Damm algorithm".
 *
 * <p>Numbers are allocated at random so that they leak nothing about the person (no date of
 * birth, place or sequence); the caller must enforce uniqueness.
 */
public final class NationalNumber {

    /** Number of digits, check digit included. */
    public static final int LENGTH = 12;

    private static final int[][] QUASIGROUP = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    private NationalNumber() {
    }

    /**
     * Whether {@code candidate} is a well-formed national number: exactly {@value #LENGTH} ASCII
     * digits, the first not zero, the last the Damm check digit of the others. Null is not valid.
     */
    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.length() != LENGTH || !isAsciiDigits(candidate)
                || candidate.charAt(0) == '0') {
            return false;
        }
        return interim(candidate) == 0;
    }

    /**
     * The Damm check digit of {@code digits}.
     *
     * @param digits one or more ASCII digits ({@code 0-9}); not null
     * @return the digit 0-9 that, appended to {@code digits}, makes the Damm interim zero
     * @throws IllegalArgumentException if {@code digits} is empty or holds anything but ASCII digits
     */
    public static int checkDigit(String digits) {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || !isAsciiDigits(digits)) {
            throw new IllegalArgumentException("Expected one or more ASCII digits");
        }
        return interim(digits);
    }

    /**
     * A fresh random national number: eleven random digits (the first 1-9) and their check digit.
     *
     * @param random a cryptographically strong source, so numbers cannot be predicted; not null
     */
    public static String allocate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        StringBuilder number = new StringBuilder(LENGTH);
        number.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < LENGTH - 1; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        number.append((char) ('0' + interim(number)));
        return number.toString();
    }

    private static int interim(CharSequence digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = QUASIGROUP[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
