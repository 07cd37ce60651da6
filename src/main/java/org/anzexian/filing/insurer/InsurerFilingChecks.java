package org.anzexian.filing.insurer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.creditlist.CreditListEntry;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.creditlist.CreditListType;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.springframework.stereotype.Component;

/** The automatic checks of an insurer filing, each with its own named result (N3.1–N3.8, N4.1). */
@Component
class InsurerFilingChecks {

    /** Lists that bar an insurer (N3.7); bad-conduct records concern service organizations (N7.3). */
    static final Set<CreditListType> BARRING_LISTS =
            Set.of(CreditListType.SERIOUS_DISHONESTY, CreditListType.DISHONEST_JUDGMENT_DEBTOR);
    /** A branch of the same company in one of these holds the company's one city-level place (N4.1). */
    static final Set<FilingStatus> HOLDING_THE_COMPANY_PLACE =
            Set.of(FilingStatus.IN_REVIEW, FilingStatus.FILED, FilingStatus.SUSPENDED);

    private final InsurerEligibility eligibility;
    private final CreditListService creditLists;
    private final InsurerFilingRepository repository;

    InsurerFilingChecks(InsurerEligibility eligibility, CreditListService creditLists, InsurerFilingRepository repository) {
        this.eligibility = eligibility;
        this.creditLists = creditLists;
        this.repository = repository;
    }

    List<CheckResult> all(InsurerFiling filing, LocalDate filingDate) {
        EligibilityThresholds thresholds = eligibility.thresholds(filingDate);
        InsurerFilingData data = filing.data();
        return List.of(
                licensesValid(data, filingDate),
                legalPersonOrAuthorizedBranch(data),
                projectLeadsExperienced(data, thresholds),
                auditAndSolvency(data, thresholds),
                notOnDishonestyLists(filing),
                experienceSufficient(data, thresholds),
                oneBranchPerCompany(filing));
    }

    /** N3.1, N3.3: both licenses valid on the day (valid-until is the last valid day). */
    CheckResult licensesValid(InsurerFilingData data, LocalDate day) {
        List<String> problems = new ArrayList<>();
        expired("营业执照", data.businessLicense(), day).ifPresent(problems::add);
        expired("保险许可证", data.insuranceLicense(), day).ifPresent(problems::add);
        return problems.isEmpty()
                ? CheckResult.pass(FilingCheck.LICENSES_VALID, "营业执照有效期至 " + data.businessLicense().validUntil()
                        + "，保险许可证有效期至 " + data.insuranceLicense().validUntil())
                : CheckResult.fail(FilingCheck.LICENSES_VALID, String.join("；", problems));
    }

    private static Optional<String> expired(String name, License license, LocalDate day) {
        return license.validUntil().isBefore(day)
                ? Optional.of(name + "（" + license.number() + "）已于 " + license.validUntil() + " 到期")
                : Optional.empty();
    }

    /** N3.2: a legal person (head office), or a branch authorized by its named parent. */
    private static CheckResult legalPersonOrAuthorizedBranch(InsurerFilingData data) {
        if (data.parentCreditCode() == null) {
            return CheckResult.pass(FilingCheck.LEGAL_PERSON_OR_AUTHORIZED_BRANCH, "以法人身份备案");
        }
        if (data.parentAuthorizationHash() == null) {
            return CheckResult.fail(FilingCheck.LEGAL_PERSON_OR_AUTHORIZED_BRANCH,
                    "分支机构备案须提供总公司（" + data.parentName() + "）的授权书");
        }
        return CheckResult.pass(FilingCheck.LEGAL_PERSON_OR_AUTHORIZED_BRANCH,
                "经总公司（" + data.parentName() + "）授权的分支机构");
    }

    /** N3.4: every lead the insurer will assign has the minimum years of work. */
    private static CheckResult projectLeadsExperienced(InsurerFilingData data, EligibilityThresholds thresholds) {
        List<String> tooShort = data.projectLeads().stream()
                .filter(lead -> lead.yearsOfWork() < thresholds.minProjectLeadYears())
                .map(lead -> lead.name() + "（" + lead.yearsOfWork() + " 年）")
                .toList();
        if (!tooShort.isEmpty()) {
            return CheckResult.fail(FilingCheck.PROJECT_LEADS_EXPERIENCED, "项目负责人工作年限不足 "
                    + thresholds.minProjectLeadYears() + " 年：" + String.join("、", tooShort));
        }
        return CheckResult.pass(FilingCheck.PROJECT_LEADS_EXPERIENCED, data.projectLeads().size()
                + " 名项目负责人工作年限均不少于 " + thresholds.minProjectLeadYears() + " 年");
    }

    /** N3.5: audited report of the required year, with solvency statement, ratios at or above the minimums. */
    private static CheckResult auditAndSolvency(InsurerFilingData data, EligibilityThresholds thresholds) {
        InsurerFilingData.AuditReport report = data.auditReport();
        List<String> problems = new ArrayList<>();
        if (report.year() != thresholds.requiredAuditYear()) {
            problems.add("须提供 " + thresholds.requiredAuditYear() + " 年度审计报告，提交的是 " + report.year() + " 年度");
        }
        if (!report.solvencyStatement()) {
            problems.add("审计报告未附偿付能力说明");
        }
        if (report.comprehensiveSolvencyRatio().compareTo(thresholds.minComprehensiveSolvencyRatio()) < 0) {
            problems.add("综合偿付能力充足率 " + report.comprehensiveSolvencyRatio().stripTrailingZeros().toPlainString()
                    + "% 低于 " + thresholds.minComprehensiveSolvencyRatio().stripTrailingZeros().toPlainString() + "%");
        }
        if (report.coreSolvencyRatio().compareTo(thresholds.minCoreSolvencyRatio()) < 0) {
            problems.add("核心偿付能力充足率 " + report.coreSolvencyRatio().stripTrailingZeros().toPlainString()
                    + "% 低于 " + thresholds.minCoreSolvencyRatio().stripTrailingZeros().toPlainString() + "%");
        }
        return problems.isEmpty()
                ? CheckResult.pass(FilingCheck.AUDIT_AND_SOLVENCY, report.year() + " 年度审计报告（" + report.auditor()
                        + "）附偿付能力说明，充足率达标")
                : CheckResult.fail(FilingCheck.AUDIT_AND_SOLVENCY, String.join("；", problems));
    }

    /** N3.7: neither the branch nor its parent on the serious-dishonesty or judgment-debtor list. */
    CheckResult notOnDishonestyLists(InsurerFiling filing) {
        List<String> listings = listings(filing);
        return listings.isEmpty()
                ? CheckResult.pass(FilingCheck.NOT_ON_DISHONESTY_LISTS, "本机构及总公司均未列入失信名单")
                : CheckResult.fail(FilingCheck.NOT_ON_DISHONESTY_LISTS, String.join("；", listings));
    }

    /** Descriptions of every barring listing of the branch or its parent; empty when there is none. */
    List<String> listings(InsurerFiling filing) {
        List<String> listings = new ArrayList<>();
        for (String code : codesOf(filing)) {
            for (CreditListEntry entry : creditLists.entriesFor(code, BARRING_LISTS, null)) {
                listings.add(entry.name() + "（" + entry.creditCode() + "）于 " + entry.listedOn() + " 列入"
                        + entry.type().label() + "：" + entry.reason());
            }
        }
        return listings;
    }

    static Set<String> codesOf(InsurerFiling filing) {
        return Stream.of(filing.branchCreditCode(), filing.data().parentCreditCode())
                .filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** N3.8: underwriting, claims and prevention-service experience at or above the minimums. */
    private static CheckResult experienceSufficient(InsurerFilingData data, EligibilityThresholds thresholds) {
        InsurerFilingData.Experience experience = data.experience();
        List<String> problems = new ArrayList<>();
        below(problems, "承保件数", experience.policiesUnderwritten(), thresholds.minPoliciesUnderwritten());
        below(problems, "理赔件数", experience.claimsHandled(), thresholds.minClaimsHandled());
        below(problems, "事故预防服务次数", experience.preventionServicesDelivered(), thresholds.minPreventionServices());
        return problems.isEmpty()
                ? CheckResult.pass(FilingCheck.EXPERIENCE_SUFFICIENT, "承保 " + experience.policiesUnderwritten()
                        + " 件、理赔 " + experience.claimsHandled() + " 件、事故预防服务 "
                        + experience.preventionServicesDelivered() + " 次")
                : CheckResult.fail(FilingCheck.EXPERIENCE_SUFFICIENT, String.join("；", problems));
    }

    private static void below(List<String> problems, String what, int actual, int minimum) {
        if (actual < minimum) {
            problems.add(what + " " + actual + " 少于 " + minimum);
        }
    }

    /** N4.1: no other branch of the same company under review, filed or suspended. */
    private CheckResult oneBranchPerCompany(InsurerFiling filing) {
        List<String> others = repository.otherBranchesOfCompany(filing.companyCreditCode(), filing.insurerOrgId(),
                HOLDING_THE_COMPANY_PLACE);
        return others.isEmpty()
                ? CheckResult.pass(FilingCheck.ONE_BRANCH_PER_COMPANY, "同一公司无其他分支机构备案")
                : CheckResult.fail(FilingCheck.ONE_BRANCH_PER_COMPANY, "同一公司已有分支机构备案或在审："
                        + String.join("、", others.stream().distinct().toList()) + "（每家公司仅限一家市级分支机构）");
    }

    /** Whether the filing can still be filed: licenses valid and not listed (the causes of suspension). */
    List<String> suspensionCauses(InsurerFiling filing, LocalDate day) {
        List<String> causes = new ArrayList<>();
        CheckResult licenses = licensesValid(filing.data(), day);
        if (!licenses.passed()) {
            causes.add(licenses.reason());
        }
        causes.addAll(listings(filing));
        return causes;
    }
}
