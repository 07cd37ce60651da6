package org.anzexian.filing.insurer;

import java.time.OffsetDateTime;
import org.anzexian.filing.ReviewDecision;

/** A decision of the city bureau on an insurer filing, as its log keeps it: a review or a reinstatement. */
public record FilingDecision(String decidedBy, OffsetDateTime decidedAt, Decision decision, String reason) {

    /** A review decision by its shared name ({@link ReviewDecision}), or the insurer filing's own REINSTATE. */
    public enum Decision {
        APPROVE, REJECT, MORE_INFO, REINSTATE;

        static Decision of(ReviewDecision review) {
            return valueOf(review.name());
        }
    }
}
