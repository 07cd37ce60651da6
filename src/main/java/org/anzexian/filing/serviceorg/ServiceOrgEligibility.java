package org.anzexian.filing.serviceorg;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.anzexian.registry.person.CertificateType;

/**
 * The rules N7.1–N7.5 over one filing, without the engine or the database: the thresholds, the
 * city bureau's list entries and which evidence files exist are handed in.
 *
 * <p>STAFF_TIERS (N7.5) reading: tier 1 = a senior title (one of {@code seniorTitles}) and a valid
 * registered certificate and at least {@code tier1MinYears}; tier 2 = a valid registered certificate
 * and at least {@code tier2MinYears}; tier 3 = at least {@code tier3MinYears}. A person counts for
 * every tier he or she meets, so a tier-1 person also counts towards tiers 2 and 3. Registered
 * certificates are only the seven {@link CertificateType}s, valid on the filing date.
 *
 * <p>QUALIFICATION_OR_EXPERIENCE (N7.2): a qualification of {@code minQualificationClass} or higher,
 * valid on the filing date; or engagements by insurers, owners or construction authorities that
 * together (overlaps counted once, up to the filing date; a year = 365 days) cover at least
 * {@code minServiceYears}, with at least one evidence file in the file store.
 */
final class ServiceOrgEligibility {

    private static final int DAYS_PER_YEAR = 365;

    private ServiceOrgEligibility() {
    }

    static List<CheckResult> check(ServiceOrgFilingRequest filing, LocalDate filingDate, EligibilityThresholds limits,
            List<String> badRecordEntries, Predicate<String> fileExists) {
        return List.of(
                qualificationOrExperience(filing, filingDate, limits, fileExists),
                noBadRecord(filing, limits, badRecordEntries),
                qualitySystem(filing, fileExists),
                fixedTeam(filing),
                staffTiers(filing.staff(), filingDate, limits));
    }

    static CheckResult qualificationOrExperience(ServiceOrgFilingRequest filing, LocalDate filingDate,
            EligibilityThresholds limits, Predicate<String> fileExists) {
        var check = EligibilityCheck.QUALIFICATION_OR_EXPERIENCE;
        var qualification = filing.qualification();
        String qualificationNote = "";
        if (qualification != null) {
            boolean classOk = qualification.qualificationClass().atLeast(limits.minQualificationClass());
            boolean valid = !qualification.validUntil().isBefore(filingDate);
            if (classOk && valid) {
                return CheckResult.pass(check, "监理资质" + qualification.qualificationClass().label() + "（"
                        + qualification.certificateNumber() + "），有效期至 " + qualification.validUntil());
            }
            qualificationNote = !classOk
                    ? "监理资质为" + qualification.qualificationClass().label() + "，低于"
                            + limits.minQualificationClass().label() + "；"
                    : "监理资质已于 " + qualification.validUntil() + " 过期；";
        }
        long days = coveredDays(filing.engagements(), filingDate);
        String years = String.format(Locale.ROOT, "%.1f", days / (double) DAYS_PER_YEAR);
        boolean enoughYears = days >= (long) limits.minServiceYears() * DAYS_PER_YEAR;
        List<String> evidence = filing.evidenceFiles().stream().filter(fileExists).toList();
        if (enoughYears && !evidence.isEmpty()) {
            return CheckResult.pass(check, qualificationNote + "受托风险管理服务累计 " + years + " 年（不少于 "
                    + limits.minServiceYears() + " 年），证明文件 " + evidence.size() + " 份");
        }
        String missing = !enoughYears
                ? "受托风险管理服务累计 " + years + " 年，不足 " + limits.minServiceYears() + " 年"
                : "未提供有效的服务经历证明文件";
        return CheckResult.fail(check, (qualification == null ? "无监理资质；" : qualificationNote) + missing);
    }

    /** Days covered by the engagements up to the filing date, overlapping periods counted once. */
    static long coveredDays(List<Engagement> engagements, LocalDate filingDate) {
        List<LocalDate[]> periods = engagements.stream()
                .map(e -> new LocalDate[] {e.from(), e.to() == null || e.to().isAfter(filingDate) ? filingDate : e.to()})
                .filter(p -> !p[1].isBefore(p[0]))
                .sorted(Comparator.comparing((LocalDate[] p) -> p[0]))
                .toList();
        long days = 0;
        LocalDate coveredUntil = null;
        for (LocalDate[] period : periods) {
            LocalDate start = coveredUntil == null || period[0].isAfter(coveredUntil) ? period[0] : coveredUntil.plusDays(1);
            if (!period[1].isBefore(start)) {
                days += ChronoUnit.DAYS.between(start, period[1]) + 1;
                coveredUntil = period[1];
            }
        }
        return days;
    }

    static CheckResult noBadRecord(ServiceOrgFilingRequest filing, EligibilityThresholds limits,
            List<String> badRecordEntries) {
        var check = EligibilityCheck.NO_BAD_RECORD;
        List<String> problems = new ArrayList<>();
        if (!filing.noBadRecordDeclared()) {
            problems.add("未承诺近 " + limits.badRecordLookBackYears() + " 年无执法处罚或不良行为记录");
        }
        if (!badRecordEntries.isEmpty()) {
            problems.add("市住建局名单中近 " + limits.badRecordLookBackYears() + " 年有记录：" + String.join("；", badRecordEntries));
        }
        return problems.isEmpty()
                ? CheckResult.pass(check, "已承诺，且市住建局名单中近 " + limits.badRecordLookBackYears() + " 年无记录")
                : CheckResult.fail(check, String.join("；", problems));
    }

    static CheckResult qualitySystem(ServiceOrgFilingRequest filing, Predicate<String> fileExists) {
        var check = EligibilityCheck.QUALITY_SYSTEM_DESCRIBED;
        boolean described = filing.qualitySystem() != null && !filing.qualitySystem().isBlank();
        boolean document = filing.qualitySystemFile() != null && fileExists.test(filing.qualitySystemFile());
        if (described || document) {
            return CheckResult.pass(check, described && document ? "已说明质量控制体系并附文件"
                    : described ? "已说明质量控制体系" : "已附质量控制体系文件");
        }
        return CheckResult.fail(check, "未说明质量控制体系，也未附其文件");
    }

    /** N7.4: every role of the team is filled, and the team consists of people on the staff roster. */
    static CheckResult fixedTeam(ServiceOrgFilingRequest filing) {
        var check = EligibilityCheck.FIXED_TEAM;
        Set<TeamRole> missingRoles = EnumSet.allOf(TeamRole.class);
        filing.team().stream().map(TeamMember::role).forEach(missingRoles::remove);
        Set<String> roster = filing.staff().stream().map(member -> member.name().strip()).collect(Collectors.toSet());
        List<String> notOnRoster = filing.team().stream().map(member -> member.name().strip())
                .filter(name -> !roster.contains(name)).distinct().toList();
        List<String> problems = new ArrayList<>();
        if (!missingRoles.isEmpty()) {
            problems.add("缺少岗位：" + missingRoles.stream().map(TeamRole::label).collect(Collectors.joining("、")));
        }
        if (!notOnRoster.isEmpty()) {
            problems.add("不在人员名册中：" + String.join("、", notOnRoster));
        }
        return problems.isEmpty()
                ? CheckResult.pass(check, "固定服务团队 " + filing.team().size() + " 人，技术负责人、项目负责人、服务人员齐全")
                : CheckResult.fail(check, String.join("；", problems));
    }

    static CheckResult staffTiers(List<StaffMember> staff, LocalDate filingDate, EligibilityThresholds limits) {
        var check = EligibilityCheck.STAFF_TIERS;
        long tier1 = staff.stream().filter(person -> isSenior(person, limits) && hasValidCertificate(person, filingDate)
                && person.safetyYears() >= limits.tier1MinYears()).count();
        long tier2 = staff.stream().filter(person -> hasValidCertificate(person, filingDate)
                && person.safetyYears() >= limits.tier2MinYears()).count();
        long tier3 = staff.stream().filter(person -> person.safetyYears() >= limits.tier3MinYears()).count();
        String counts = "高级职称+注册证书+" + limits.tier1MinYears() + "年以上 " + tier1 + " 人（须 " + limits.tier1MinPersons()
                + "）；注册证书+" + limits.tier2MinYears() + "年以上 " + tier2 + " 人（须 " + limits.tier2MinPersons()
                + "）；" + limits.tier3MinYears() + "年以上 " + tier3 + " 人（须 " + limits.tier3MinPersons() + "）";
        boolean passed = tier1 >= limits.tier1MinPersons() && tier2 >= limits.tier2MinPersons()
                && tier3 >= limits.tier3MinPersons();
        return passed ? CheckResult.pass(check, counts) : CheckResult.fail(check, counts);
    }

    private static boolean isSenior(StaffMember person, EligibilityThresholds limits) {
        return person.title() != null && limits.seniorTitles().contains(person.title().strip());
    }

    static boolean hasValidCertificate(StaffMember person, LocalDate filingDate) {
        return person.certificates().stream().anyMatch(certificate -> countsForN7_5(certificate)
                && !certificate.validUntil().isBefore(filingDate));
    }

    private static boolean countsForN7_5(StaffCertificate certificate) {
        String type = certificate.type().strip();
        for (CertificateType counted : CertificateType.values()) {
            if (counted.name().equals(type) || counted.label().equals(type)) {
                return true;
            }
        }
        return false;
    }
}
