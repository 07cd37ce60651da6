package org.anzexian.notification;

/**
 * Keys of the platform's mail templates ({@code src/main/resources/mail-templates/<key>.txt}) and the
 * model variables each one needs; {@code baseUrl} is always supplied. A test keeps this list and the
 * files in step.
 */
public final class NoticeTemplates {

    // --- serviceorg-filing (#3): account and service-organization filing notices -------------

    /**
     * 账号已开通 — to a person whose login the city bureau created for an organization; never the
     * password. Model: {@code personName}, {@code userId}, {@code organizationName}.
     */
    public static final String ACCOUNT_CREATED = "account-created";

    /**
     * 服务机构备案通过 — to the organization and the city bureau. Model: {@code organizationName},
     * {@code creditCode}, {@code filingNumber}.
     */
    public static final String SERVICE_ORG_FILING_APPROVED = "service-org-filing-approved";

    /** 服务机构备案未通过 — to the organization. Model: {@code organizationName}, {@code creditCode}, {@code reason}. */
    public static final String SERVICE_ORG_FILING_REJECTED = "service-org-filing-rejected";

    /**
     * 服务机构备案需补充材料 — to the organization. Model: {@code organizationName}, {@code creditCode},
     * {@code reason}.
     */
    public static final String SERVICE_ORG_FILING_MORE_INFO = "service-org-filing-more-info";

    /** 服务机构备案逾期失效 — to the organization. Model: {@code organizationName}, {@code creditCode}. */
    public static final String SERVICE_ORG_FILING_LAPSED = "service-org-filing-lapsed";

    /**
     * 服务机构备案待审核提醒 — to the city bureau. Model: {@code organizationName}, {@code creditCode},
     * {@code submittedAt}, {@code filingId}.
     */
    public static final String SERVICE_ORG_FILING_REVIEW_REMINDER = "service-org-filing-review-reminder";

    /**
     * 机构已登记 — to an organization's contact when the city bureau registers it. Model:
     * {@code organizationName}, {@code creditCode}, {@code organizationType} (Chinese label).
     */
    public static final String ORGANIZATION_REGISTERED = "organization-registered";

    private NoticeTemplates() {
    }

    // --- insurer filing (#3, filing.insurer) ------------------------------------------------

    /** 备案需补正 — to the insurer's group. Model: {@code branchName}, {@code filingId}, {@code reasons}, {@code deadline}. */
    public static final String INSURER_FILING_NEEDS_CORRECTION = "insurer-filing-needs-correction";

    /** 备案待审核提醒 — to the city bureau. Model: {@code branchName}, {@code filingId}, {@code inReviewSince}. */
    public static final String INSURER_FILING_REVIEW_REMINDER = "insurer-filing-review-reminder";

    /**
     * 备案完成 (N4.1) — to the insurer, the emergency bureau, the financial regulator branch and the city bureau.
     * Model: {@code branchName}, {@code creditCode}, {@code filingNumber}, {@code parentName}, {@code principal},
     * {@code claimsLine}.
     */
    public static final String INSURER_FILING_FILED = "insurer-filing-filed";

    /** 不予备案 — to the insurer. Model: {@code branchName}, {@code filingId}, {@code reason}. */
    public static final String INSURER_FILING_REJECTED = "insurer-filing-rejected";

    /** 逾期未补正 — to the insurer. Model: {@code branchName}, {@code filingId}. */
    public static final String INSURER_FILING_LAPSED = "insurer-filing-lapsed";

    /** 备案暂停 — to the insurer and the city bureau. Model: {@code branchName}, {@code filingNumber}, {@code reason}. */
    public static final String INSURER_FILING_SUSPENDED = "insurer-filing-suspended";

    /**
     * 证照到期提醒 — to the insurer. Model: {@code branchName}, {@code filingNumber}, {@code licenseName},
     * {@code licenseNumber}, {@code validUntil}.
     */
    public static final String INSURER_FILING_EXPIRY_REMINDER = "insurer-filing-expiry-reminder";

    /** 恢复备案 — to the insurer and the city bureau. Model: {@code branchName}, {@code filingNumber}. */
    public static final String INSURER_FILING_REINSTATED = "insurer-filing-reinstated";

    /**
     * 证照变更已准予 (#11, N3.1, N3.3) — to the insurer. Model: {@code branchName}, {@code changeId},
     * {@code businessLicense}, {@code insuranceLicense} (number and last valid day), {@code reason}.
     */
    public static final String INSURER_LICENSE_CHANGE_APPROVED = "insurer-license-change-approved";

    /** 证照变更不予准许 — to the insurer; model as {@link #INSURER_LICENSE_CHANGE_APPROVED}. */
    public static final String INSURER_LICENSE_CHANGE_REJECTED = "insurer-license-change-rejected";

    // --- service-team registration (#4, N6.3) -------------------------------------------------

    /**
     * 服务团队登记提醒 — to the insurer before the deadline. Model: {@code projectName}, {@code projectCode},
     * {@code policyId}, {@code insurerName}, {@code deadline}.
     */
    public static final String SERVICE_TEAM_REGISTRATION_REMINDER = "service-team-registration-reminder";

    /**
     * 服务团队逾期未登记 — to the county authority of the project and the city bureau. Model:
     * {@code projectName}, {@code projectCode}, {@code policyId}, {@code insurerName}, {@code deadline}.
     */
    public static final String SERVICE_TEAM_REGISTRATION_OVERDUE = "service-team-registration-overdue";

    /**
     * 服务团队已登记 — to the construction unit and the service organization. Model: {@code projectName},
     * {@code projectCode}, {@code policyId}, {@code insurerName}, {@code deadline}, {@code serviceOrgName},
     * {@code projectLead}.
     */
    public static final String SERVICE_TEAM_REGISTERED = "service-team-registered";

    // --- underwriting (#4) -------------------------------------------------------------------

    /**
     * 拒绝承保 — to the city bureau and the construction unit (N4.4). Model: {@code insurerName},
     * {@code buyerName}, {@code projectName}, {@code projectCode}, {@code quotationId}, {@code stage}, {@code reason}.
     */
    public static final String UNDERWRITING_DECLINED = "underwriting-declined";

    /**
     * 报价提醒 — to the insurer. Model: {@code insurerName}, {@code projectName}, {@code projectCode},
     * {@code quotationId}, {@code requestedAt}.
     */
    public static final String UNDERWRITING_QUOTATION_REMINDER = "underwriting-quotation-reminder";

    /** 报价超时 — to the insurer and its head office; model as {@link #UNDERWRITING_QUOTATION_REMINDER}. */
    public static final String UNDERWRITING_QUOTATION_ESCALATION = "underwriting-quotation-escalation";

    /**
     * 保单已签发 — to the construction unit. Model: {@code buyerName}, {@code projectName}, {@code projectCode},
     * {@code insurerName}, {@code policyNumber}, {@code policyStart}, {@code policyEnd}, {@code premium}.
     */
    public static final String UNDERWRITING_POLICY_ISSUED = "underwriting-policy-issued";

    /**
     * 保单报送 — to the county authority (N2.5). Model: as {@link #UNDERWRITING_POLICY_ISSUED} plus
     * {@code jurisdictionName}, {@code reportedAt}.
     */
    public static final String UNDERWRITING_POLICY_REPORT = "underwriting-policy-report";

    /**
     * 须办理批改 — to the construction unit and the insurer (N1.1, N4.3): a phase joined the insured
     * contract. Model: {@code buyerName}, {@code insurerName}, {@code policyNumber}, {@code phases},
     * {@code oldContractAmount}, {@code newContractAmount}, {@code oldPolicyPeriod}, {@code newPolicyPeriod},
     * {@code additionalPremium}, {@code endorsementId}.
     */
    public static final String UNDERWRITING_ENDORSEMENT_REQUIRED = "underwriting-endorsement-required";

    /**
     * 批改已生效 — to the construction unit and the county authority. Model: as
     * {@link #UNDERWRITING_ENDORSEMENT_REQUIRED} plus {@code endorsementNumber}, {@code premium}.
     */
    public static final String UNDERWRITING_ENDORSEMENT_ISSUED = "underwriting-endorsement-issued";

    /**
     * 保险机构备案暂停 — to the construction unit holding an open quotation of the suspended insurer
     * (N5.2): it may choose another insurer. Model: {@code buyerName}, {@code insurerName},
     * {@code projectName}, {@code projectCode}, {@code quotationId}, {@code requestedAt}, {@code status},
     * {@code reason}.
     */
    public static final String UNDERWRITING_INSURER_SUSPENDED = "underwriting-insurer-suspended";

    // --- claims (#6, N6.5–N6.7) ----------------------------------------------------------------
    // Every claim mail's model: claimId, projectName, projectCode, policyNumber, insurerName, builderName,
    // accidentAt, reportedAt, accidentType, place, deaths, injuries, reporterName, reporterPhone,
    // acknowledgementDueAt; the extra variables are named per template.

    /** 新报案 — to the insurer's claims team (N6.5). */
    public static final String CLAIM_REPORTED = "claim-reported";

    /** 事故迟报 — to the county authority; plus {@code lateExplanation}. */
    public static final String CLAIM_REPORTED_LATE = "claim-reported-late";

    /** 死亡事故报告 — to the county authority and the city bureau at once. */
    public static final String CLAIM_FATAL_ACCIDENT = "claim-fatal-accident";

    /** 报案已受理 — to the reporter and the construction unit (N6.5); plus {@code claimProcedure}, {@code requiredDocuments}. */
    public static final String CLAIM_ACKNOWLEDGED = "claim-acknowledged";

    /** 报案超时未受理 — to the insurer and its head office (its claims management). */
    public static final String CLAIM_ACKNOWLEDGEMENT_OVERDUE = "claim-acknowledgement-overdue";

    /** 请提交索赔材料 — to the construction unit; plus {@code requiredDocuments}. */
    public static final String CLAIM_DOCUMENTS_REMINDER = "claim-documents-reminder";

    /** 需补充索赔材料 — to the construction unit; plus {@code moreDocuments}. */
    public static final String CLAIM_MORE_DOCUMENTS = "claim-more-documents";

    /** 理赔核定即将到期 — to the insurer; plus {@code dueAt}. */
    public static final String CLAIM_DECISION_REMINDER = "claim-decision-reminder";

    /** 理赔核定超时 — to the city bureau and the insurer; plus {@code dueAt}. */
    public static final String CLAIM_DECISION_OVERDUE = "claim-decision-overdue";

    /** 理赔核定结果 — to the reporter and the construction unit; plus {@code decisionText}. */
    public static final String CLAIM_DECISION = "claim-decision";

    /** 赔款支付即将到期 — to the insurer; plus {@code dueAt}, {@code agreedAmount}. */
    public static final String CLAIM_PAYMENT_REMINDER = "claim-payment-reminder";

    /** 赔款支付超时 — to the city bureau and the insurer; plus {@code dueAt}, {@code agreedAmount}. */
    public static final String CLAIM_PAYMENT_OVERDUE = "claim-payment-overdue";

    /** 赔款已支付 — to the construction unit (N6.6); plus {@code paidAmount}, {@code paidOn}, {@code paymentReference}. */
    public static final String CLAIM_PAID = "claim-paid";

    /**
     * 事故后建议 — to the construction unit (N6.7); plus {@code accidentCause}, {@code riskControl},
     * {@code rectification}, {@code training}.
     */
    public static final String CLAIM_RECOMMENDATIONS = "claim-recommendations";

    // --- hazard rectification (#5, N8.9) -------------------------------------------------------
    // Every hazard notice has the model hazardId, projectName, projectCode, severity, category, location,
    // description, proposedMeasure, deadline (of the current round).

    /** 重大事故隐患 — to the county authority and the insurer at once. Model: the hazard's. */
    public static final String HAZARD_MAJOR_REPORTED = "hazard-major-reported";

    /** 隐患整改即将到期 — to the construction unit before the deadline. Model: the hazard's. */
    public static final String HAZARD_RECTIFICATION_REMINDER = "hazard-rectification-reminder";

    /** 隐患逾期未整改 — to the county authority of the project's area. Model: the hazard's. */
    public static final String HAZARD_OVERDUE = "hazard-overdue";

    /** 隐患逾期升级市级督办 — to the city bureau and the county authority. Model: the hazard's. */
    public static final String HAZARD_ESCALATED_TO_CITY = "hazard-escalated-to-city";

    /** 整改材料逾期未复核 — to the verifying service organization and the county authority. Model: the hazard's. */
    public static final String HAZARD_VERIFICATION_OVERDUE = "hazard-verification-overdue";

    /** 隐患整改复核未通过 — to the construction unit. Model: the hazard's plus {@code reason}. */
    public static final String HAZARD_RECTIFICATION_REJECTED = "hazard-rectification-rejected";

    /**
     * 隐患已销号 — to the construction unit, for a major hazard also the county authority and the insurer.
     * Model: the hazard's plus {@code closedAt}.
     */
    public static final String HAZARD_CLOSED = "hazard-closed";

    // --- prevention-service visits (#5, N8.2, N8.4, N8.5, N8.8) --------------------------------
    // Every visit notice has: projectName, projectCode, visitId, kind, serviceOrgName, dueAt.

    /** 服务即将到期 — to the service organization. Model: the visit notice's. */
    public static final String VISIT_DUE_REMINDER = "visit-due-reminder";

    /** 服务逾期未完成 — to the insurer and the county authority; counts against the service organization. */
    public static final String VISIT_MISSED = "visit-missed";

    /** 现场拒绝或阻挠服务 (N8.5) — to the insurer and the county authority. Model plus {@code reason}, {@code recordedAt}. */
    public static final String VISIT_REFUSED = "visit-refused";

    /**
     * 服务报告 (N8.4) — to the insurer and the construction unit. Model plus {@code visitedAt}, {@code attendees},
     * {@code serviceItems}, {@code reportFile}, {@code hazardCount}, {@code hazardLines}, {@code lateNote}.
     */
    public static final String VISIT_REPORT = "visit-report";

    /** 服务报告逾期未上传 (N8.8) — to the service organization and the insurer. Model plus {@code reportDueAt}. */
    public static final String VISIT_REPORT_LATE = "visit-report-late";

    /** 加派服务 — to the service organization. Model plus {@code reason}, {@code requestedBy}. */
    public static final String VISIT_REQUESTED = "visit-requested";

    /**
     * 事故预防服务定期报告 (N8.5) — to a county authority. Model: {@code jurisdictionName}, {@code periodStart},
     * {@code periodEnd}, {@code visited}, {@code refused}, {@code missed}, {@code majorHazards},
     * {@code generalHazards}, {@code refusalLines}.
     */
    public static final String VISIT_DIGEST = "visit-digest";

    /**
     * 考核结果 (N9.2) — to the assessed organization and the city bureau. Model: {@code organizationName},
     * {@code kindLabel}, {@code periodStart}, {@code periodEnd}, {@code score}, {@code grade}, {@code rank},
     * {@code rankedOf}, {@code measureLines}, {@code assessmentId}.
     */
    public static final String ASSESSMENT_RESULT = "assessment-result";
}
