package org.anzexian.support;

import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.registry.CreditCode;

/** Unified social credit codes for fixtures: valid and random, or one character off. */
public final class TestCreditCodes {

    private TestCreditCodes() {
    }

    /** A valid code no other test run is likely to have used. */
    public static String unique() {
        StringBuilder body = new StringBuilder("91140900MA");
        for (int i = 0; i < 7; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(body.toString());
    }

    /** The code with a wrong check character: what a typing slip gives. */
    public static String withWrongCheckCharacter(String valid) {
        return valid.substring(0, CreditCode.LENGTH - 1) + (valid.endsWith("1") ? "2" : "1");
    }
}
