package org.anzexian.filing;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The city bureau's decision on a filing whose checks passed — the same for the insurer's and the
 * service organization's filing: the review forms ({@code forms/*FilingReview.form}) offer its
 * {@link #formValue()}s, the models' gateways route on them ({@code ${reviewDecision == 'moreInfo'}}),
 * and the filings' tables store its names.
 */
public enum ReviewDecision {
    APPROVE("approve", "准予备案"),
    REJECT("reject", "不予备案"),
    MORE_INFO("moreInfo", "要求补充材料");

    private final String formValue;
    private final String label;

    ReviewDecision(String formValue, String label) {
        this.formValue = formValue;
        this.label = label;
    }

    /** The value of the review form's choice and of the gateway's variable, e.g. {@code moreInfo}. */
    public String formValue() {
        return formValue;
    }

    public String label() {
        return label;
    }

    /**
     * The decision a form or an {@code /api} body names by its form value ({@code moreInfo}) or, as
     * {@code /api} accepted before, by its name ({@code MORE_INFO}); null for anything else.
     */
    @JsonCreator
    public static ReviewDecision of(String value) {
        for (ReviewDecision decision : values()) {
            if (decision.formValue.equals(value) || decision.name().equals(value)) {
                return decision;
            }
        }
        return null;
    }
}
