package org.anzexian.claim;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The steps of a claim as typed requests and what each recorded: {@code /api} sends the requests (with
 * the same field names as the Tasklist forms), the forms' listeners build them from the submitted fields
 * ({@link ClaimForms}), and both end in the same method of {@link ClaimService}.
 */
public final class ClaimSteps {

    private ClaimSteps() {
    }

    /** N6.5: the insurer's answer to the reporter with the claim procedure and the documents needed. */
    public record Acknowledgement(
            @NotBlank(message = "必须填写理赔流程 (required)") @Size(max = 4000) String claimProcedure,
            @NotBlank(message = "必须填写索赔材料清单 (required)") @Size(max = 4000) String requiredDocuments) {

    }

    /** Survey and loss assessment. */
    public record Survey(
            @NotBlank(message = "必须填写查勘情况 (required)") @Size(max = 4000) String surveyFindings,
            @NotBlank(message = "必须填写事故原因 (required)") @Size(max = 2000) String accidentCause,
            @Schema(description = "估损金额（元）") @NotNull(message = "必须填写估损金额 (required)") BigDecimal estimatedLoss) {

    }

    /** The construction unit provides documents: a description and stored files ({@code POST /api/files}). */
    public record DocumentSubmission(
            @NotBlank(message = "必须说明提交的材料 (required)") @Size(max = 4000) String documentsProvided,
            @Schema(description = "已上传文件的 SHA-256") List<String> documentFiles) {

    }

    /** The insurer finds the documents complete, or asks for more. */
    public record DocumentReview(boolean documentsComplete, @Size(max = 4000) String moreDocuments) {

    }

    /** Covered or not (with the reason); when covered the amount per person, within the policy's limits. */
    public record Decision(
            boolean covered,
            @Size(max = 2000) String decisionReason,
            List<@Valid @NotNull Payee> payees) {

    }

    /**
     * What a new claim tells its instance: the business key, who works its tasks, when acknowledgement is due
     * and the case summary of its task list.
     */
    public record Opened(long claimId, String insurerGroup, String builderGroup, OffsetDateTime acknowledgementDueAt,
            String documentsReminderCycle, String caseSummary) {
    }

    /** Complete (with the decision's reminder and due date) or more documents needed. */
    public record DocumentsReviewed(boolean complete, OffsetDateTime decisionReminderAt, OffsetDateTime decisionDueAt) {
    }

    /** Covered (with the payment's reminder and due date) or not. */
    public record Decided(boolean covered, OffsetDateTime paymentReminderAt, OffsetDateTime paymentDueAt) {
    }

    /** The recommendations are recorded; whether every rectification item becomes a hazard at once. */
    public record RecommendationsWritten(boolean raiseHazards) {
    }

    public record Payee(@NotBlank(message = "必须填写姓名 (required)") @Size(max = 64) String name,
            @NotNull(message = "必须填写金额 (required)") BigDecimal amount) {
    }

    /** N6.6: the payment the insurer made. */
    public record Payment(
            @NotNull(message = "必须填写赔付金额 (required)") BigDecimal paidAmount,
            @NotNull(message = "必须填写支付日期 (required)") LocalDate paidOn,
            @NotBlank(message = "必须填写支付凭证号 (required)") @Size(max = 64) String paymentReference) {

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


    }
}
