package org.anzexian.quality.archfixture.beta.internal;

public class BetaInternals {

    public int weight() {
        return 1;
    }
}
