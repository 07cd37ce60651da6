package org.anzexian.filing.insurer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationService;
import org.springframework.stereotype.Component;

/**
 * The mails of the insurer filing, written to the outbox in the caller's transaction. Each carries
 * an idempotency key naming the filing and the occasion, so a retried job mails once.
 */
@Component
class InsurerFilingNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final NotificationService notifications;
    private final OrganizationService organizations;

    InsurerFilingNotices(NotificationService notifications, OrganizationService organizations) {
        this.notifications = notifications;
        this.organizations = organizations;
    }

    void needsCorrection(InsurerFiling filing, String reasons, OffsetDateTime deadline, String occasion) {
        toInsurer(filing, NoticeTemplates.INSURER_FILING_NEEDS_CORRECTION,
                Map.of("branchName", filing.branchName(), "filingId", filing.id(), "reasons", reasons,
                        "deadline", DAY.format(deadline)),
                "needs-correction:" + occasion);
    }

    void reviewReminder(InsurerFiling filing, OffsetDateTime inReviewSince) {
        notifications.enqueueToGroups(NoticeTemplates.INSURER_FILING_REVIEW_REMINDER, List.of(PlatformGroups.CITY_BUREAU),
                Map.of("branchName", filing.branchName(), "filingId", filing.id(),
                        "inReviewSince", DAY.format(inReviewSince)),
                reference(filing), key(filing, "review-reminder:" + filing.round()));
    }

    /** N4.1: the insurer, the emergency bureau, the financial regulator branch and the housing bureau learn of it. */
    void filed(InsurerFiling filing) {
        notifications.enqueueToGroups(NoticeTemplates.INSURER_FILING_FILED,
                List.of(insurerGroup(filing), PlatformGroups.EMERGENCY_BUREAU, PlatformGroups.FINANCIAL_REGULATOR,
                        PlatformGroups.CITY_BUREAU),
                Map.of("branchName", filing.branchName(), "creditCode", filing.branchCreditCode(),
                        "filingNumber", filing.filingNumber(),
                        "parentName", filing.data().parentName() == null ? "（总公司自身备案）" : filing.data().parentName(),
                        "principal", filing.data().principal().name(),
                        "claimsLine", filing.data().claimsService().claimsLinePhone()),
                reference(filing), key(filing, "filed"));
    }

    void rejected(InsurerFiling filing, String reason) {
        toInsurer(filing, NoticeTemplates.INSURER_FILING_REJECTED,
                Map.of("branchName", filing.branchName(), "filingId", filing.id(), "reason", reason), "rejected");
    }

    void lapsed(InsurerFiling filing) {
        toInsurer(filing, NoticeTemplates.INSURER_FILING_LAPSED,
                Map.of("branchName", filing.branchName(), "filingId", filing.id()), "lapsed");
    }

    /** {@code occasion} tells one suspension from another (e.g. the expired license's date). */
    void suspended(InsurerFiling filing, String reason, String occasion) {
        notifications.enqueueToGroups(NoticeTemplates.INSURER_FILING_SUSPENDED,
                List.of(insurerGroup(filing), PlatformGroups.CITY_BUREAU),
                Map.of("branchName", filing.branchName(), "filingNumber", filing.filingNumber(), "reason", reason),
                reference(filing), key(filing, "suspended:" + occasion));
    }

    void expiryReminder(InsurerFiling filing, String licenseName, InsurerFilingData.License license) {
        LocalDate validUntil = license.validUntil();
        toInsurer(filing, NoticeTemplates.INSURER_FILING_EXPIRY_REMINDER,
                Map.of("branchName", filing.branchName(), "filingNumber", filing.filingNumber(),
                        "licenseName", licenseName, "licenseNumber", license.number(), "validUntil", DAY.format(validUntil)),
                "expiry-reminder:" + licenseName + ":" + license.number() + ":" + validUntil);
    }

    void reinstated(InsurerFiling filing, OffsetDateTime at) {
        notifications.enqueueToGroups(NoticeTemplates.INSURER_FILING_REINSTATED,
                List.of(insurerGroup(filing), PlatformGroups.CITY_BUREAU),
                Map.of("branchName", filing.branchName(), "filingNumber", filing.filingNumber()),
                reference(filing), key(filing, "reinstated:" + at.toInstant()));
    }

    /** The city bureau's decision on a licence change (#11, N3.1, N3.3), to the insurer; once per change. */
    void licenseChangeDecided(InsurerFiling filing, LicenseChange change) {
        boolean approved = change.status() == LicenseChange.Status.APPROVED;
        InsurerFilingData.License business = change.proposed().businessLicense();
        InsurerFilingData.License insurance = change.proposed().insuranceLicense();
        toInsurer(filing, approved ? NoticeTemplates.INSURER_LICENSE_CHANGE_APPROVED : NoticeTemplates.INSURER_LICENSE_CHANGE_REJECTED,
                Map.of("branchName", filing.branchName(), "changeId", change.id(),
                        "businessLicense", business.number() + "（有效期至 " + DAY.format(business.validUntil()) + "）",
                        "insuranceLicense", insurance.number() + "（有效期至 " + DAY.format(insurance.validUntil()) + "）",
                        "reason", change.reason() == null ? "" : change.reason()),
                "license-change:" + change.id() + ":" + change.status());
    }

    private void toInsurer(InsurerFiling filing, String template, Map<String, Object> model, String occasion) {
        notifications.enqueueToGroups(template, List.of(insurerGroup(filing)), model, reference(filing),
                key(filing, occasion));
    }

    private String insurerGroup(InsurerFiling filing) {
        return organizations.require(filing.insurerOrgId()).groupId();
    }

    private static String reference(InsurerFiling filing) {
        return "insurer-filing:" + filing.id();
    }

    private static String key(InsurerFiling filing, String occasion) {
        return "insurer-filing:" + filing.id() + ":" + occasion;
    }
}
