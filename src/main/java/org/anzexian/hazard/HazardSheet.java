package org.anzexian.hazard;

import java.util.List;
import org.anzexian.platform.export.SheetColumn;

/** The columns of the hazards' Excel export ({@code /api/hazards.xlsx}). */
final class HazardSheet {

    static final List<SheetColumn<HazardService.HazardRow>> COLUMNS = List.of(
            SheetColumn.of("编号", row -> row.hazard().id()),
            SheetColumn.of("县（市、区）", HazardService.HazardRow::countyName),
            SheetColumn.of("项目编号", HazardService.HazardRow::projectCode),
            SheetColumn.of("项目名称", HazardService.HazardRow::projectName),
            SheetColumn.of("等级", row -> row.hazard().severityLabel()),
            SheetColumn.of("类别", row -> row.hazard().categoryLabel()),
            SheetColumn.of("部位", row -> row.hazard().location()),
            SheetColumn.of("隐患描述", row -> row.hazard().description()),
            SheetColumn.of("状态", row -> row.hazard().statusLabel()),
            SheetColumn.of("发现时间", row -> row.hazard().raisedAt()),
            SheetColumn.of("整改期限", row -> row.hazard().deadlineAt()),
            SheetColumn.of("是否逾期", row -> row.hazard().overdue()),
            SheetColumn.of("整改轮次", row -> row.hazard().round()),
            SheetColumn.of("施工单位", HazardService.HazardRow::constructionUnitName),
            SheetColumn.of("复核机构", HazardService.HazardRow::verifierName),
            SheetColumn.of("销号时间", row -> row.hazard().closedAt()));

    private HazardSheet() {
    }
}
