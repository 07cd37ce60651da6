package org.anzexian.registry;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z); the last one is a check character over the first 17.
 */
public final class CreditCode {

    public static final int LENGTH = 18;
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** What is wrong with the code, in words for the person who typed it; empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.length() != LENGTH) {
            return Optional.of("统一社会信用代码须为 18 位 (must be 18 characters)");
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of("统一社会信用代码第 " + (i + 1) + " 位 '" + code.charAt(i)
                        + "' 不是允许的字符 (character not allowed: digits and upper-case letters except I, O, S, V, Z)");
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Optional.of("统一社会信用代码校验位错误，应为 '" + expected
                    + "' (check character wrong, expected '" + expected + "')");
        }
        return Optional.empty();
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The full code for a 17-character body, e.g. to make valid codes for demo organizations. */
    public static String withCheckCharacter(String body) {
        return body + checkCharacter(body);
    }

    static char checkCharacter(String body) {
        if (body.length() != LENGTH - 1) {
            throw new IllegalArgumentException("a credit code body has 17 characters: " + body);
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int value = ALPHABET.indexOf(body.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + body.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
