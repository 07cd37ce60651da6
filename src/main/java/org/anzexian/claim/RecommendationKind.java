package org.anzexian.claim;

/** N6.7: what the insurer recommends to the construction unit after settlement. */
public enum RecommendationKind {
    RISK_CONTROL("风险管控建议"),
    RECTIFICATION("整改建议"),
    TRAINING("安全培训建议");

    private final String label;

    RecommendationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
