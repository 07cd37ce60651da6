package org.anzexian.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anzexian.platform.web.FieldViolations;
import org.anzexian.platform.web.InvalidRequestException;

/**
 * The fields of the claim forms ({@code forms/claim*.form}) and their reading: form-js checks only in
 * the browser and has no repeating group, so lists are typed one item per line and everything is
 * checked again here.
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

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ClaimForms() {
    }

    /** The start form as a report; the accident time is typed "yyyy-MM-dd HH:mm" in the platform's zone. */
    static ClaimReport report(Map<String, Object> form, ZoneId zone) {
        String accidentText = text(form, ACCIDENT_AT);
        OffsetDateTime accidentAt = null;
        if (accidentText != null) {
            accidentAt = accidentTime(accidentText, zone);
        }
        String type = text(form, ACCIDENT_TYPE);
        AccidentType accidentType;
        try {
            accidentType = type == null ? null : AccidentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(ACCIDENT_TYPE, "未知的事故类型 (unknown accident type): " + type);
        }
        return new ClaimReport(text(form, POLICY_NUMBER), accidentAt, text(form, PLACE), accidentType,
                count(form, DEATHS), count(form, INJURIES), text(form, DESCRIPTION), text(form, REPORTER_NAME),
                text(form, REPORTER_PHONE), text(form, REPORTER_EMAIL), text(form, LATE_EXPLANATION));
    }

    private static OffsetDateTime accidentTime(String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.replace('T', ' '), MINUTE).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(ACCIDENT_AT,
                        "事故发生时间格式为 yyyy-MM-dd HH:mm (accident time as yyyy-MM-dd HH:mm): " + text);
            }
        }
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

    static LocalDate date(Map<String, Object> form, String field) {
        String text = text(form, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "日期格式为 yyyy-MM-dd (date as yyyy-MM-dd): " + text);
        }
    }

    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static String text(Map<String, Object> form, String field) {
        Object value = form.get(field);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static BigDecimal amount(Map<String, Object> form, String field) {
        Object value = form.get(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "须为金额 (must be an amount): " + value);
        }
    }

    static boolean flag(Map<String, Object> form, String field) {
        Object value = form.get(field);
        return value instanceof Boolean bool ? bool : value != null && Boolean.parseBoolean(value.toString());
    }

    private static int count(Map<String, Object> form, String field) {
        Object value = form.get(field);
        if (value == null || value.toString().isBlank()) {
            return 0;
        }
        try {
            return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "须为整数 (must be a whole number): " + value);
        }
    }

    /** A required text of a form, or a field message. */
    static String required(Map<String, Object> form, String field, String message, FieldViolations violations) {
        String text = text(form, field);
        if (text == null) {
            violations.add(field, message);
        }
        return text;
    }
}
