package org.anzexian.underwriting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.anzexian.platform.access.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "投保承保", description = "询价、报价函、投保、核保、保费、保单与投保查验")
class UnderwritingController {

    private final UnderwritingService underwriting;
    private final UnderwritingQueries queries;
    private final CurrentActor currentActor;

    UnderwritingController(UnderwritingService underwriting, UnderwritingQueries queries, CurrentActor currentActor) {
        this.underwriting = underwriting;
        this.queries = queries;
        this.currentActor = currentActor;
    }

    @PostMapping("/quotation-requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "施工单位向一家或多家已备案保险机构询价（N2.1–N2.4、N3.6、N5.2）")
    QuotationRequestResult request(@Valid @RequestBody NewQuotationRequest request) {
        return underwriting.requestQuotations(currentActor.require(), request);
    }

    @GetMapping("/quotations/{id}")
    @Operation(summary = "报价（保险机构、投保单位可见）")
    Quotation get(@PathVariable long id) {
        return underwriting.get(currentActor.require(), id);
    }

    @GetMapping("/quotations/{id}/context")
    @Operation(summary = "报价的办理背景：项目、施工单位、保险机构、报价函、投保材料（保险机构、投保单位、市住建局可见）")
    QuotationContext context(@PathVariable long id) {
        return queries.context(currentActor.require(), id);
    }

    @GetMapping(value = "/quotations/{id}/letter", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "可打印的报价函（HTML）")
    String letter(@PathVariable long id) {
        return queries.letter(currentActor.require(), id);
    }

    @PostMapping("/quotations/{id}/premium")
    @Operation(summary = "确认全额保费一次性到账（N4.3，支付回调），随后出单")
    void confirmPremium(@PathVariable long id, @Valid @RequestBody PremiumPayment payment) {
        queries.confirmPremium(currentActor.require(), id, payment);
    }

    @GetMapping("/endorsements/{id}")
    @Operation(summary = "保单批改：新增分期后的合同金额、保险期间与批改保费（N1.1、N4.3）")
    Endorsement endorsement(@PathVariable long id) {
        return queries.endorsement(currentActor.require(), id);
    }

    @PostMapping("/endorsements/{id}/premium")
    @Operation(summary = "确认批改保费一次性全额到账（N4.3，支付回调），随后签发批改")
    void confirmEndorsementPremium(@PathVariable long id, @Valid @RequestBody PremiumPayment payment) {
        queries.confirmEndorsementPremium(currentActor.require(), id, payment);
    }

    @GetMapping("/projects/{code}/insurance")
    @Operation(summary = "施工许可前查验：项目是否持有有效保单，施工期在保险期间内且无待办批改（N1.1）；否则说明原因")
    ProjectInsurance insurance(@PathVariable String code) {
        return queries.insurance(currentActor.require(), code);
    }

    @GetMapping("/policies/{id}")
    @Operation(summary = "保单（N4.5 各项）及保费分担：分包单位按约定比例，其余由总承包单位或联合体成员按份额承担（N2.2、N2.3）")
    PolicyView policy(@PathVariable long id) {
        return queries.policy(currentActor.require(), id);
    }

    /** A payment callback: the amount received and whether it came in one payment. */
    record PremiumPayment(
            @NotNull(message = "必须填写实收保费 (required)") BigDecimal amount,
            @NotNull(message = "必须说明是否一次性缴纳 (required)") Boolean onePayment) {
    }
}
