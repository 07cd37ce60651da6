package org.anzexian.supervision.casepage;

import java.util.Arrays;
import java.util.Optional;
import org.anzexian.claim.ClaimHandlingProcess;
import org.anzexian.filing.insurer.InsurerFilingProcess;
import org.anzexian.filing.serviceorg.ServiceOrgFilingProcess;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.CaseHistory;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.anzexian.service.visit.PreventionServiceVisitProcess;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.PolicyEndorsementProcess;
import org.anzexian.underwriting.PolicyUnderwritingProcess;
import org.anzexian.underwriting.Quotation;
import org.anzexian.underwriting.QuotationRequestProcess;
import org.anzexian.underwriting.UnderwritingQueries;
import org.anzexian.underwriting.UnderwritingService;
import org.springframework.stereotype.Component;

/**
 * Which record a process instance is about (#14): its process key and business key (the record id our
 * code set at start), and for the quotation processes our tables (a quotation leads to its policy once
 * issued, else to its project). The Tasklist's 查看案件 and 我的事项 link there; the case page itself then
 * checks whether the user may see the record.
 */
@Component
class ProcessCases {

    /** A case page: kind and record id. */
    record Target(CaseKind kind, long id) {

        String href() {
            return kind.href(id);
        }
    }

    private final CaseHistory history;
    private final UnderwritingService underwriting;
    private final UnderwritingQueries policies;

    ProcessCases(CaseHistory history, UnderwritingService underwriting, UnderwritingQueries policies) {
        this.history = history;
        this.underwriting = underwriting;
        this.policies = policies;
    }

    /** The case page of the instance, or 404 when there is no such instance or it has no case page. */
    Target of(Actor actor, String processInstanceId) {
        CaseHistory.Instance instance = history.instance(processInstanceId)
                .orElseThrow(() -> noCase(processInstanceId));
        return of(actor, instance).orElseThrow(() -> noCase(processInstanceId));
    }

    Optional<Target> of(Actor actor, CaseHistory.Instance instance) {
        Optional<Long> record = instance.recordId();
        if (record.isEmpty()) {
            return Optional.empty();
        }
        long id = record.get();
        try {
            return switch (instance.processKey()) {
                case HazardRectificationProcess.KEY -> Optional.of(new Target(CaseKind.HAZARD, id));
                case ClaimHandlingProcess.KEY -> Optional.of(new Target(CaseKind.CLAIM, id));
                case PreventionServiceVisitProcess.KEY -> Optional.of(new Target(CaseKind.VISIT, id));
                case InsurerFilingProcess.KEY -> Optional.of(new Target(CaseKind.INSURER_FILING, id));
                case ServiceOrgFilingProcess.KEY -> Optional.of(new Target(CaseKind.SERVICE_ORG_FILING, id));
                case ServiceTeamRegistrationProcess.KEY -> Optional.of(new Target(CaseKind.POLICY, id));
                case PolicyEndorsementProcess.KEY ->
                        Optional.of(new Target(CaseKind.POLICY, policies.endorsement(actor, id).policyId()));
                case PolicyUnderwritingProcess.KEY -> Optional.of(ofQuotation(actor, id));
                case QuotationRequestProcess.KEY -> history.variable(instance.id(), QuotationRequestProcess.VAR_QUOTATION_IDS)
                        .flatMap(ids -> Arrays.stream(ids.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                                .findFirst())
                        .map(first -> ofQuotation(actor, Long.parseLong(first)));
                default -> Optional.empty();
            };
        } catch (NotFoundException | ForbiddenException | NumberFormatException notVisible) {
            return Optional.empty();
        }
    }

    /** A quotation's policy once issued, else its project. */
    private Target ofQuotation(Actor actor, long quotationId) {
        Quotation quotation = underwriting.get(actor, quotationId);
        return underwriting.policiesOfContract(quotation.contractId()).stream()
                .filter(policy -> policy.quotationId() == quotationId).map(Policy::id).findFirst()
                .map(policyId -> new Target(CaseKind.POLICY, policyId))
                .orElse(new Target(CaseKind.PROJECT, quotation.projectId()));
    }

    private static NotFoundException noCase(String processInstanceId) {
        return new NotFoundException("没有这个流程的案件页 (no case page for this process instance): " + processInstanceId);
    }
}
