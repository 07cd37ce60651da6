package org.anzexian.filing.serviceorg;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Qualification;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.junit.jupiter.api.Test;

/** The N7 rules over one filing, with the thresholds the DMN ships with. */
class ServiceOrgEligibilityTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    static final EligibilityThresholds NOTICE = new EligibilityThresholds(15, 1, 10, 3, 5, 5, 2, QualificationClass.B, 3,
            Set.of("高级工程师", "正高级工程师"));
    static final String EVIDENCE = "a".repeat(64);

    // --- N7.5 STAFF_TIERS --------------------------------------------------------------------

    @Test
    void seniorCertifiedFifteenYearPlusTwoCertifiedTenYearPlusTwoFiveYearPasses_N7_5() {
        assertThat(tiers(staff(senior(15), certified(10), certified(10), plain(5), plain(5))).passed()).isTrue();
    }

    @Test
    void tierOnePersonCountsForTiersTwoAndThree_N7_5() {
        // 1 senior + 2 certified = 3 in tier 2, + 2 plain = 5 in tier 3: only because the senior counts below too
        CheckResult result = tiers(staff(senior(20), certified(12), certified(11), plain(6), plain(5)));
        assertThat(result.passed()).isTrue();
        assertThat(result.reason()).contains("注册证书+10年以上 3 人").contains("5年以上 5 人");
    }

    @Test
    void fourteenYearsIsNotTierOneFifteenIs_N7_5() {
        assertThat(tiers(staff(senior(14), certified(10), certified(10), certified(10), plain(5))).passed()).isFalse();
        assertThat(tiers(staff(senior(15), certified(10), certified(10), certified(10), plain(5))).passed()).isTrue();
    }

    @Test
    void onlyTwoCertifiedTenYearStaffFailsTier2_N7_5() {
        CheckResult result = tiers(staff(senior(16), certified(10), certified(9), plain(8), plain(7)));
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("注册证书+10年以上 2 人（须 3）");
    }

    @Test
    void expiredCertificateDoesNotCount_N7_5() {
        StaffMember expired = new StaffMember("过期", "工程师", 12,
                List.of(new StaffCertificate("SAFETY_ENGINEER", "X1", TODAY.minusDays(1))));
        StaffMember validToday = new StaffMember("当天", "工程师", 12,
                List.of(new StaffCertificate("SAFETY_ENGINEER", "X2", TODAY)));
        assertThat(tiers(staff(senior(16), certified(10), expired, plain(5), plain(5))).passed()).isFalse();
        assertThat(tiers(staff(senior(16), certified(10), validToday, plain(5), plain(5))).passed()).isTrue();
    }

    @Test
    void certificateOutsideTheSevenN7_5TypesDoesNotCount_N7_5() {
        StaffMember secondClass = new StaffMember("二建", "工程师", 12,
                List.of(new StaffCertificate("二级建造师", "E2", TODAY.plusYears(1))));
        StaffMember byChineseName = new StaffMember("一建", "工程师", 12,
                List.of(new StaffCertificate("一级建造师", "E1", TODAY.plusYears(1))));
        assertThat(tiers(staff(senior(16), certified(10), secondClass, plain(5), plain(5))).passed()).isFalse();
        assertThat(tiers(staff(senior(16), certified(10), byChineseName, plain(5), plain(5))).passed()).isTrue();
    }

    @Test
    void seniorWithoutCertificateIsNotTierOne_N7_5() {
        StaffMember uncertifiedSenior = new StaffMember("高工", "高级工程师", 25, List.of());
        assertThat(tiers(staff(uncertifiedSenior, certified(10), certified(10), certified(10), plain(5))).passed()).isFalse();
    }

    @Test
    void fewerThanFiveWithFiveYearsFailsTier3_N7_5() {
        assertThat(tiers(staff(senior(16), certified(10), certified(10), plain(4), plain(5))).passed()).isFalse();
    }

    // --- N7.2 QUALIFICATION_OR_EXPERIENCE --------------------------------------------------------

    @Test
    void classBQualificationValidOnFilingDatePasses_N7_2() {
        assertThat(qualification(new Qualification("JL-1", QualificationClass.B, TODAY), List.of(), List.of()).passed())
                .isTrue();
        assertThat(qualification(new Qualification("JL-1", QualificationClass.A, TODAY.plusYears(1)), List.of(), List.of())
                .passed()).isTrue();
    }

    @Test
    void classCOrExpiredQualificationWithoutExperienceFails_N7_2() {
        CheckResult classC = qualification(new Qualification("JL-1", QualificationClass.C, TODAY.plusYears(1)), List.of(), List.of());
        assertThat(classC.passed()).isFalse();
        assertThat(classC.reason()).contains("丙级");
        CheckResult expired = qualification(new Qualification("JL-1", QualificationClass.B, TODAY.minusDays(1)), List.of(), List.of());
        assertThat(expired.passed()).isFalse();
        assertThat(expired.reason()).contains("过期");
    }

    @Test
    void twoYearsOfEngagementsWithEvidencePass_N7_2() {
        List<Engagement> twoYears = List.of(
                new Engagement("人保财险", ClientType.INSURER, TODAY.minusDays(729), TODAY.minusDays(365)),
                new Engagement("某建设单位", ClientType.OWNER, TODAY.minusDays(364), null));
        assertThat(qualification(null, twoYears, List.of(EVIDENCE)).passed()).isTrue();
    }

    @Test
    void overlappingEngagementsCountOnceAndShortExperienceFails_N7_2() {
        List<Engagement> overlapping = List.of(
                new Engagement("人保财险", ClientType.INSURER, TODAY.minusDays(500), TODAY),
                new Engagement("住建局", ClientType.CONSTRUCTION_AUTHORITY, TODAY.minusDays(400), TODAY));
        CheckResult result = qualification(null, overlapping, List.of(EVIDENCE));
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("不足 2 年");
        assertThat(ServiceOrgEligibility.coveredDays(overlapping, TODAY)).isEqualTo(501);
    }

    @Test
    void experienceWithoutEvidenceFails_N7_2() {
        List<Engagement> threeYears = List.of(new Engagement("人保财险", ClientType.INSURER, TODAY.minusYears(3), null));
        CheckResult result = qualification(null, threeYears, List.of());
        assertThat(result.passed()).isFalse();
        assertThat(result.reason()).contains("证明文件");
    }

    // --- N7.3, N7.1, N7.4 ----------------------------------------------------------------------

    @Test
    void declarationAndCleanListPassButAListEntryOrMissingDeclarationFails_N7_3() {
        assertThat(ServiceOrgEligibility.noBadRecord(filing(true, "体系", team(), List.of()), NOTICE, List.of()).passed()).isTrue();
        CheckResult listed = ServiceOrgEligibility.noBadRecord(filing(true, "体系", team(), List.of()), NOTICE,
                List.of("行政处罚或不良行为记录（2024-03-01，安全事故）"));
        assertThat(listed.passed()).isFalse();
        assertThat(listed.reason()).contains("安全事故");
        assertThat(ServiceOrgEligibility.noBadRecord(filing(false, "体系", team(), List.of()), NOTICE, List.of()).passed())
                .isFalse();
    }

    @Test
    void qualitySystemMustBeDescribedOrDocumented_N7_1() {
        assertThat(ServiceOrgEligibility.qualitySystem(filing(true, "三级审核制度", team(), List.of()), hash -> true).passed())
                .isTrue();
        assertThat(ServiceOrgEligibility.qualitySystem(filing(true, "  ", team(), List.of()), hash -> true).passed()).isFalse();
    }

    @Test
    void fixedTeamNeedsEveryRoleFromTheRoster_N7_4() {
        List<StaffMember> roster = staff(senior(16), certified(10), plain(5));
        List<TeamMember> full = List.of(new TeamMember(roster.get(0).name(), TeamRole.TECHNICAL_LEAD),
                new TeamMember(roster.get(1).name(), TeamRole.PROJECT_LEAD),
                new TeamMember(roster.get(2).name(), TeamRole.SERVICE_STAFF));
        assertThat(ServiceOrgEligibility.fixedTeam(filing(true, "x", full, roster)).passed()).isTrue();

        CheckResult noServiceStaff = ServiceOrgEligibility.fixedTeam(filing(true, "x", full.subList(0, 2), roster));
        assertThat(noServiceStaff.passed()).isFalse();
        assertThat(noServiceStaff.reason()).contains("服务人员");
        List<TeamMember> stranger = new ArrayList<>(full);
        stranger.add(new TeamMember("外人", TeamRole.SERVICE_STAFF));
        CheckResult notOnRoster = ServiceOrgEligibility.fixedTeam(filing(true, "x", stranger, roster));
        assertThat(notOnRoster.passed()).isFalse();
        assertThat(notOnRoster.reason()).contains("外人");
    }

    // --- helpers --------------------------------------------------------------------------------

    private static CheckResult tiers(List<StaffMember> staff) {
        return ServiceOrgEligibility.staffTiers(staff, TODAY, NOTICE);
    }

    private static CheckResult qualification(Qualification qualification, List<Engagement> engagements, List<String> evidence) {
        ServiceOrgFilingRequest filing = new ServiceOrgFilingRequest("X", "机构", null, "负责人", null, qualification,
                engagements, evidence, true, "体系", null, List.of(), List.of());
        return ServiceOrgEligibility.qualificationOrExperience(filing, TODAY, NOTICE, EVIDENCE::equals);
    }

    private static ServiceOrgFilingRequest filing(boolean declared, String qualitySystem, List<TeamMember> team,
            List<StaffMember> staff) {
        return new ServiceOrgFilingRequest("X", "机构", null, "负责人", null, null, List.of(), List.of(), declared,
                qualitySystem, null, team, staff);
    }

    private static List<TeamMember> team() {
        return List.of();
    }

    private static int counter;

    static List<StaffMember> staff(StaffMember... people) {
        return List.of(people);
    }

    static StaffMember senior(int years) {
        return new StaffMember("高工" + ++counter, "高级工程师", years,
                List.of(new StaffCertificate("SAFETY_ENGINEER", "AQ" + counter, TODAY.plusYears(2))));
    }

    static StaffMember certified(int years) {
        return new StaffMember("注册" + ++counter, "工程师", years,
                List.of(new StaffCertificate("FIRST_CLASS_CONSTRUCTOR", "JZ" + counter, TODAY.plusYears(2))));
    }

    static StaffMember plain(int years) {
        return new StaffMember("员工" + ++counter, "助理工程师", years, List.of());
    }
}
