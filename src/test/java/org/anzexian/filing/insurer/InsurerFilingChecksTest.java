package org.anzexian.filing.insurer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anzexian.filing.FilingStatus;
import org.anzexian.platform.files.FileStore;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.ProofType;
import org.anzexian.filing.insurer.InsurerFilingFixtures.Insurer;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.support.AnzexianTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each automatic check of the insurer filing, passing and failing, with the DMN's default thresholds. */
@AnzexianTest
class InsurerFilingChecksTest {

    @Autowired
    InsurerFilingService filings;
    @Autowired
    CreditListService creditLists;
    @Autowired
    OrganizationService organizations;

    @Autowired
    FileStore files;
    @Autowired
    GroupDirectory groups;
    @Autowired
    Clock clock;

    InsurerFilingFixtures fixtures;
    Insurer insurer;
    InsurerFilingData passing;

    @BeforeEach
    void anInsurerBranch() {
        fixtures = new InsurerFilingFixtures(organizations, groups, files);
        insurer = fixtures.branch();
        passing = InsurerFilingFixtures.passingData(insurer, LocalDate.now(clock));
    }

    @Test
    void aCompleteFilingPassesEveryNamedCheckAndGoesToReview() {
        InsurerFiling filing = filings.submit(insurer.clerk(), passing);

        assertThat(results(filing)).containsOnlyKeys(FilingCheck.values()).doesNotContainValue(false);
        assertThat(filing.checks()).allSatisfy(check -> assertThat(check.reason()).isNotBlank());
        assertThat(filing.status()).isEqualTo(FilingStatus.IN_REVIEW);
    }

    @Test
    void anExpiredBusinessLicenseFailsLicensesValid_N3_1() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        assertFailsOnly(FilingDataChanges.licenses(passing, new License("BL-OLD", yesterday, InsurerFilingFixtures.hash('b')),
                passing.insuranceLicense()), FilingCheck.LICENSES_VALID, "营业执照");
    }

    @Test
    void anInsuranceLicenseValidUntilTodayStillPasses_N3_3() {
        InsurerFiling filing = filings.submit(insurer.clerk(), FilingDataChanges.licenses(passing,
                passing.businessLicense(), new License("IL-TODAY", LocalDate.now(clock), InsurerFilingFixtures.hash('c'))));
        assertThat(results(filing).get(FilingCheck.LICENSES_VALID)).isTrue();
    }

    @Test
    void anExpiredInsuranceLicenseFailsLicensesValid_N3_3() {
        assertFailsOnly(FilingDataChanges.licenses(passing, passing.businessLicense(),
                new License("IL-OLD", LocalDate.now(clock).minusDays(1), InsurerFilingFixtures.hash('c'))),
                FilingCheck.LICENSES_VALID, "保险许可证");
    }

    @Test
    void aBranchWithoutItsParentsAuthorizationFails_N3_2() {
        assertFailsOnly(FilingDataChanges.parent(passing, passing.parentName(), passing.parentCreditCode(), null),
                FilingCheck.LEGAL_PERSON_OR_AUTHORIZED_BRANCH, "授权书");
    }

    @Test
    void aHeadOfficeFilingAsLegalPersonPasses_N3_2() {
        InsurerFiling filing = filings.submit(insurer.clerk(), FilingDataChanges.parent(passing, null, null, null));
        assertThat(results(filing).get(FilingCheck.LEGAL_PERSON_OR_AUTHORIZED_BRANCH)).isTrue();
        assertThat(filing.checks()).filteredOn(check -> check.check() == FilingCheck.LEGAL_PERSON_OR_AUTHORIZED_BRANCH)
                .singleElement().extracting(CheckResult::reason).asString().contains("法人");
    }

    @Test
    void projectLeadWithFourYearsFailsTheCheck_N3_4() {
        assertFailsOnly(FilingDataChanges.leads(passing, List.of(
                        new ProjectLead("王强", 8, ProofType.SOCIAL_INSURANCE, InsurerFilingFixtures.hash('e')),
                        new ProjectLead("周新", 4, ProofType.DIPLOMA, InsurerFilingFixtures.hash('f')))),
                FilingCheck.PROJECT_LEADS_EXPERIENCED, "周新（4 年）");
    }

    @Test
    void anAuditReportOfTheWrongYearFails_N3_5() {
        AuditReport report = passing.auditReport();
        assertFailsOnly(FilingDataChanges.audit(passing, new AuditReport(2022, report.auditor(),
                report.comprehensiveSolvencyRatio(), report.coreSolvencyRatio(), true, report.fileHash())),
                FilingCheck.AUDIT_AND_SOLVENCY, "2023");
    }

    @Test
    void aCoreSolvencyRatioBelowTheMinimumOrNoStatementFails_N3_5() {
        AuditReport report = passing.auditReport();
        assertFailsOnly(FilingDataChanges.audit(passing, new AuditReport(2023, report.auditor(),
                new BigDecimal("100"), new BigDecimal("49.99"), false, report.fileHash())),
                FilingCheck.AUDIT_AND_SOLVENCY, "核心偿付能力充足率 49.99% 低于 50%");
        InsurerFiling filing = filings.list(insurer.clerk(), new PageQuery(0, 1)).items().get(0);
        assertThat(filing.checks()).filteredOn(check -> check.check() == FilingCheck.AUDIT_AND_SOLVENCY)
                .singleElement().extracting(CheckResult::reason).asString().contains("偿付能力说明");
    }

    @Test
    void aParentOnTheSeriousDishonestyListFails_N3_7() {
        creditLists.importCsv(InsurerFilingFixtures.CITY, "type,creditCode,name,listedOn,reason,source\n"
                + "SERIOUS_DISHONESTY," + insurer.parent().creditCode() + "," + insurer.parent().name()
                + ",2025-06-01,虚假理赔,信用中国\n");
        assertFailsOnly(passing, FilingCheck.NOT_ON_DISHONESTY_LISTS, "虚假理赔");
    }

    @Test
    void aBadConductRecordAloneDoesNotBarAnInsurer_N3_7() {
        creditLists.importCsv(InsurerFilingFixtures.CITY, "type,creditCode,name,listedOn,reason,source\n"
                + "ENFORCEMENT_OR_BAD_CONDUCT," + insurer.organization().creditCode() + ",分公司,2025-06-01,罚款,住建局\n");
        assertThat(results(filings.submit(insurer.clerk(), passing)).get(FilingCheck.NOT_ON_DISHONESTY_LISTS)).isTrue();
    }

    @Test
    void tooFewClaimsHandledFailsExperience_N3_8() {
        assertFailsOnly(FilingDataChanges.experience(passing, new Experience(500, 19, 300)),
                FilingCheck.EXPERIENCE_SUFFICIENT, "理赔件数 19 少于 20");
    }

    @Test
    void aSecondBranchOfTheSameParentIsRefusedWhileTheFirstIsInReview_N4_1() {
        filings.submit(insurer.clerk(), passing);
        Insurer sibling = fixtures.branchOf(insurer.parent());

        assertFailsOnlyFor(sibling, InsurerFilingFixtures.passingData(sibling, LocalDate.now(clock)),
                FilingCheck.ONE_BRANCH_PER_COMPANY, insurer.organization().name());
    }

    @Test
    void branchesOfDifferentParentsDoNotBlockEachOther_N4_1() {
        filings.submit(insurer.clerk(), passing);
        Insurer other = fixtures.branch();
        InsurerFiling filing = filings.submit(other.clerk(), InsurerFilingFixtures.passingData(other, LocalDate.now(clock)));
        assertThat(results(filing).get(FilingCheck.ONE_BRANCH_PER_COMPANY)).isTrue();
    }

    private void assertFailsOnly(InsurerFilingData data, FilingCheck check, String reasonPart) {
        assertFailsOnlyFor(insurer, data, check, reasonPart);
    }

    private void assertFailsOnlyFor(Insurer who, InsurerFilingData data, FilingCheck check, String reasonPart) {
        InsurerFiling filing = filings.submit(who.clerk(), data);
        Map<FilingCheck, Boolean> results = results(filing);
        assertThat(results).as("failed checks").containsEntry(check, false);
        assertThat(results.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList())
                .containsExactly(check);
        assertThat(filing.checks()).filteredOn(result -> result.check() == check).singleElement()
                .extracting(CheckResult::reason).asString().contains(reasonPart);
        assertThat(filing.status()).isEqualTo(FilingStatus.NEEDS_CORRECTION);
    }

    private static Map<FilingCheck, Boolean> results(InsurerFiling filing) {
        return filing.checks().stream().collect(Collectors.toMap(CheckResult::check, CheckResult::passed));
    }
}
