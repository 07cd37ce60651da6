package org.anzexian.underwriting;

import java.time.ZoneId;
import java.util.List;
import org.anzexian.platform.export.SheetColumn;
import org.anzexian.platform.export.Workbooks;

/** The underwriting ledger as an .xlsx sheet: one header row, one row per policy, real dates and numbers (N4.5). */
final class LedgerWorkbook {

    static final String CONTENT_TYPE = Workbooks.CONTENT_TYPE;

    private static final List<SheetColumn<LedgerRow>> COLUMNS = List.of(
            SheetColumn.of("保单号", row -> row.policy().policyNumber()),
            SheetColumn.of("项目名称", row -> row.policy().projectName()),
            SheetColumn.of("工程地址", row -> row.policy().siteAddress()),
            SheetColumn.of("合同工期起", row -> row.policy().contractStart()),
            SheetColumn.of("合同工期止", row -> row.policy().contractEnd()),
            SheetColumn.of("合同金额（元）", row -> row.policy().contractAmount()),
            SheetColumn.of("保险期间起", row -> row.policy().policyStart()),
            SheetColumn.of("保险期间止", row -> row.policy().policyEnd()),
            SheetColumn.of("费率（‰）", row -> row.policy().premiumRatePermille()),
            SheetColumn.of("保费（元）", row -> row.policy().premium()),
            SheetColumn.of("每人伤亡责任限额（元）", row -> row.policy().deathDisabilityLimit()),
            SheetColumn.of("累计责任限额（元）", row -> row.policy().totalLimit()),
            SheetColumn.of("保险方案", row -> row.policy().insurancePlan()),
            SheetColumn.of("事故预防服务方案", row -> row.policy().preventionPlan()),
            SheetColumn.of("保险机构", row -> row.policy().insurerName()),
            SheetColumn.of("施工单位", LedgerRow::constructionUnitName),
            SheetColumn.of("县（市、区）", LedgerRow::countyName),
            SheetColumn.of("状态", row -> row.policy().status().label()),
            SheetColumn.of("出单时间", row -> row.policy().issuedAt()),
            SheetColumn.of("报送县区时间", row -> row.policy().reportedToCountyAt()));

    private LedgerWorkbook() {
    }

    /** Times are shown in the business zone, as Excel has none. */
    static byte[] write(List<LedgerRow> rows, ZoneId zone) {
        return Workbooks.write("承保台账", COLUMNS, rows, zone);
    }
}
