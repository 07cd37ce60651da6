package org.anzexian.claim;

/** Where a claim stands; a claim is never deleted, a declined or closed one stays readable. */
public enum ClaimStatus {
    REPORTED("已报案"),
    ACKNOWLEDGED("已受理"),
    DOCUMENTS_COMPLETE("材料齐全待核定"),
    AGREED("已核定赔付"),
    DECLINED("不予赔付"),
    PAID("已赔付"),
    CLOSED("已结案");

    private final String label;

    ClaimStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
