package org.anzexian.filing.insurer;

import java.time.OffsetDateTime;

/** A decision of the city bureau on a filing: review outcome or reinstatement. */
public record ReviewDecision(String decidedBy, OffsetDateTime decidedAt, Decision decision, String reason) {

    public enum Decision {
        APPROVE("approve"), REJECT("reject"), MORE_INFO("moreInfo"), REINSTATE("reinstate");

        private final String formValue;

        Decision(String formValue) {
            this.formValue = formValue;
        }

        /** The value of the review form's choice, e.g. {@code moreInfo}. */
        public String formValue() {
            return formValue;
        }

        static Decision ofFormValue(String value) {
            for (Decision decision : values()) {
                if (decision != REINSTATE && decision.formValue.equals(value)) {
                    return decision;
                }
            }
            return null;
        }
    }
}
