package org.anzexian.service.visit;

import java.util.List;
import org.anzexian.platform.export.SheetColumn;

/** The columns of the visits' Excel export ({@code /api/visits.xlsx}). */
final class VisitSheet {

    static final List<SheetColumn<VisitService.VisitRow>> COLUMNS = List.of(
            SheetColumn.of("编号", row -> row.visit().id()),
            SheetColumn.of("县（市、区）", VisitService.VisitRow::countyName),
            SheetColumn.of("项目编号", VisitService.VisitRow::projectCode),
            SheetColumn.of("项目名称", VisitService.VisitRow::projectName),
            SheetColumn.of("服务机构", VisitService.VisitRow::serviceOrgName),
            SheetColumn.of("类型", row -> row.visit().kind() == VisitKind.REGULAR
                    ? "定期服务第 " + row.visit().seq() + " 次" : "加派服务"),
            SheetColumn.of("应完成时间", row -> row.visit().dueAt()),
            SheetColumn.of("到场时间", row -> row.visit().arrivedAt()),
            SheetColumn.of("服务状态", row -> row.state().label()),
            SheetColumn.of("办理进度", row -> row.visit().statusLabel()),
            SheetColumn.of("报告上传时间", row -> row.visit().reportUploadedAt()),
            SheetColumn.of("报告逾期", row -> row.visit().reportLate()),
            SheetColumn.of("发现隐患数", row -> row.visit().hazards().size()),
            SheetColumn.of("拒绝理由", row -> row.visit().refusalReason()));

    private VisitSheet() {
    }
}
