package org.anzexian.underwriting;

/** Where an endorsement (批改) stands: pending until its additional premium is received and it is issued. */
public enum EndorsementStatus {
    PENDING("待缴纳批改保费"),
    ISSUED("已批改"),
    SUPERSEDED("已由新的批改取代");

    private final String label;

    EndorsementStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
