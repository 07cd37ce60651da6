package org.anzexian.filing.serviceorg;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Qualification;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.anzexian.platform.engine.FormValues;

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

    static ServiceOrgFilingRequest read(FormValues form) {
        Qualification qualification = null;
        QualificationClass qualificationClass = form.choice(QUALIFICATION_CLASS, QualificationClass.class,
                "资质等级无效 (unknown qualification class)");
        if (qualificationClass != null) {
            qualification = new Qualification(form.text(QUALIFICATION_NUMBER), qualificationClass,
                    form.date(QUALIFICATION_VALID_UNTIL));
        }
        List<TeamMember> team = new ArrayList<>();
        List<String> teamLines = form.lines(TEAM_LINES);
        for (int i = 0; i < teamLines.size(); i++) {
            String[] cells = cells(teamLines.get(i));
            TeamRole role = Arrays.stream(TeamRole.values())
                    .filter(candidate -> cells.length == 2 && candidate.label().equals(cells[1])).findFirst().orElse(null);
            if (role == null) {
                form.problem(TEAM_LINES, "第 " + (i + 1) + " 行应为「姓名,岗位」，岗位为技术负责人、项目负责人或服务人员");
            } else {
                team.add(new TeamMember(cells[0], role));
            }
        }
        List<StaffMember> staff = new ArrayList<>();
        List<String> staffLines = form.lines(STAFF_LINES);
        for (int i = 0; i < staffLines.size(); i++) {
            String[] cells = cells(staffLines.get(i));
            String where = "第 " + (i + 1) + " 行";
            if (cells.length != 3 && cells.length != 6 || !cells[2].matches("\\d{1,2}")) {
                form.problem(STAFF_LINES, where + "应为「姓名,职称,年限」或「姓名,职称,年限,证书类型,证书编号,有效期」");
                continue;
            }
            List<StaffCertificate> certificates = cells.length == 6
                    ? List.of(new StaffCertificate(cells[3], cells[4], date(cells[5], form)))
                    : List.of();
            staff.add(new StaffMember(cells[0], cells[1].isEmpty() ? null : cells[1], Integer.valueOf(cells[2]),
                    certificates));
        }
        form.throwIfInvalid();
        return new ServiceOrgFilingRequest(form.text(CREDIT_CODE), form.text(COMPANY_NAME), form.text(ADDRESS),
                form.text(PRINCIPAL), form.text(PHONE), qualification, List.of(), List.of(),
                form.flag(NO_BAD_RECORD_DECLARED), form.text(QUALITY_SYSTEM), null, team, staff);
    }

    private static String[] cells(String line) {
        return Arrays.stream(line.split("[,，]", -1)).map(String::strip).toArray(String[]::new);
    }

    /** The certificate's expiry, a cell of a roster line. */
    private static LocalDate date(String cell, FormValues form) {
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            form.problem(STAFF_LINES, "日期格式应为 yyyy-MM-dd：" + cell);
            return null;
        }
    }
}
