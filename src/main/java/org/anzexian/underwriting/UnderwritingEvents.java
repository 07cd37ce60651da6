package org.anzexian.underwriting;

import org.anzexian.filing.insurer.InsurerSuspended;
import org.anzexian.registry.project.PhaseJoinedContract;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What other modules tell underwriting, handled synchronously in their transaction: the registration
 * of a phase commits with its endorsement (N1.1), a suspension with the builders' notices (N5.2).
 */
@Component
class UnderwritingEvents {

    private final EndorsementService endorsements;
    private final UnderwritingService underwriting;

    UnderwritingEvents(EndorsementService endorsements, UnderwritingService underwriting) {
        this.endorsements = endorsements;
        this.underwriting = underwriting;
    }

    @EventListener
    void on(PhaseJoinedContract joined) {
        endorsements.phaseJoined(joined.projectId(), joined.contractId());
    }

    @EventListener
    void on(InsurerSuspended suspended) {
        underwriting.insurerSuspended(suspended.insurerOrgId(), suspended.reason());
    }
}
