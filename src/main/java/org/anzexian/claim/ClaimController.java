package org.anzexian.claim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.export.Workbooks;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "事故报案与理赔", description = "24 小时内报案、受理、查勘定损、索赔材料、核定、支付及事故后建议（N6.5–N6.7）")
class ClaimController {

    private final ClaimService claims;
    private final CurrentActor currentActor;
    private final Clock clock;

    ClaimController(ClaimService claims, CurrentActor currentActor, Clock clock) {
        this.claims = claims;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @PostMapping("/api/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "报案：施工单位，或保险机构 24 小时报案电话代录；报案时间取服务器时间；事故须在该项目有效保单的保险期间内")
    Claim report(@Valid @RequestBody ClaimReport report) {
        return claims.report(currentActor.require(), report);
    }

    @GetMapping("/api/claims")
    @Operation(summary = "报案列表（分页、排序）：施工单位看本单位的，保险机构看本机构承保的，县级住建部门看本辖区，市住建局看全部；"
            + "breach=true 只列保险机构未按时受理、核定或赔付的；sort 可用 id、reportedAt、accidentAt、status、county、insurerId、deaths")
    PageResult<Claim> list(@RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) Long insurerId, @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean breach,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return claims.list(currentActor.require(), new ClaimFilter(status, insurerId, county, breach),
                ListQuery.of(page, size, sort, ClaimService.sortFields()));
    }

    @GetMapping("/api/claims.xlsx")
    @Operation(summary = "导出报案及理赔（Excel）：筛选、排序、可见范围与报案列表相同，全部符合条件的行（超过导出上限须缩小筛选范围）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) ClaimStatus status,
            @RequestParam(required = false) Long insurerId, @RequestParam(required = false) String county,
            @RequestParam(required = false) Boolean breach, @RequestParam(required = false) List<String> sort) {
        List<ClaimService.ClaimRow> rows = claims.export(currentActor.require(),
                new ClaimFilter(status, insurerId, county, breach), ClaimService.sortFields().parse(sort));
        return Workbooks.download("claims.xlsx", Workbooks.write("报案及理赔", ClaimSheet.COLUMNS, rows, clock.getZone()));
    }

    @GetMapping("/api/claims/reportable-policies")
    @Operation(summary = "可报案的保单（报案表单的选择列表）：本施工单位投保的、本保险机构承保的有效保单，按保单号和项目列出")
    List<ReportablePolicy> reportablePolicies() {
        return claims.reportablePolicies(currentActor.require());
    }

    @GetMapping("/api/claims/{id}/view")
    @Operation(summary = "办理视图：报案及理赔进度，连同项目、各方名称、保单限额、现场照片和索赔材料的下载链接（能查看该报案者）")
    ClaimView view(@PathVariable long id) {
        return claims.view(currentActor.require(), id);
    }

    @GetMapping("/api/claims/{id}")
    @Operation(summary = "查看报案及理赔进度")
    Claim get(@PathVariable long id) {
        return claims.get(currentActor.require(), id);
    }

    @PostMapping("/api/claims/{id}/acknowledgement")
    @Operation(summary = "受理（保险机构）：答复报案人，告知理赔流程和索赔材料清单（N6.5）")
    Claim acknowledge(@PathVariable long id, @Valid @RequestBody ClaimSteps.Acknowledgement step) {
        return claims.acknowledge(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/survey")
    @Operation(summary = "查勘定损（保险机构）")
    Claim survey(@PathVariable long id, @Valid @RequestBody ClaimSteps.Survey step) {
        return claims.survey(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/documents")
    @Operation(summary = "提交索赔材料（施工单位）；文件先用 POST /api/files 上传")
    Claim provideDocuments(@PathVariable long id, @Valid @RequestBody ClaimSteps.DocumentSubmission step) {
        return claims.provideDocuments(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/documents-review")
    @Operation(summary = "审核索赔材料（保险机构）：齐全，或要求补充")
    Claim reviewDocuments(@PathVariable long id, @Valid @RequestBody ClaimSteps.DocumentReview step) {
        return claims.reviewDocuments(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/decision")
    @Operation(summary = "核定（保险机构）：是否赔付及理由；逐人核定金额，不得超过保单每人及累计责任限额")
    Claim decide(@PathVariable long id, @Valid @RequestBody ClaimSteps.Decision step) {
        return claims.decide(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/payment")
    @Operation(summary = "登记赔款支付（保险机构）：金额、日期、凭证号（N6.6）")
    Claim pay(@PathVariable long id, @Valid @RequestBody ClaimSteps.Payment step) {
        return claims.pay(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/recommendations")
    @Operation(summary = "事故后建议（保险机构）：风险管控、整改、安全培训建议，邮件送达并归档（N6.7）")
    Claim recommend(@PathVariable long id, @Valid @RequestBody ClaimSteps.Recommendations step) {
        return claims.recommend(currentActor.require(), id, step);
    }

    @PostMapping("/api/claims/{id}/recommendations/{recommendationId}/hazard")
    @Operation(summary = "将一条整改建议转为隐患，进入隐患整改流程（N6.7、N8.8）")
    Claim raiseHazard(@PathVariable long id, @PathVariable long recommendationId) {
        return claims.raiseHazard(currentActor.require(), id, recommendationId);
    }
}
