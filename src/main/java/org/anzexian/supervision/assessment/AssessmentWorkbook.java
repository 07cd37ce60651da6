package org.anzexian.supervision.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Assessments as an .xlsx sheet (N9.2), like the underwriting ledger: one row per organization and period,
 * real numbers for score, rank and each measure and rate, and a second sheet with the cases behind each figure.
 */
final class AssessmentWorkbook {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final List<String> HEADERS = List.of("考核期起", "考核期止", "类别", "机构", "得分", "等级", "排名",
            "参评家数", "处理措施");

    private AssessmentWorkbook() {
    }

    static byte[] write(List<Assessment> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
            Sheet sheet = workbook.createSheet("考核排名");
            List<String> headers = new ArrayList<>(HEADERS);
            for (Measure measure : Measure.values()) {
                headers.add(measure.label());
            }
            for (Rate rate : Rate.values()) {
                headers.add(rate.label() + "（%）");
            }
            header(sheet, headers);
            Sheet cases = workbook.createSheet("指标对应案件");
            header(cases, List.of("考核期起", "考核期止", "机构", "指标", "案件", "说明"));
            int caseRow = 1;
            for (int r = 0; r < rows.size(); r++) {
                Assessment a = rows.get(r);
                Row line = sheet.createRow(r + 1);
                List<Object> values = new ArrayList<>(List.of(a.periodStart().toString(), a.lastDay().toString(),
                        a.kind().label(), a.organizationName(), a.score().doubleValue(), a.grade(), a.rank(), a.rankedOf(),
                        a.bureauMeasure() == null ? "" : a.bureauMeasure().label()));
                for (Measure measure : Measure.values()) {
                    values.add(a.measures().stream().filter(f -> f.measure() == measure).findFirst()
                            .map(f -> (Object) f.figure()).orElse(""));
                }
                for (Rate rate : Rate.values()) {
                    values.add(a.rates().stream().filter(f -> f.rate() == rate).findFirst()
                            .map(f -> (Object) f.percent().doubleValue()).orElse(""));
                }
                for (int c = 0; c < values.size(); c++) {
                    if (values.get(c) instanceof Number n) {
                        line.createCell(c).setCellValue(n.doubleValue());
                        line.getCell(c).setCellStyle(number);
                    } else {
                        line.createCell(c).setCellValue(values.get(c).toString());
                    }
                }
                for (Assessment.Figure figure : a.measures()) {
                    for (Assessment.Case c : figure.details()) {
                        Row caseLine = cases.createRow(caseRow++);
                        List<String> cells = List.of(a.periodStart().toString(), a.lastDay().toString(),
                                a.organizationName(), figure.label(), c.ref(), c.note() == null ? "" : c.note());
                        for (int i = 0; i < cells.size(); i++) {
                            caseLine.createCell(i).setCellValue(cells.get(i));
                        }
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, List<String> headers) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            row.createCell(c).setCellValue(headers.get(c));
            sheet.setColumnWidth(c, 16 * 256);
        }
        sheet.createFreezePane(0, 1);
    }
}
