package org.anzexian.filing.serviceorg;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Qualification;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.anzexian.platform.web.FieldViolations;

/**
 * Reads the Tasklist start form ({@code forms/serviceOrgFilingStart.form}) into a filing. Camunda
 * Forms have no repeatable groups in the 7.24 Tasklist, so team and roster are text, one person a
 * line: {@code 姓名,岗位} and {@code 姓名,职称,年限[,证书类型,证书编号,有效期]}. Engagements and evidence
 * files need uploads and are added through {@code PUT /api/service-org-filings/{id}} in correction.
 */
final class StartFormFiling {

    static final String CREDIT_CODE = "creditCode";
    static final String COMPANY_NAME = "companyName";
    static final String PRINCIPAL = "principal";
    static final String PHONE = "phone";
    static final String ADDRESS = "address";
    static final String QUALIFICATION_NUMBER = "qualificationNumber";
    static final String QUALIFICATION_CLASS = "qualificationClass";
    static final String QUALIFICATION_VALID_UNTIL = "qualificationValidUntil";
    static final String NO_BAD_RECORD_DECLARED = "noBadRecordDeclared";
    static final String QUALITY_SYSTEM = "qualitySystem";
    static final String TEAM_LINES = "teamLines";
    static final String STAFF_LINES = "staffLines";

    private StartFormFiling() {
    }

    static ServiceOrgFilingRequest read(Map<String, Object> form) {
        FieldViolations violations = new FieldViolations();
        Qualification qualification = null;
        String qualificationClass = text(form, QUALIFICATION_CLASS);
        if (qualificationClass != null) {
            qualification = new Qualification(text(form, QUALIFICATION_NUMBER),
                    QualificationClass.valueOf(qualificationClass),
                    date(text(form, QUALIFICATION_VALID_UNTIL), QUALIFICATION_VALID_UNTIL, violations));
        }
        List<TeamMember> team = new ArrayList<>();
        List<String> teamLines = lines(form, TEAM_LINES);
        for (int i = 0; i < teamLines.size(); i++) {
            String[] cells = cells(teamLines.get(i));
            TeamRole role = Arrays.stream(TeamRole.values())
                    .filter(candidate -> cells.length == 2 && candidate.label().equals(cells[1])).findFirst().orElse(null);
            if (role == null) {
                violations.add(TEAM_LINES, "第 " + (i + 1) + " 行应为「姓名,岗位」，岗位为技术负责人、项目负责人或服务人员");
            } else {
                team.add(new TeamMember(cells[0], role));
            }
        }
        List<StaffMember> staff = new ArrayList<>();
        List<String> staffLines = lines(form, STAFF_LINES);
        for (int i = 0; i < staffLines.size(); i++) {
            String[] cells = cells(staffLines.get(i));
            String where = "第 " + (i + 1) + " 行";
            if (cells.length != 3 && cells.length != 6 || !cells[2].matches("\\d{1,2}")) {
                violations.add(STAFF_LINES, where + "应为「姓名,职称,年限」或「姓名,职称,年限,证书类型,证书编号,有效期」");
                continue;
            }
            List<StaffCertificate> certificates = cells.length == 6
                    ? List.of(new StaffCertificate(cells[3], cells[4], date(cells[5], STAFF_LINES, violations)))
                    : List.of();
            staff.add(new StaffMember(cells[0], cells[1].isEmpty() ? null : cells[1], Integer.valueOf(cells[2]),
                    certificates));
        }
        violations.throwIfAny();
        return new ServiceOrgFilingRequest(text(form, CREDIT_CODE), text(form, COMPANY_NAME), text(form, ADDRESS),
                text(form, PRINCIPAL), text(form, PHONE), qualification, List.of(), List.of(),
                Boolean.TRUE.equals(form.get(NO_BAD_RECORD_DECLARED)), text(form, QUALITY_SYSTEM), null, team, staff);
    }

    private static String text(Map<String, Object> form, String name) {
        Object value = form.get(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static List<String> lines(Map<String, Object> form, String name) {
        String text = text(form, name);
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String[] cells(String line) {
        return Arrays.stream(line.split("[,，]", -1)).map(String::strip).toArray(String[]::new);
    }

    private static LocalDate date(String value, String field, FieldViolations violations) {
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            violations.add(field, "日期格式应为 yyyy-MM-dd：" + value);
            return null;
        }
    }
}
