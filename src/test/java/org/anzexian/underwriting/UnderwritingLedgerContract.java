package org.anzexian.underwriting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.filing.insurer.FiledInsurers.Insurer;
import org.anzexian.platform.access.Actor;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The underwriting ledger (N4.5), its Excel export and the permitted projects without a policy (N1.3). */
abstract class UnderwritingLedgerContract extends UnderwritingFixtures {

    /** Demo users of the county authorities of 忻府区 (140902, the fixture projects' county) and 原平市. */
    static final String XINFU = "xinfu";
    static final String YUANPING = "yuanping";

    @Test
    void theLedgerShowsAPolicyToItsInsurerBuyerAndCountyOnlyAndFiltersByPeriodAndStatus_N4_5() {
        Policy policy = issuedPolicy(builder, project);
        String ofInsurer = "/api/underwriting-ledger?insurer=" + insurer.organization().id();

        JsonNode page = get(insurer.clerk().userId(), ofInsurer);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode row = page.get("items").get(0);
        assertThat(row.at("/policy/policyNumber").asText()).isEqualTo(policy.policyNumber());
        assertThat(row.at("/policy/projectName").asText()).isEqualTo(project.name());
        assertThat(row.at("/policy/premium").decimalValue()).isEqualByComparingTo("18000.00");
        assertThat(row.at("/policy/deathDisabilityLimit").decimalValue()).isEqualByComparingTo("1000000");
        assertThat(row.get("constructionUnitName").asText()).isEqualTo(builder.organization().name());
        assertThat(row.get("countyName").asText()).isEqualTo("忻府区");
        assertThat(policyNumbers(get(builder.user().userId(), ofInsurer))).containsExactly(policy.policyNumber());
        assertThat(policyNumbers(get(XINFU, ofInsurer + "&county=140902"))).containsExactly(policy.policyNumber());

        Insurer other = insurers.filed();
        assertThat(get(other.clerk().userId(), ofInsurer).get("total").asLong()).isZero();
        assertThat(policyNumbers(get(other.clerk().userId(), "/api/underwriting-ledger?size=200")))
                .doesNotContain(policy.policyNumber());
        assertThat(get(YUANPING, ofInsurer).get("total").asLong()).isZero();
        assertThat(get(builder().user().userId(), ofInsurer).get("total").asLong()).isZero();

        LocalDate issued = policy.issuedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        assertThat(policyNumbers(get("city", ofInsurer + "&issuedFrom=" + issued + "&issuedTo=" + issued + "&status=ISSUED")))
                .containsExactly(policy.policyNumber());
        assertThat(get("city", ofInsurer + "&issuedTo=" + issued.minusDays(1)).get("total").asLong()).isZero();
        assertThat(get("city", ofInsurer + "&issuedFrom=" + issued.plusDays(1)).get("total").asLong()).isZero();
        assertThat(get("city", ofInsurer + "&status=CANCELLED").get("total").asLong()).isZero();
        assertThat(get("city", ofInsurer + "&county=140981").get("total").asLong()).isZero();
        assertThat(http.withBasicAuth("city", "city").getForEntity(ofInsurer + "&issuedFrom=" + issued
                + "&issuedTo=" + issued.minusDays(1), String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theExcelExportHasTheN4_5ColumnsWithRealNumbersAndDates() throws Exception {
        Policy policy = issuedPolicy(builder, project);
        ResponseEntity<byte[]> answer = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .getForEntity("/api/underwriting-ledger.xlsx?insurer=" + insurer.organization().id(), byte[].class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).hasToString(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"underwriting-ledger.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("保单号", "项目名称", "工程地址", "合同工期起", "合同工期止", "合同金额（元）",
                    "保险期间起", "保险期间止", "费率（‰）", "保费（元）", "每人伤亡责任限额（元）", "累计责任限额（元）", "保险方案",
                    "事故预防服务方案", "保险机构", "施工单位", "县（市、区）", "状态", "出单时间", "报送县区时间");

            Row row = sheet.getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(policy.policyNumber());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(project.name());
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(project.siteAddress());
            assertDate(row.getCell(3), project.constructionContract().start());
            assertDate(row.getCell(4), project.constructionContract().end());
            assertNumber(row.getCell(5), 12_000_000);
            assertDate(row.getCell(6), policy.policyStart());
            assertDate(row.getCell(7), policy.policyEnd());
            assertNumber(row.getCell(8), 1.5);
            assertNumber(row.getCell(9), 18_000);
            assertNumber(row.getCell(10), 1_000_000);
            assertNumber(row.getCell(11), 10_000_000);
            assertThat(row.getCell(12).getStringCellValue()).isEqualTo("主险：建筑施工安全生产责任保险");
            assertThat(row.getCell(13).getStringCellValue()).isEqualTo("每月一次现场隐患排查");
            assertThat(row.getCell(14).getStringCellValue()).isEqualTo(insurer.organization().name());
            assertThat(row.getCell(15).getStringCellValue()).isEqualTo(builder.organization().name());
            assertThat(row.getCell(16).getStringCellValue()).isEqualTo("忻府区");
            assertThat(row.getCell(17).getStringCellValue()).isEqualTo("有效");
            ZoneId zone = clock.getZone();
            assertThat(DateUtil.isCellDateFormatted(row.getCell(18))).isTrue();
            assertThat(row.getCell(18).getLocalDateTimeCellValue().withSecond(0).withNano(0))
                    .isEqualTo(policy.issuedAt().atZoneSameInstant(zone).toLocalDateTime().withSecond(0).withNano(0));
            assertThat(DateUtil.isCellDateFormatted(row.getCell(19))).isTrue();
            assertThat(row.getCell(19).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(policy.reportedToCountyAt().atZoneSameInstant(zone).toLocalDate());
        }

        Insurer other = insurers.filed();
        ResponseEntity<byte[]> foreign = http.withBasicAuth(other.clerk().userId(), other.clerk().userId())
                .getForEntity("/api/underwriting-ledger.xlsx?insurer=" + insurer.organization().id(), byte[].class);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(foreign.getBody()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).as("header row only").isZero();
        }
    }

    @Test
    void aPermittedProjectIsListedAsUninsuredUntilItsPolicyIsIssued_N1_3() {
        Project permitted = project(builder, PermitStatus.ISSUED, List.of());

        assertThat(uninsuredCodes(XINFU)).contains(permitted.code()).doesNotContain(project.code());
        assertThat(uninsuredCodes("city")).contains(permitted.code());
        assertThat(uninsuredCodes(YUANPING)).doesNotContain(permitted.code());
        assertThat(http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .getForEntity("/api/projects-without-policy", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Actor buyer = builder.user();
        assertThat(http.withBasicAuth(buyer.userId(), buyer.userId())
                .getForEntity("/api/projects-without-policy", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        issuedPolicy(builder, permitted);

        assertThat(uninsuredCodes(XINFU)).doesNotContain(permitted.code());
    }

    private JsonNode get(String user, String url) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, user).getForEntity(url, JsonNode.class);
        assertThat(answer.getStatusCode()).as(user + " " + url).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> policyNumbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("items").forEach(row -> numbers.add(row.at("/policy/policyNumber").asText()));
        return numbers;
    }

    private List<String> uninsuredCodes(String user) {
        List<String> codes = new ArrayList<>();
        JsonNode page;
        int number = 0;
        do {
            page = get(user, "/api/projects-without-policy?size=200&page=" + number++);
            page.get("items").forEach(project -> codes.add(project.get("projectCode").asText()));
        } while (codes.size() < page.get("total").asLong());
        return codes;
    }

    private static void assertNumber(Cell cell, double expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(expected);
    }

    private static void assertDate(Cell cell, LocalDate expected) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(cell)).as("formatted as a date").isTrue();
        assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
    }
}
