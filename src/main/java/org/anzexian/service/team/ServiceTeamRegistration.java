package org.anzexian.service.team;

import java.time.OffsetDateTime;
import java.util.List;
import org.anzexian.filing.serviceorg.TeamRole;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;

/** A policy's service-team registration as the insurer, the authorities and the service organization see it. */
public record ServiceTeamRegistration(
        long id,
        long policyId,
        long projectId,
        long insurerOrgId,
        String jurisdictionCode,
        RegistrationStatus status,
        String statusLabel,
        boolean late,
        OffsetDateTime policyIssuedAt,
        OffsetDateTime deadlineAt,
        OffsetDateTime overdueAt,
        Long serviceOrgId,
        String registeredBy,
        OffsetDateTime registeredAt,
        String processInstanceId,
        List<InsurerMember> insurerTeam,
        List<PreventionMember> preventionTeam) {

    public ServiceTeamRegistration {
        insurerTeam = List.copyOf(insurerTeam);
        preventionTeam = List.copyOf(preventionTeam);
    }

    /** A member of the project's prevention team, from the service organization's filed roster (N8.1). */
    public record PreventionMember(String name, TeamRole role, String roleLabel) {
    }
}
