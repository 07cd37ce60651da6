package org.anzexian.registry.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A construction project (or one phase of it) and the parties to it. */
public record Project(
        long id,
        String code,
        String name,
        String siteAddress,
        String jurisdictionCode,
        ProjectCategory category,
        ProjectSubtype subtype,
        BigDecimal contractAmount,
        LocalDate contractStart,
        LocalDate contractEnd,
        PermitStatus permitStatus,
        long constructionUnitId,
        ConstructionContract constructionContract,
        List<JointVentureMember> jointVentureMembers,
        List<Subcontractor> subcontractors,
        List<Participant> participants) {

    public Project {
        jointVentureMembers = List.copyOf(jointVentureMembers);
        subcontractors = List.copyOf(subcontractors);
        participants = List.copyOf(participants);
    }

    /** N2.3: the lead member buys the policy for the venture. */
    public record JointVentureMember(long organizationId, boolean lead, BigDecimal sharePercent) {
    }

    /** N2.2: a subcontractor bears this share of the premium. */
    public record Subcontractor(long organizationId, BigDecimal premiumSharePercent) {
    }

    /** Survey, design, supervision, supply …; {@code organizationId} is set when the party is registered. */
    public record Participant(ParticipantRole role, Long organizationId, String name, String creditCode) {
    }
}
