package org.anzexian.claim;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.notification.Notice;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.format.BusinessTime;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectTitle;
import org.springframework.stereotype.Component;

/**
 * The mails of claim handling, written to the outbox in the caller's transaction; the idempotency key
 * is the claim and the occasion, so a retried job mails once.
 */
@Component
class ClaimNotices {

    private final NotificationService notifications;
    private final OrganizationService organizations;
    private final ProjectService projects;
    private final BusinessTime businessTime;

    ClaimNotices(NotificationService notifications, OrganizationService organizations, ProjectService projects,
            BusinessTime businessTime) {
        this.notifications = notifications;
        this.organizations = organizations;
        this.projects = projects;
        this.businessTime = businessTime;
    }

    /** To the members of the groups; {@code occasion} makes the notice unique for the claim. */
    void toGroups(String template, Claim claim, Collection<String> groups, Map<String, Object> extra, String occasion) {
        notifications.enqueueToGroups(template, groups, model(claim, extra), reference(claim),
                reference(claim) + ":" + occasion);
    }

    /** To the construction unit's members and, when the report gave one, the reporter's own address. */
    void toReporter(String template, Claim claim, Map<String, Object> extra, String occasion) {
        toGroups(template, claim, List.of(organizations.require(claim.constructionUnitId()).groupId()), extra, occasion);
        if (claim.reporterEmail() != null) {
            notifications.enqueue(new Notice(template, List.of(claim.reporterEmail()), model(claim, extra),
                    reference(claim), reference(claim) + ":" + occasion + ":reporter"));
        }
    }

    String time(OffsetDateTime at) {
        return businessTime.minute(at);
    }

    private Map<String, Object> model(Claim claim, Map<String, Object> extra) {
        ProjectTitle project = projects.requireTitle(claim.projectId());
        Map<Long, Organization> parties = organizations.requireAll(
                List.of(claim.insurerOrgId(), claim.constructionUnitId()));
        Map<String, Object> model = new HashMap<>();
        model.put("claimId", claim.id());
        model.put("projectName", project.name());
        model.put("projectCode", project.code());
        model.put("policyNumber", claim.policyNumber());
        model.put("insurerName", parties.get(claim.insurerOrgId()).name());
        model.put("builderName", parties.get(claim.constructionUnitId()).name());
        model.put("accidentAt", time(claim.accidentAt()));
        model.put("reportedAt", time(claim.reportedAt()));
        model.put("accidentType", claim.accidentType().label());
        model.put("place", claim.place());
        model.put("deaths", claim.deaths());
        model.put("injuries", claim.injuries());
        model.put("reporterName", claim.reporterName());
        model.put("reporterPhone", claim.reporterPhone());
        model.put("acknowledgementDueAt", time(claim.acknowledgementDueAt()));
        model.putAll(extra);
        return model;
    }

    private static String reference(Claim claim) {
        return "claim:" + claim.id();
    }
}
