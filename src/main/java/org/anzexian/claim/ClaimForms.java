package org.anzexian.claim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anzexian.platform.engine.FormValues;
import org.anzexian.platform.web.InvalidRequestException;

/**
 * The fields of the claim forms (embedded {@code forms/claim*.html}) and their reading: the browser's
 * checks are a convenience, so everything is checked again here; lists are typed one item per line.
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
    static final String PAYEE_LINES = "payeeLines";
    // claimPayment
    static final String PAID_AMOUNT = "paidAmount";
    static final String PAID_ON = "paidOn";
    static final String PAYMENT_REFERENCE = "paymentReference";
    // claimRecommendations
    static final String RISK_CONTROL = "riskControl";
    static final String RECTIFICATION = "rectification";
    static final String TRAINING = "training";
    static final String RAISE_HAZARDS = "raiseHazards";

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

    /** {@code claimDecision}: the payee lines are read only when covered. */
    static ClaimSteps.Decision decision(FormValues form) {
        boolean covered = form.flag(COVERED);
        return new ClaimSteps.Decision(covered, form.text(DECISION_REASON),
                covered ? payees(form.text(PAYEE_LINES)) : List.of());
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

    /** Payee lines "姓名,金额". */
    static List<ClaimSteps.Payee> payees(String lines) {
        List<ClaimSteps.Payee> payees = new ArrayList<>();
        for (String line : lines(lines)) {
            String[] parts = Arrays.stream(line.split("[,，]")).map(String::strip).toArray(String[]::new);
            try {
                if (parts.length != 2 || parts[0].isEmpty()) {
                    throw new NumberFormatException();
                }
                payees.add(new ClaimSteps.Payee(parts[0], new BigDecimal(parts[1])));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(PAYEE_LINES,
                        "每行填写：姓名,金额 (one person per line: name,amount): " + line);
            }
        }
        return payees;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
