package org.anzexian.supervision.assessment;

/**
 * What the assessment counts per organization over a period (N9.2), each from our own tables and each
 * with the cases behind it. {@code variable} is the input name of DMN {@code assessmentScore}, where the
 * weights live. The organizations ranked are those with at least one case in the period, so the counts of
 * what fell due ({@code TEAM_REGISTRATIONS_DUE}, {@code CLAIMS_REPORTED}, {@code VISITS_DUE}) are measures too.
 * A query yields (organization, case id) for cases whose relevant date falls in [:from, :to), and optionally
 * the id of the portal case page it leads to ({@code page_id} of {@code pageKind}, else the case id; none when
 * {@code page_id} is null, e.g. a registration of a policy from before this system) and a
 * note (why a quotation was declined).
 */
public enum Measure {

    TEAM_REGISTRATIONS_DUE(Kind.INSURER, "teamRegistrationsDue", "到期的服务团队登记（N6.3）", "serviceTeamRegistration", "policy", """
            SELECT r.insurer_org_id AS org, r.id AS case_id, (SELECT p.id FROM policy p WHERE p.id = r.policy_id) AS page_id
            FROM service_team_registration r
            WHERE r.deadline_at >= :from AND r.deadline_at < :to"""),
    TEAM_REGISTERED_LATE(Kind.INSURER, "teamRegisteredLate", "服务团队逾期登记（N6.3）", "serviceTeamRegistration", "policy", """
            SELECT r.insurer_org_id AS org, r.id AS case_id, (SELECT p.id FROM policy p WHERE p.id = r.policy_id) AS page_id
            FROM service_team_registration r
            WHERE r.late AND r.deadline_at >= :from AND r.deadline_at < :to"""),
    CLAIMS_REPORTED(Kind.INSURER, "claimsReported", "报案（N6.5）", "claim", "claim", """
            SELECT insurer_org_id AS org, id AS case_id FROM claim WHERE reported_at >= :from AND reported_at < :to"""),
    CLAIM_ACKNOWLEDGED_LATE(Kind.INSURER, "claimAcknowledgedLate", "报案受理超时（N6.5）", "claim", "claim", """
            SELECT insurer_org_id AS org, id AS case_id FROM claim
            WHERE acknowledgement_due_at >= :from AND acknowledgement_due_at < :to
              AND (acknowledged_at IS NULL OR acknowledged_at > acknowledgement_due_at)"""),
    CLAIM_DECIDED_LATE(Kind.INSURER, "claimDecidedLate", "理赔核定超时（N6.6）", "claim", "claim", """
            SELECT insurer_org_id AS org, id AS case_id FROM claim
            WHERE decision_due_at >= :from AND decision_due_at < :to
              AND (decided_at IS NULL OR decided_at > decision_due_at)"""),
    CLAIM_PAID_LATE(Kind.INSURER, "claimPaidLate", "赔款支付超时（N6.7）", "claim", "claim", """
            SELECT insurer_org_id AS org, id AS case_id FROM claim
            WHERE payment_due_at >= :from AND payment_due_at < :to
              AND (payment_recorded_at IS NULL OR payment_recorded_at > payment_due_at)"""),
    QUOTATION_DECLINED(Kind.INSURER, "quotationDeclined", "拒绝报价或拒绝承保及理由（N4.4）", "quotation", "project", """
            SELECT insurer_org_id AS org, id AS case_id, project_id AS page_id,
                   COALESCE(decline_reason, review_reason) AS note FROM quotation
            WHERE status IN ('DECLINED', 'UNDERWRITING_DECLINED') AND reviewed_at >= :from AND reviewed_at < :to"""),
    HAZARD_CLOSED_ON_TIME(Kind.INSURER, "hazardClosedOnTime", "所承保项目隐患按期销号（N8.9）", "hazard", "hazard", """
            SELECT insurer_org_id AS org, id AS case_id FROM hazard
            WHERE status = 'CLOSED' AND closed_at <= deadline_at AND closed_at >= :from AND closed_at < :to"""),
    HAZARD_ESCALATED(Kind.INSURER, "hazardEscalated", "所承保项目隐患逾期升级督办（N8.9）", "hazard", "hazard", """
            SELECT DISTINCT h.insurer_org_id AS org, h.id AS case_id FROM hazard h JOIN hazard_round r ON r.hazard_id = h.id
            WHERE r.county_escalated_at >= :from AND r.county_escalated_at < :to"""),
    VISITS_DUE(Kind.SERVICE_ORG, "visitsDue", "到期的现场服务（N8.2）", "visit", "visit", """
            SELECT service_org_id AS org, id AS case_id FROM visit WHERE due_at >= :from AND due_at < :to"""),
    VISIT_DONE(Kind.SERVICE_ORG, "visitDone", "完成现场服务（N8.2）", "visit", "visit", """
            SELECT service_org_id AS org, id AS case_id FROM visit
            WHERE status IN ('VISITED', 'REPORTED') AND recorded_at >= :from AND recorded_at < :to"""),
    VISIT_LATE(Kind.SERVICE_ORG, "visitLate", "现场服务晚于到期日（N8.2）", "visit", "visit", """
            SELECT service_org_id AS org, id AS case_id FROM visit
            WHERE status IN ('VISITED', 'REPORTED') AND arrived_at > due_at AND recorded_at >= :from AND recorded_at < :to"""),
    VISIT_MISSED(Kind.SERVICE_ORG, "visitMissed", "漏服务（N8.2）", "visit", "visit", """
            SELECT service_org_id AS org, id AS case_id FROM visit
            WHERE missed AND missed_at >= :from AND missed_at < :to"""),
    VISIT_REFUSED(Kind.SERVICE_ORG, "visitRefused", "现场拒绝或阻挠服务（N8.5）", "visit", "visit", """
            SELECT service_org_id AS org, id AS case_id FROM visit
            WHERE status = 'REFUSED' AND recorded_at >= :from AND recorded_at < :to"""),
    REPORT_LATE(Kind.SERVICE_ORG, "reportLate", "服务报告逾期上传（N8.8）", "visit", "visit", """
            SELECT service_org_id AS org, id AS case_id FROM visit
            WHERE report_late AND report_due_at >= :from AND report_due_at < :to""");

    /** Who is assessed: the organization type of the register. */
    public enum Kind {
        INSURER("保险机构"), SERVICE_ORG("第三方技术服务机构");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final String variable;
    private final String label;
    private final String caseType;
    private final String pageKind;
    private final String query;

    Measure(Kind kind, String variable, String label, String caseType, String pageKind, String query) {
        this.kind = kind;
        this.variable = variable;
        this.label = label;
        this.caseType = caseType;
        this.pageKind = pageKind;
        this.query = query;
    }

    public Kind kind() {
        return kind;
    }

    public String variable() {
        return variable;
    }

    public String label() {
        return label;
    }

    String caseType() {
        return caseType;
    }

    /** The kind of portal case page a case leads to ({@code /portal/cases/{kind}/{id}}). */
    String pageKind() {
        return pageKind;
    }

    String query() {
        return query;
    }
}
