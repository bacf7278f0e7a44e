package org.sijil.core.nationalnumber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NationalNumberTest {

    /** The worked example of the English Wikipedia article "Damm algorithm": 572 → 4. */
    @Test
    void computesTheCheckDigitOfThePublishedExample() {
        assertThat(NationalNumber.checkDigit("572")).isEqualTo(4);
        assertThat(NationalNumber.checkDigit("5724")).isZero();
    }

    @Test
    void computesCheckDigitsThatFollowTheQuasigroupStepByStep() {
        // Row 0 of the table: a single digit d has check digit Q[0][d].
        int[] rowZero = {0, 3, 1, 7, 5, 9, 8, 6, 4, 2};
        for (int d = 0; d <= 9; d++) {
            assertThat(NationalNumber.checkDigit(Integer.toString(d))).isEqualTo(rowZero[d]);
        }
    }

    @Test
    void acceptsTwelveDigitsEndingInTheirCheckDigit() {
        String eleven = "57200000000";
        String number = eleven + NationalNumber.checkDigit(eleven);
        assertThat(NationalNumber.isValid(number)).isTrue();
    }

    @Test
    void rejectsMalformedNumbers() {
        String eleven = "57200000000";
        String valid = eleven + NationalNumber.checkDigit(eleven);
        assertThat(NationalNumber.isValid(null)).isFalse();
        assertThat(NationalNumber.isValid("")).isFalse();
        assertThat(NationalNumber.isValid("5724")).isFalse();
        assertThat(NationalNumber.isValid(valid + "0")).isFalse();
        assertThat(NationalNumber.isValid(valid.substring(1))).isFalse();
        assertThat(NationalNumber.isValid("5720000000a" + NationalNumber.checkDigit(eleven))).isFalse();
        // Arabic-Indic digits are digits to Character.isDigit but not ASCII.
        assertThat(NationalNumber.isValid("٥" + valid.substring(1))).isFalse();
        assertThat(NationalNumber.isValid(" " + valid.substring(1))).isFalse();
    }

    @Test
    void rejectsALeadingZeroEvenWithARightCheckDigit() {
        String eleven = "07200000000";
        assertThat(NationalNumber.isValid(eleven + NationalNumber.checkDigit(eleven))).isFalse();
    }

    @Test
    void rejectsCheckDigitInputThatIsNotDigits() {
        assertThatThrownBy(() -> NationalNumber.checkDigit("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NationalNumber.checkDigit("12x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NationalNumber.checkDigit(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void detectsEverySingleDigitErrorOverASample() {
        for (String number : sample()) {
            for (int position = 0; position < NationalNumber.LENGTH; position++) {
                for (char replacement = '0'; replacement <= '9'; replacement++) {
                    if (replacement == number.charAt(position)) {
                        continue;
                    }
                    char[] wrong = number.toCharArray();
                    wrong[position] = replacement;
                    assertThat(NationalNumber.isValid(new String(wrong)))
                            .as("%s with digit %d replaced by %c", number, position, replacement)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void detectsEveryAdjacentTranspositionOverASample() {
        int transpositions = 0;
        for (String number : sample()) {
            for (int position = 0; position < NationalNumber.LENGTH - 1; position++) {
                char[] swapped = number.toCharArray();
                if (swapped[position] == swapped[position + 1]) {
                    continue;
                }
                swapped[position] = number.charAt(position + 1);
                swapped[position + 1] = number.charAt(position);
                transpositions++;
                assertThat(NationalNumber.isValid(new String(swapped)))
                        .as("%s with digits %d and %d swapped", number, position, position + 1)
                        .isFalse();
            }
        }
        assertThat(transpositions).isGreaterThan(1000);
    }

    @Test
    void detectsEveryAdjacentTranspositionOfEveryDigitPair() {
        // Exhaustive over the alphabet: for every interim state and digits a != b, the two orders differ.
        for (int prefix = 0; prefix <= 99; prefix++) {
            for (int a = 0; a <= 9; a++) {
                for (int b = 0; b <= 9; b++) {
                    if (a != b) {
                        String p = String.format("%02d", prefix);
                        assertThat(NationalNumber.checkDigit(p + a + b))
                                .isNotEqualTo(NationalNumber.checkDigit(p + b + a));
                    }
                }
            }
        }
    }

    @Test
    void allocatesValidNumbersWithANonZeroFirstDigit() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            String number = NationalNumber.allocate(random);
            assertThat(number).hasSize(12).matches("[1-9][0-9]{11}");
            assertThat(NationalNumber.isValid(number)).isTrue();
        }
    }

    /** Valid numbers drawn from a seeded generator, so a failure reproduces. */
    private static List<String> sample() {
        Random random = new Random(20240611L);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
            for (int j = 1; j < NationalNumber.LENGTH - 1; j++) {
                digits.append(random.nextInt(10));
            }
            numbers.add(digits.toString() + NationalNumber.checkDigit(digits.toString()));
        }
        return numbers;
    }
}
