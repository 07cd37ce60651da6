package org.anzexian.claim;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The steps of a claim through {@code /api}, with the same field names as the Tasklist forms: each
 * becomes the variables the form would submit, so both ways go through one check ({@link ClaimForms}).
 */
public final class ClaimSteps {

    private ClaimSteps() {
    }

    /** N6.5: the insurer's answer to the reporter with the claim procedure and the documents needed. */
    public record Acknowledgement(
            @NotBlank(message = "必须填写理赔流程 (required)") @Size(max = 4000) String claimProcedure,
            @NotBlank(message = "必须填写索赔材料清单 (required)") @Size(max = 4000) String requiredDocuments) {

        Map<String, Object> variables() {
            return Map.of(ClaimForms.CLAIM_PROCEDURE, claimProcedure, ClaimForms.REQUIRED_DOCUMENTS, requiredDocuments);
        }
    }

    /** Survey and loss assessment. */
    public record Survey(
            @NotBlank(message = "必须填写查勘情况 (required)") @Size(max = 4000) String surveyFindings,
            @NotBlank(message = "必须填写事故原因 (required)") @Size(max = 2000) String accidentCause,
            @Schema(description = "估损金额（元）") @NotNull(message = "必须填写估损金额 (required)") BigDecimal estimatedLoss) {

        Map<String, Object> variables() {
            return Map.of(ClaimForms.SURVEY_FINDINGS, surveyFindings, ClaimForms.ACCIDENT_CAUSE, accidentCause,
                    ClaimForms.ESTIMATED_LOSS, estimatedLoss.doubleValue());
        }
    }

    /** The construction unit provides documents: a description and stored files ({@code POST /api/files}). */
    public record DocumentSubmission(
            @NotBlank(message = "必须说明提交的材料 (required)") @Size(max = 4000) String documentsProvided,
            @Schema(description = "已上传文件的 SHA-256") List<String> documentFiles) {

        Map<String, Object> variables() {
            return Map.of(ClaimForms.DOCUMENTS_PROVIDED, documentsProvided, ClaimForms.DOCUMENT_FILES,
                    documentFiles == null ? "" : String.join("\n", documentFiles));
        }
    }

    /** The insurer finds the documents complete, or asks for more. */
    public record DocumentReview(boolean documentsComplete, @Size(max = 4000) String moreDocuments) {

        Map<String, Object> variables() {
            Map<String, Object> variables = new HashMap<>();
            variables.put(ClaimForms.DOCUMENTS_COMPLETE, documentsComplete);
            variables.put(ClaimForms.MORE_DOCUMENTS, moreDocuments);
            return variables;
        }
    }

    /** Covered or not (with the reason); when covered the amount per person, within the policy's limits. */
    public record Decision(
            boolean covered,
            @Size(max = 2000) String decisionReason,
            List<@Valid @NotNull Payee> payees) {

        Map<String, Object> variables() {
            Map<String, Object> variables = new HashMap<>();
            variables.put(ClaimForms.COVERED, covered);
            variables.put(ClaimForms.DECISION_REASON, decisionReason);
            variables.put(ClaimForms.PAYEE_LINES, payees == null ? "" : payees.stream()
                    .map(payee -> payee.name() + "," + payee.amount().toPlainString()).collect(Collectors.joining("\n")));
            return variables;
        }
    }

    public record Payee(@NotBlank(message = "必须填写姓名 (required)") @Size(max = 64) String name,
            @NotNull(message = "必须填写金额 (required)") BigDecimal amount) {
    }

    /** N6.6: the payment the insurer made. */
    public record Payment(
            @NotNull(message = "必须填写赔付金额 (required)") BigDecimal paidAmount,
            @NotNull(message = "必须填写支付日期 (required)") LocalDate paidOn,
            @NotBlank(message = "必须填写支付凭证号 (required)") @Size(max = 64) String paymentReference) {

        Map<String, Object> variables() {
            return Map.of(ClaimForms.PAID_AMOUNT, paidAmount.doubleValue(), ClaimForms.PAID_ON, paidOn.toString(),
                    ClaimForms.PAYMENT_REFERENCE, paymentReference);
        }
    }

    /**
     * N6.7: recommendations after settlement; {@code raiseHazards} turns every rectification item into a
     * hazard at once (single items also later: {@code POST /api/claims/{id}/recommendations/{rid}/hazard}).
     */
    public record Recommendations(
            List<@NotBlank @Size(max = 2000) String> riskControl,
            List<@NotBlank @Size(max = 2000) String> rectification,
            List<@NotBlank @Size(max = 2000) String> training,
            boolean raiseHazards) {

        Map<String, Object> variables() {
            return Map.of(ClaimForms.RISK_CONTROL, lines(riskControl), ClaimForms.RECTIFICATION, lines(rectification),
                    ClaimForms.TRAINING, lines(training), ClaimForms.RAISE_HAZARDS, raiseHazards);
        }

        private static String lines(List<String> items) {
            return items == null ? "" : String.join("\n", items);
        }
    }
}
