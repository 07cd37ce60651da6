package org.anzexian.claim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.platform.engine.FormValues;

/**
 * The fields of the claim forms (embedded {@code forms/claim*.html}) and their reading: the browser's
 * checks are a convenience, so everything is checked again here; lists are typed one item per line, the
 * payees are structured rows.
 */
final class ClaimForms {

    // start form claimReportStart
    static final String POLICY_NUMBER = "policyNumber";
    static final String ACCIDENT_AT = "accidentAt";
    static final String PLACE = "place";
    static final String ACCIDENT_TYPE = "accidentType";
    static final String DEATHS = "deaths";
    static final String INJURIES = "injuries";
    static final String DESCRIPTION = "description";
    static final String REPORTER_NAME = "reporterName";
    static final String REPORTER_PHONE = "reporterPhone";
    static final String REPORTER_EMAIL = "reporterEmail";
    static final String LATE_EXPLANATION = "lateExplanation";
    /** The photo inputs of the embedded start form {@code forms/claimReportStart.html}. */
    static final List<String> PHOTO_UPLOADS = List.of("photo1", "photo2", "photo3");
    // claimAcknowledge
    static final String CLAIM_PROCEDURE = "claimProcedure";
    static final String REQUIRED_DOCUMENTS = "requiredDocuments";
    // claimSurvey
    static final String SURVEY_FINDINGS = "surveyFindings";
    static final String ACCIDENT_CAUSE = "accidentCause";
    static final String ESTIMATED_LOSS = "estimatedLoss";
    // claimDocuments, claimDocumentsReview
    static final String DOCUMENTS_PROVIDED = "documentsProvided";
    static final String DOCUMENT_FILES = "documentFiles";
    /** The file inputs of the embedded form {@code forms/claimDocuments.html}. */
    static final List<String> DOCUMENT_UPLOADS = List.of("documentFile1", "documentFile2", "documentFile3");
    static final String DOCUMENTS_COMPLETE = "documentsComplete";
    static final String MORE_DOCUMENTS = "moreDocuments";
    // claimDecision
    static final String COVERED = "covered";
    static final String DECISION_REASON = "decisionReason";
    /**
     * The payees as the form's rows (JSON {@code [{"name": "张三", "amount": 120000.00}, …]}, written by
     * the form's script), the same field name and shape as {@code payees} of {@code POST …/decision}.
     */
    static final String PAYEES = "payees";
    // claimPayment
    static final String PAID_AMOUNT = "paidAmount";
    static final String PAID_ON = "paidOn";
    static final String PAYMENT_REFERENCE = "paymentReference";
    // claimRecommendations
    static final String RISK_CONTROL = "riskControl";
    static final String RECTIFICATION = "rectification";
    static final String TRAINING = "training";
    static final String RAISE_HAZARDS = "raiseHazards";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimForms() {
    }

    /** The start form as a report; the accident time comes from a {@code datetime-local} field, in the business time zone. */
    static ClaimReport report(FormValues form) {
        Integer deaths = form.integer(DEATHS);
        Integer injuries = form.integer(INJURIES);
        return new ClaimReport(form.text(POLICY_NUMBER), form.dateTime(ACCIDENT_AT), form.text(PLACE),
                form.choice(ACCIDENT_TYPE, AccidentType.class, "未知的事故类型 (unknown accident type)"),
                deaths == null ? 0 : deaths, injuries == null ? 0 : injuries, form.text(DESCRIPTION),
                form.text(REPORTER_NAME), form.text(REPORTER_PHONE), form.text(REPORTER_EMAIL), form.text(LATE_EXPLANATION));
    }

    /** {@code claimAcknowledge} as the step's request. */
    static ClaimSteps.Acknowledgement acknowledgement(FormValues form) {
        return new ClaimSteps.Acknowledgement(form.text(CLAIM_PROCEDURE), form.text(REQUIRED_DOCUMENTS));
    }

    /** {@code claimSurvey} as the step's request; an unreadable amount is refused first. */
    static ClaimSteps.Survey survey(FormValues form) {
        ClaimSteps.Survey survey = new ClaimSteps.Survey(form.text(SURVEY_FINDINGS), form.text(ACCIDENT_CAUSE),
                form.decimal(ESTIMATED_LOSS));
        form.throwIfInvalid();
        return survey;
    }

    /** {@code claimDocuments.html}: the hashes typed in, one or more per line, and the files uploaded with it. */
    static ClaimSteps.DocumentSubmission documents(FormValues form, List<String> uploaded) {
        List<String> files = new ArrayList<>(form.lines(DOCUMENT_FILES));
        files.addAll(uploaded);
        return new ClaimSteps.DocumentSubmission(form.text(DOCUMENTS_PROVIDED), files);
    }

    /** {@code claimDocumentsReview} as the step's request. */
    static ClaimSteps.DocumentReview documentReview(FormValues form) {
        return new ClaimSteps.DocumentReview(form.flag(DOCUMENTS_COMPLETE), form.text(MORE_DOCUMENTS));
    }

    /**
     * {@code claimDecision}: the payee rows are read only when covered. A row that cannot be read is a
     * problem of the form ({@link FormValues#violations()}) and comes without the unreadable value, so
     * that the service names it together with every other problem.
     */
    static ClaimSteps.Decision decision(FormValues form) {
        boolean covered = form.flag(COVERED);
        return new ClaimSteps.Decision(covered, form.text(DECISION_REASON), covered ? payees(form) : List.of());
    }

    /** {@code claimPayment} as the step's request; an unreadable amount or date is refused first. */
    static ClaimSteps.Payment payment(FormValues form) {
        ClaimSteps.Payment payment = new ClaimSteps.Payment(form.decimal(PAID_AMOUNT), form.date(PAID_ON),
                form.text(PAYMENT_REFERENCE));
        form.throwIfInvalid();
        return payment;
    }

    /** {@code claimRecommendations}: one recommendation per line. */
    static ClaimSteps.Recommendations recommendations(FormValues form) {
        return new ClaimSteps.Recommendations(form.lines(RISK_CONTROL), form.lines(RECTIFICATION), form.lines(TRAINING),
                form.flag(RAISE_HAZARDS));
    }

    /** The rows of {@link #PAYEES}; blank rows (neither name nor amount) are left out. */
    static List<ClaimSteps.Payee> payees(FormValues form) {
        String json = form.text(PAYEES);
        if (json == null) {
            return List.of();
        }
        JsonNode rows;
        try {
            rows = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            rows = null;
        }
        if (rows == null || !rows.isArray()) {
            form.problem(PAYEES, "收款人无法识别，请逐行填写姓名和核定金额 (not a list of payees)");
            return List.of();
        }
        List<ClaimSteps.Payee> payees = new ArrayList<>();
        for (JsonNode row : rows) {
            String name = cell(row, "name");
            String amountText = cell(row, "amount");
            if (name.isEmpty() && amountText.isEmpty()) {
                continue;
            }
            BigDecimal amount = null;
            if (!amountText.isEmpty()) {
                try {
                    amount = new BigDecimal(amountText.replace(",", "").replace("，", ""));
                } catch (NumberFormatException e) {
                    form.problem(PAYEES + "[" + payees.size() + "].amount", "收款人第 " + (payees.size() + 1)
                            + " 行：核定金额须为数字 (a number): " + amountText);
                }
            }
            payees.add(new ClaimSteps.Payee(name.isEmpty() ? null : name, amount));
        }
        return payees;
    }

    /** A cell of a row as text, stripped; empty when missing, null or not a single value. */
    private static String cell(JsonNode row, String name) {
        JsonNode value = row.path(name);
        return value.isValueNode() && !value.isNull() ? value.asText().strip() : "";
    }
}
