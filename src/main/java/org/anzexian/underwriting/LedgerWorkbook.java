package org.anzexian.underwriting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The underwriting ledger as an .xlsx sheet: one header row, one row per policy, real dates and numbers (N4.5). */
final class LedgerWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private enum Kind { TEXT, NUMBER, DATE, DATE_TIME }

    private record Column(String header, Kind kind, Function<LedgerRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("保单号", Kind.TEXT, row -> row.policy().policyNumber()),
            new Column("项目名称", Kind.TEXT, row -> row.policy().projectName()),
            new Column("工程地址", Kind.TEXT, row -> row.policy().siteAddress()),
            new Column("合同工期起", Kind.DATE, row -> row.policy().contractStart()),
            new Column("合同工期止", Kind.DATE, row -> row.policy().contractEnd()),
            new Column("合同金额（元）", Kind.NUMBER, row -> row.policy().contractAmount()),
            new Column("保险期间起", Kind.DATE, row -> row.policy().policyStart()),
            new Column("保险期间止", Kind.DATE, row -> row.policy().policyEnd()),
            new Column("费率（‰）", Kind.NUMBER, row -> row.policy().premiumRatePermille()),
            new Column("保费（元）", Kind.NUMBER, row -> row.policy().premium()),
            new Column("每人伤亡责任限额（元）", Kind.NUMBER, row -> row.policy().deathDisabilityLimit()),
            new Column("累计责任限额（元）", Kind.NUMBER, row -> row.policy().totalLimit()),
            new Column("保险方案", Kind.TEXT, row -> row.policy().insurancePlan()),
            new Column("事故预防服务方案", Kind.TEXT, row -> row.policy().preventionPlan()),
            new Column("保险机构", Kind.TEXT, row -> row.policy().insurerName()),
            new Column("施工单位", Kind.TEXT, LedgerRow::constructionUnitName),
            new Column("县（市、区）", Kind.TEXT, LedgerRow::countyName),
            new Column("状态", Kind.TEXT, row -> row.policy().status().label()),
            new Column("出单时间", Kind.DATE_TIME, row -> row.policy().issuedAt()),
            new Column("报送县区时间", Kind.DATE_TIME, row -> row.policy().reportedToCountyAt()));

    private LedgerWorkbook() {
    }

    /** Times are shown in the business zone, as Excel has none. */
    static byte[] write(List<LedgerRow> rows, ZoneId zone) {
        // streaming keeps a large export's memory flat
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("承保台账");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00##"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c).header());
                sheet.setColumnWidth(c, 18 * 256);
            }
            sheet.createFreezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                Row line = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Column column = COLUMNS.get(c);
                    Object value = column.value().apply(rows.get(r));
                    if (value == null) {
                        continue;
                    }
                    Cell cell = line.createCell(c);
                    switch (column.kind()) {
                        case TEXT -> cell.setCellValue((String) value);
                        case NUMBER -> {
                            cell.setCellValue(((BigDecimal) value).doubleValue());
                            cell.setCellStyle(number);
                        }
                        case DATE -> {
                            cell.setCellValue((LocalDate) value);
                            cell.setCellStyle(date);
                        }
                        case DATE_TIME -> {
                            LocalDateTime local = ((OffsetDateTime) value).atZoneSameInstant(zone).toLocalDateTime();
                            cell.setCellValue(local);
                            cell.setCellStyle(dateTime);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
