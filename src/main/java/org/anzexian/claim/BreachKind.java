package org.anzexian.claim;

/** A service time the insurer missed on a claim; each is recorded once and counts against the insurer. */
public enum BreachKind {
    ACKNOWLEDGEMENT("未按时受理报案"),
    DECISION("未按时作出核定"),
    PAYMENT("未按时支付赔款");

    private final String label;

    BreachKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
