package org.anzexian.filing.serviceorg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Qualification;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.anzexian.platform.engine.FormValues;

/**
 * The fields of the Tasklist form {@code forms/serviceOrgFiling.html} (the start's and the correction's,
 * #12), and their reading into a filing. The repeatable
 * rows (engagements, team, staff roster) come as one JSON array each, built by the form from its rows;
 * the documents are uploads. The organization is the filer's own (its registered name and credit code),
 * never a field. A refusal names each field as the form labels it: "人员名册第 3 行 从业年限", not a path.
 */
final class ServiceOrgFilingForm {

    static final String PRINCIPAL = "principal";
    static final String PHONE = "phone";
    static final String ADDRESS = "address";
    static final String QUALIFICATION_CLASS = "qualificationClass";
    static final String QUALIFICATION_NUMBER = "qualificationNumber";
    static final String QUALIFICATION_VALID_UNTIL = "qualificationValidUntil";
    static final String NO_BAD_RECORD_DECLARED = "noBadRecordDeclared";
    static final String QUALITY_SYSTEM = "qualitySystem";
    static final String ENGAGEMENT_ROWS = "engagementRows";
    static final String TEAM_ROWS = "teamRows";
    static final String STAFF_ROWS = "staffRows";
    static final String QUALITY_SYSTEM_FILE = "qualitySystemFile";
    static final String EVIDENCE_FILE_1 = "evidenceFile1";
    static final String EVIDENCE_FILE_2 = "evidenceFile2";
    static final String EVIDENCE_FILE_3 = "evidenceFile3";

    /** The fields a person types or picks; they leave the process once the filing holds them. */
    static final List<String> ENTERED = List.of(PRINCIPAL, PHONE, ADDRESS, QUALIFICATION_CLASS, QUALIFICATION_NUMBER,
            QUALIFICATION_VALID_UNTIL, NO_BAD_RECORD_DECLARED, QUALITY_SYSTEM, ENGAGEMENT_ROWS, TEAM_ROWS, STAFF_ROWS);

    /** The uploads: the quality-system document (N7.1) and proofs of the engagements (N7.2). */
    static final List<String> FILES = List.of(QUALITY_SYSTEM_FILE, EVIDENCE_FILE_1, EVIDENCE_FILE_2, EVIDENCE_FILE_3);
    static final List<String> EVIDENCE_FILES = List.of(EVIDENCE_FILE_1, EVIDENCE_FILE_2, EVIDENCE_FILE_3);

    static final int MAX_ENGAGEMENTS = 5;
    static final int MAX_TEAM = 10;
    static final int MAX_STAFF = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("(engagements|team|staff)\\[(\\d+)](?:\\.certificates\\[\\d+])?(?:\\.(\\w+))?");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("creditCode", "统一社会信用代码"),
            Map.entry("companyName", "单位名称"),
            Map.entry(PRINCIPAL, "负责人"),
            Map.entry(PHONE, "联系电话"),
            Map.entry(ADDRESS, "地址"),
            Map.entry(QUALIFICATION_CLASS, "监理资质等级"),
            Map.entry("qualification.qualificationClass", "监理资质等级"),
            Map.entry(QUALIFICATION_NUMBER, "资质证书编号"),
            Map.entry("qualification.certificateNumber", "资质证书编号"),
            Map.entry(QUALIFICATION_VALID_UNTIL, "资质有效期至"),
            Map.entry("qualification.validUntil", "资质有效期至"),
            Map.entry(NO_BAD_RECORD_DECLARED, "无不良记录承诺"),
            Map.entry(QUALITY_SYSTEM, "质量控制体系说明"),
            Map.entry(QUALITY_SYSTEM_FILE, "质量控制体系文件"),
            Map.entry(ENGAGEMENT_ROWS, "受托服务经历"),
            Map.entry(TEAM_ROWS, "固定服务团队"),
            Map.entry(STAFF_ROWS, "人员名册"),
            Map.entry(EVIDENCE_FILE_1, "服务经历证明 1"),
            Map.entry(EVIDENCE_FILE_2, "服务经历证明 2"),
            Map.entry(EVIDENCE_FILE_3, "服务经历证明 3"));

    private static final Map<String, String> ROW_LABELS = Map.of("engagements", "受托服务经历", "team", "固定服务团队",
            "staff", "人员名册");
    private static final Map<String, String> CELL_LABELS = Map.ofEntries(
            Map.entry("client", "委托方"), Map.entry("clientType", "委托方类型"), Map.entry("from", "开始日期"),
            Map.entry("to", "结束日期"), Map.entry("name", "姓名"), Map.entry("role", "岗位"), Map.entry("title", "职称"),
            Map.entry("safetyYears", "从业年限"), Map.entry("type", "证书类型"), Map.entry("number", "证书编号"),
            Map.entry("validUntil", "证书有效期至"));

    private ServiceOrgFilingForm() {
    }

    /** The label of a form variable or a property path of {@link ServiceOrgFilingRequest}; the name itself if unknown. */
    static String label(String field) {
        if (field == null) {
            return "备案";
        }
        if (field.startsWith("evidenceFiles")) {
            return "服务经历证明文件";
        }
        Matcher row = ROW.matcher(field);
        if (row.matches()) {
            String where = ROW_LABELS.get(row.group(1)) + "第 " + (Integer.parseInt(row.group(2)) + 1) + " 行";
            return row.group(3) == null ? where : where + " " + CELL_LABELS.getOrDefault(row.group(3), row.group(3));
        }
        return LABELS.getOrDefault(field, field);
    }

    /**
     * The filing the form describes, for the filer's organization. For a correction, {@code current}
     * supplies the documents not uploaded again: the quality-system file stays unless replaced, new
     * proofs are added to those filed. What cannot be read is a problem of {@code form}.
     */
    static ServiceOrgFilingRequest read(FormValues form, String creditCode, String companyName,
            Map<String, String> uploaded, ServiceOrgFilingRequest current) {
        Qualification qualification = null;
        QualificationClass qualificationClass = form.choice(QUALIFICATION_CLASS, QualificationClass.class,
                "资质等级无效 (unknown qualification class)");
        if (qualificationClass != null) {
            qualification = new Qualification(form.text(QUALIFICATION_NUMBER), qualificationClass,
                    form.date(QUALIFICATION_VALID_UNTIL));
        }
        List<Engagement> engagements = rows(form, ENGAGEMENT_ROWS, "engagements", MAX_ENGAGEMENTS,
                cells -> new Engagement(cells.text("client"), cells.choice("clientType", "clientType", ClientType.class),
                        cells.date("from", "from"), cells.date("to", "to")));
        List<TeamMember> team = rows(form, TEAM_ROWS, "team", MAX_TEAM,
                cells -> new TeamMember(cells.text("name"), cells.choice("role", "role", TeamRole.class)));
        List<StaffMember> staff = rows(form, STAFF_ROWS, "staff", MAX_STAFF, cells -> {
            String type = cells.text("certificateType");
            String number = cells.text("certificateNumber");
            LocalDate validUntil = cells.date("certificateValidUntil", "certificates[0].validUntil");
            List<StaffCertificate> certificates = new ArrayList<>();
            if (type != null || number != null || validUntil != null) {
                certificates.add(new StaffCertificate(type, number, validUntil));
            }
            String name = cells.text("name");
            certificates.addAll(furtherCertificates(current, name));
            return new StaffMember(name, cells.text("title"), cells.integer("safetyYears", "safetyYears"), certificates);
        });
        List<String> evidence = new ArrayList<>(current == null ? List.of() : current.evidenceFiles());
        EVIDENCE_FILES.stream().map(uploaded::get).filter(hash -> hash != null && !evidence.contains(hash))
                .forEach(evidence::add);
        return new ServiceOrgFilingRequest(creditCode, companyName, form.text(ADDRESS), form.text(PRINCIPAL),
                form.text(PHONE), qualification, engagements, evidence, form.flag(NO_BAD_RECORD_DECLARED),
                form.text(QUALITY_SYSTEM), uploaded.getOrDefault(QUALITY_SYSTEM_FILE,
                        current == null ? null : current.qualitySystemFile()), team, staff);
    }

    /**
     * The certificates of a filed person beyond the first, which the form does not show (filed through
     * {@code /api}): they stay with the person of that name.
     */
    private static List<StaffCertificate> furtherCertificates(ServiceOrgFilingRequest current, String name) {
        if (current == null || name == null) {
            return List.of();
        }
        return current.staff().stream().filter(person -> name.equals(person.name())).findFirst()
                .map(person -> person.certificates().size() > 1
                        ? person.certificates().subList(1, person.certificates().size()) : List.<StaffCertificate>of())
                .orElse(List.of());
    }

    /**
     * The non-blank rows of a JSON array field, each read by {@code reader}; at most {@code max}. A cell
     * that cannot be read is a problem named by its path in the filing ({@code staff[2].safetyYears}), as
     * the rules name it.
     */
    private static <T> List<T> rows(FormValues form, String field, String path, int max, Function<Cells, T> reader) {
        String text = form.text(field);
        if (text == null) {
            return List.of();
        }
        JsonNode array;
        try {
            array = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            array = null;
        }
        if (array == null || !array.isArray()) {
            form.problem(field, "内容无法读取，请刷新页面后重新填写 (not a list of rows)");
            return List.of();
        }
        List<T> rows = new ArrayList<>();
        for (JsonNode row : array) {
            Cells cells = new Cells(form, path + "[" + rows.size() + "].", row);
            if (!cells.blank()) {
                rows.add(reader.apply(cells));
            }
        }
        if (rows.size() > max) {
            form.problem(field, "最多 " + max + " 行 (at most " + max + " rows)");
        }
        return rows;
    }

    /** One row of a repeatable group; a cell that cannot be read is a problem of that cell. */
    private record Cells(FormValues form, String path, JsonNode row) {

        boolean blank() {
            if (!row.isObject()) {
                return true;
            }
            for (JsonNode cell : row) {
                if (!cell.isNull() && !cell.asText("").isBlank()) {
                    return false;
                }
            }
            return true;
        }

        String text(String cell) {
            JsonNode value = row.get(cell);
            if (value == null || value.isNull()) {
                return null;
            }
            String text = value.asText("").strip();
            return text.isEmpty() ? null : text;
        }

        Integer integer(String cell, String property) {
            String text = text(cell);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                form.problem(path + property, "须为整数 (a whole number)");
                return null;
            }
        }

        LocalDate date(String cell, String property) {
            String text = text(cell);
            if (text == null) {
                return null;
            }
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                form.problem(path + property, "须为日期 yyyy-MM-dd (a date)");
                return null;
            }
        }

        <E extends Enum<E>> E choice(String cell, String property, Class<E> type) {
            String text = text(cell);
            if (text == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                form.problem(path + property, "无效，请从列表中选择 (unknown choice)");
                return null;
            }
        }
    }
}
