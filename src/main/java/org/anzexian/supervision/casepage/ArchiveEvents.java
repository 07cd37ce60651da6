package org.anzexian.supervision.casepage;

import java.util.Map;

/** The service archive's event codes (N6.4) as people read them on a case page's timeline. */
final class ArchiveEvents {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("HAZARD_RAISED", "发现隐患"),
            Map.entry("MAJOR_HAZARD_REPORTED", "报告重大隐患"),
            Map.entry("RECTIFICATION_OPENED", "下达整改"),
            Map.entry("RECTIFICATION_REOPENED", "退回重新整改"),
            Map.entry("RECTIFICATION_REJECTED", "复核不通过"),
            Map.entry("REMINDER_SENT", "提醒整改"),
            Map.entry("ESCALATED_TO_COUNTY", "逾期报县级住建部门"),
            Map.entry("ESCALATED_TO_CITY", "升级报市住建局"),
            Map.entry("COUNTY_SUPERVISION", "县级督办"),
            Map.entry("CITY_SUPERVISION", "市级督办"),
            Map.entry("EVIDENCE_SUBMITTED", "提交整改材料"),
            Map.entry("VERIFICATION_OVERDUE", "复核逾期"),
            Map.entry("HAZARD_CLOSED", "隐患销号"),
            Map.entry("CLAIM_REPORTED", "报案"),
            Map.entry("AUTHORITIES_NOTIFIED", "通报主管部门"),
            Map.entry("CLAIM_ACKNOWLEDGED", "受理报案"),
            Map.entry("CLAIM_SURVEYED", "查勘定损"),
            Map.entry("CLAIM_DOCUMENTS_PROVIDED", "提交索赔材料"),
            Map.entry("CLAIM_DOCUMENTS_COMPLETE", "索赔材料齐全"),
            Map.entry("CLAIM_DOCUMENTS_REQUESTED", "要求补充材料"),
            Map.entry("CLAIM_DECIDED", "核定赔付"),
            Map.entry("CLAIM_PAID", "支付赔款"),
            Map.entry("CLAIM_RECOMMENDATIONS", "提出整改建议"),
            Map.entry("CLAIM_RECOMMENDATION_TO_HAZARD", "整改建议转为隐患"),
            Map.entry("VISIT_SCHEDULED", "安排巡查服务"),
            Map.entry("VISIT_REQUESTED", "申请加派服务"),
            Map.entry("VISIT_REFUSED", "现场拒绝服务"),
            Map.entry("VISIT_RECORDED", "记录现场服务"),
            Map.entry("VISIT_REPORTED", "上传服务报告"),
            Map.entry("VISIT_REPORT_SENT", "服务报告已送达"),
            Map.entry("VISIT_MISSED", "未按期服务"),
            Map.entry("VISIT_REPORT_LATE", "服务报告逾期"),
            Map.entry("VISIT_SCHEDULE_ENDED", "服务计划结束"));

    private ArchiveEvents() {
    }

    static String label(String event) {
        String label = LABELS.get(event);
        if (label != null) {
            return label;
        }
        if (event.endsWith("_REMINDER")) {
            return "提醒";
        }
        if (event.endsWith("_OVERDUE")) {
            return "逾期";
        }
        return event;
    }
}
