package org.anzexian.underwriting;

import static org.anzexian.platform.format.Money.yuan;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.jurisdiction.JurisdictionService;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.springframework.stereotype.Component;

/** The mails of underwriting, written to the outbox in the caller's transaction, one per occasion (idempotency key). */
@Component
class UnderwritingNotices {

    private final NotificationService notifications;
    private final OrganizationService organizations;
    private final JurisdictionService jurisdictions;
    private final BusinessTime time;

    UnderwritingNotices(NotificationService notifications, OrganizationService organizations,
            JurisdictionService jurisdictions, BusinessTime time) {
        this.notifications = notifications;
        this.organizations = organizations;
        this.jurisdictions = jurisdictions;
        this.time = time;
    }

    void declined(Quotation quotation, Project project, String stage, String reason) {
        Organization buyer = organizations.require(quotation.buyerOrgId());
        Map<String, Object> model = quotationModel(quotation, project);
        model.put("buyerName", buyer.name());
        model.put("stage", stage);
        model.put("reason", reason);
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_DECLINED,
                List.of(PlatformGroups.CITY_BUREAU, buyer.groupId()), model, reference(quotation),
                key(quotation, "declined"));
    }

    void reminder(Quotation quotation, Project project) {
        Organization insurer = organizations.require(quotation.insurerOrgId());
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_QUOTATION_REMINDER, List.of(insurer.groupId()),
                quotationModel(quotation, project), reference(quotation), key(quotation, "reminder"));
    }

    /** To the insurer and, as its manager, its head office when that is registered. */
    void escalation(Quotation quotation, Project project) {
        Organization insurer = organizations.require(quotation.insurerOrgId());
        List<String> groups = new ArrayList<>(List.of(insurer.groupId()));
        if (insurer.parentId() != null) {
            organizations.find(insurer.parentId()).map(Organization::groupId).ifPresent(groups::add);
        }
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_QUOTATION_ESCALATION, groups,
                quotationModel(quotation, project), reference(quotation), key(quotation, "escalation"));
    }

    void policyIssued(Policy policy) {
        Organization buyer = organizations.require(policy.buyerOrgId());
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_POLICY_ISSUED, List.of(buyer.groupId()),
                policyModel(policy, buyer), "policy:" + policy.id(), "underwriting:policy:" + policy.id() + ":issued");
    }

    /** N2.5: to the county authority of the project's jurisdiction. */
    void reportToCounty(Policy policy, OffsetDateTime reportedAt) {
        Organization buyer = organizations.require(policy.buyerOrgId());
        Map<String, Object> model = policyModel(policy, buyer);
        model.put("jurisdictionName", jurisdictions.require(policy.jurisdictionCode()).name());
        model.put("reportedAt", time.minute(reportedAt));
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_POLICY_REPORT,
                List.of(PlatformGroups.county(policy.jurisdictionCode())), model, "policy:" + policy.id(),
                "underwriting:policy:" + policy.id() + ":county-report");
    }

    /** N5.2: the builder holding an open quotation of a suspended insurer may choose another insurer. */
    void insurerSuspended(Quotation quotation, Project project, String reason, String occasion) {
        Organization buyer = organizations.require(quotation.buyerOrgId());
        Map<String, Object> model = quotationModel(quotation, project);
        model.put("buyerName", buyer.name());
        model.put("status", quotation.status().label());
        model.put("reason", reason);
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_INSURER_SUSPENDED, List.of(buyer.groupId()), model,
                reference(quotation), key(quotation, "insurer-suspended:" + occasion));
    }

    /** N1.1: the builder is to pay the additional premium, the insurer to confirm it. */
    void endorsementRequired(Endorsement endorsement, Policy policy, List<String> phases) {
        Organization buyer = organizations.require(policy.buyerOrgId());
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_ENDORSEMENT_REQUIRED,
                List.of(buyer.groupId(), organizations.require(policy.insurerOrgId()).groupId()),
                endorsementModel(endorsement, policy, buyer, phases), "endorsement:" + endorsement.id(),
                "underwriting:endorsement:" + endorsement.id() + ":required");
    }

    /** N2.5 as for the policy: the builder and the county authority of the project's jurisdiction. */
    void endorsementIssued(Endorsement endorsement, Policy policy, List<String> phases) {
        Organization buyer = organizations.require(policy.buyerOrgId());
        Map<String, Object> model = endorsementModel(endorsement, policy, buyer, phases);
        model.put("endorsementNumber", endorsement.endorsementNumber());
        model.put("premium", policy.premium().toPlainString());
        notifications.enqueueToGroups(NoticeTemplates.UNDERWRITING_ENDORSEMENT_ISSUED,
                List.of(buyer.groupId(), PlatformGroups.county(policy.jurisdictionCode())), model,
                "endorsement:" + endorsement.id(), "underwriting:endorsement:" + endorsement.id() + ":issued");
    }

    private static Map<String, Object> endorsementModel(Endorsement endorsement, Policy policy, Organization buyer,
            List<String> phases) {
        Map<String, Object> model = new HashMap<>();
        model.put("buyerName", buyer.name());
        model.put("insurerName", policy.insurerName());
        model.put("policyNumber", policy.policyNumber());
        model.put("phases", String.join("、", phases));
        model.put("oldContractAmount", yuan(endorsement.oldContractAmount()));
        model.put("newContractAmount", yuan(endorsement.newContractAmount()));
        model.put("oldPolicyPeriod", BusinessTime.period(endorsement.oldPolicyStart(), endorsement.oldPolicyEnd()));
        model.put("newPolicyPeriod", BusinessTime.period(endorsement.newPolicyStart(), endorsement.newPolicyEnd()));
        model.put("additionalPremium", endorsement.additionalPremium().toPlainString());
        model.put("endorsementId", endorsement.id());
        return model;
    }

    private Map<String, Object> quotationModel(Quotation quotation, Project project) {
        Map<String, Object> model = new HashMap<>();
        model.put("insurerName", organizations.require(quotation.insurerOrgId()).name());
        model.put("projectName", project.name());
        model.put("projectCode", project.code());
        model.put("quotationId", quotation.id());
        model.put("requestedAt", time.day(quotation.requestedAt()));
        return model;
    }

    private static Map<String, Object> policyModel(Policy policy, Organization buyer) {
        Map<String, Object> model = new HashMap<>();
        model.put("buyerName", buyer.name());
        model.put("projectName", policy.projectName());
        model.put("projectCode", policy.projectCode());
        model.put("insurerName", policy.insurerName());
        model.put("policyNumber", policy.policyNumber());
        model.put("policyStart", BusinessTime.day(policy.policyStart()));
        model.put("policyEnd", BusinessTime.day(policy.policyEnd()));
        model.put("premium", policy.premium().toPlainString());
        return model;
    }

    private static String reference(Quotation quotation) {
        return "quotation:" + quotation.id();
    }

    private static String key(Quotation quotation, String occasion) {
        return "underwriting:quotation:" + quotation.id() + ":" + occasion;
    }
}
