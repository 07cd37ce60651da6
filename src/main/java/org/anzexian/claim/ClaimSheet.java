package org.anzexian.claim;

import java.util.List;
import org.anzexian.platform.export.SheetColumn;

/** The columns of the claims' Excel export ({@code /api/claims.xlsx}). */
final class ClaimSheet {

    static final List<SheetColumn<ClaimService.ClaimRow>> COLUMNS = List.of(
            SheetColumn.of("编号", row -> row.claim().id()),
            SheetColumn.of("保单号", row -> row.claim().policyNumber()),
            SheetColumn.of("县（市、区）", ClaimService.ClaimRow::countyName),
            SheetColumn.of("项目编号", ClaimService.ClaimRow::projectCode),
            SheetColumn.of("项目名称", ClaimService.ClaimRow::projectName),
            SheetColumn.of("保险机构", ClaimService.ClaimRow::insurerName),
            SheetColumn.of("施工单位", ClaimService.ClaimRow::constructionUnitName),
            SheetColumn.of("事故时间", row -> row.claim().accidentAt()),
            SheetColumn.of("报案时间", row -> row.claim().reportedAt()),
            SheetColumn.of("事故类型", row -> row.claim().accidentType().label()),
            SheetColumn.of("死亡人数", row -> row.claim().deaths()),
            SheetColumn.of("受伤人数", row -> row.claim().injuries()),
            SheetColumn.of("状态", row -> row.claim().statusLabel()),
            SheetColumn.of("受理时间", row -> row.claim().acknowledgedAt()),
            SheetColumn.of("核定时间", row -> row.claim().decidedAt()),
            SheetColumn.of("核定金额（元）", row -> row.claim().agreedAmount()),
            SheetColumn.of("已付赔款（元）", row -> row.claim().paidAmount()),
            SheetColumn.of("支付日期", row -> row.claim().paidOn()),
            SheetColumn.of("超时情形", ClaimService.ClaimRow::breaches));

    private ClaimSheet() {
    }
}
