package org.anzexian.underwriting;

import java.util.List;

/** A policy as its parties read it: the N4.5 fields and how the premium is shared (N2.2, N2.3). */
public record PolicyView(Policy policy, List<PremiumShare> premiumShares) {

    public PolicyView {
        premiumShares = List.copyOf(premiumShares);
    }
}
