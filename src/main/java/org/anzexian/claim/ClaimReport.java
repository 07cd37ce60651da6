package org.anzexian.claim;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** An accident report (N6.5); the report time is the server's, never typed. */
public record ClaimReport(
        @Schema(description = "保单号") @NotBlank(message = "必须填写保单号 (required)") @Size(max = 32) String policyNumber,
        @Schema(description = "事故发生时间（ISO-8601，含时区）") @NotNull(message = "必须填写事故发生时间 (required)")
        OffsetDateTime accidentAt,
        @Schema(description = "事故发生部位（现场位置）") @NotBlank(message = "必须填写事故发生部位 (required)") @Size(max = 400) String place,
        @Schema(description = "事故类型") @NotNull(message = "必须选择事故类型 (required)") AccidentType accidentType,
        @Schema(description = "死亡人数") @Min(value = 0, message = "不能为负数 (must be >= 0)") int deaths,
        @Schema(description = "受伤人数") @Min(value = 0, message = "不能为负数 (must be >= 0)") int injuries,
        @Schema(description = "事故经过") @NotBlank(message = "必须填写事故经过 (required)") @Size(max = 4000) String description,
        @Schema(description = "报案人") @NotBlank(message = "必须填写报案人 (required)") @Size(max = 64) String reporterName,
        @Schema(description = "报案人联系电话") @NotBlank(message = "必须填写联系电话 (required)") @Size(max = 32) String reporterPhone,
        @Schema(description = "报案人电子邮箱（受理答复及索赔材料清单发往此处和施工单位）")
        @Email(message = "电子邮箱格式不正确 (invalid e-mail)") @Size(max = 200) String reporterEmail,
        @Schema(description = "超过 24 小时报案时必填：迟报原因") @Size(max = 2000) String lateExplanation,
        @Schema(description = "现场照片：先经 POST /api/files 上传的文件的 SHA-256（至多 10 张）")
        @Size(max = 10, message = "现场照片至多 10 张 (at most 10 photos)") List<String> photos) {

    public ClaimReport {
        photos = photos == null ? List.of() : List.copyOf(photos);
    }

    /** A report without photos. */
    public ClaimReport(String policyNumber, OffsetDateTime accidentAt, String place, AccidentType accidentType,
            int deaths, int injuries, String description, String reporterName, String reporterPhone,
            String reporterEmail, String lateExplanation) {
        this(policyNumber, accidentAt, place, accidentType, deaths, injuries, description, reporterName, reporterPhone,
                reporterEmail, lateExplanation, List.of());
    }
}
