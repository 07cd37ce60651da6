package org.anzexian.filing.insurer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.ClaimsService;
import org.anzexian.filing.insurer.InsurerFilingData.Document;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.PreventionPlan;
import org.anzexian.filing.insurer.InsurerFilingData.Principal;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.ProofType;
import org.anzexian.filing.insurer.InsurerFilingData.TeamMember;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.engine.Acting;
import org.anzexian.platform.identity.Role;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_FilingSubmitted}: a filing started from the Tasklist start form
 * is stored here from the form's fields (one project lead, one management member, one claims team
 * member). A start through {@code POST /api/insurer-filings} already carries {@code filingId}.
 */
@Component("createInsurerFilingFromFormDelegate")
class CreateFilingFromStartFormDelegate implements ExecutionListener {

    private final InsurerFilingService filings;

    CreateFilingFromStartFormDelegate(InsurerFilingService filings) {
        this.filings = filings;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.hasVariable(InsurerFilingProcess.VAR_FILING_ID)) {
            return;
        }
        Actor actor = Acting.requireUser(execution, "请登录后提交备案 (log in to file)");
        Set<Long> insurers = actor.organizationIds(Role.INSURER);
        if (insurers.size() != 1) {
            throw new ForbiddenException("只有一家保险机构的工作人员可以通过表单提交备案 (a clerk of exactly one insurer)");
        }
        Map<String, Object> variables = filings.submitFromStartForm(actor, data(insurers.iterator().next(), execution),
                execution.getProcessInstanceId());
        variables.forEach(execution::setVariable);
        execution.setProcessBusinessKey(String.valueOf(variables.get(InsurerFilingProcess.VAR_FILING_ID)));
    }

    private static InsurerFilingData data(long insurerOrgId, DelegateExecution form) {
        return new InsurerFilingData(
                insurerOrgId,
                text(form, "parentName"),
                text(form, "parentCreditCode"),
                text(form, "parentAuthorizationHash"),
                new License(text(form, "businessLicenseNumber"), date(form, "businessLicenseValidUntil"),
                        text(form, "businessLicenseHash")),
                new License(text(form, "insuranceLicenseNumber"), date(form, "insuranceLicenseValidUntil"),
                        text(form, "insuranceLicenseHash")),
                new Principal(text(form, "principalName"), text(form, "principalPhone")),
                List.of(),
                new AuditReport(integer(form, "auditYear"), text(form, "auditor"),
                        decimal(form, "comprehensiveSolvencyRatio"), decimal(form, "coreSolvencyRatio"),
                        Boolean.TRUE.equals(form.getVariable("solvencyStatement")), text(form, "auditReportHash")),
                List.of(new ProjectLead(text(form, "leadName"), integer(form, "leadYearsOfWork"),
                        proofType(form), text(form, "leadProofHash"))),
                List.of(new TeamMember(text(form, "managerName"), text(form, "managerPosition"), null)),
                new Document(text(form, "insurancePlan"), null),
                new Document(text(form, "policyTerms"), null),
                new ClaimsService(new Document(text(form, "claimsServicePlan"), null), text(form, "claimsLinePhone"),
                        List.of(new TeamMember(text(form, "claimsMemberName"), text(form, "claimsMemberPosition"), null))),
                new PreventionPlan(new Document(text(form, "preventionPlan"), null), text(form, "serviceOrgAssessment")),
                new Experience(integer(form, "policiesUnderwritten"), integer(form, "claimsHandled"),
                        integer(form, "preventionServicesDelivered")));
    }

    private static String text(DelegateExecution form, String name) {
        Object value = form.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static Integer integer(DelegateExecution form, String name) {
        return form.getVariable(name) instanceof Number number ? number.intValue() : null;
    }

    private static BigDecimal decimal(DelegateExecution form, String name) {
        return form.getVariable(name) instanceof Number number ? new BigDecimal(number.toString()) : null;
    }

    private static LocalDate date(DelegateExecution form, String name) {
        Object value = form.getVariable(name);
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        try {
            return value == null ? null : LocalDate.parse(value.toString().substring(0, Math.min(10, value.toString().length())));
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "日期格式须为 yyyy-MM-dd (date must be yyyy-MM-dd)");
        }
    }

    private static ProofType proofType(DelegateExecution form) {
        String value = text(form, "leadProofType");
        try {
            return value == null ? null : ProofType.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("leadProofType", "证明类型须为 DIPLOMA 或 SOCIAL_INSURANCE (unknown proof type)");
        }
    }
}
