package org.anzexian.supervision.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "考核排名", description = "保险机构和第三方技术服务机构的定期考核、排名及每项指标对应的案件（N9.2）")
class AssessmentController {

    private final AssessmentService assessments;
    private final CurrentActor currentActor;

    AssessmentController(AssessmentService assessments, CurrentActor currentActor) {
        this.assessments = assessments;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/assessments")
    @Operation(summary = "考核结果，最新考核期在前：市住建局看全部，县区住建部门看在本辖区开展业务的机构，保险机构和服务机构看本机构的")
    PageResult<Assessment> list(@RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Measure.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return assessments.list(currentActor.require(), new AssessmentFilter(organizationId, kind, periodEnd),
                new PageQuery(page, size));
    }

    @GetMapping("/api/assessments.xlsx")
    @Operation(summary = "导出考核结果（Excel，筛选与查询相同；第二张表为各项指标对应的案件）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long organizationId,
            @RequestParam(required = false) Measure.Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodEnd) {
        byte[] workbook = AssessmentWorkbook.write(assessments.export(currentActor.require(),
                new AssessmentFilter(organizationId, kind, periodEnd)));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(AssessmentWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("assessments.xlsx").build().toString())
                .body(workbook);
    }

    @GetMapping("/api/assessments/{id}")
    @Operation(summary = "一条考核结果及各项指标、比率和对应的案件（如 visit:12、claim:7，拒绝报价附理由）")
    Assessment get(@PathVariable long id) {
        return assessments.get(currentActor.require(), id);
    }

    @GetMapping("/api/organizations/{organizationId}/assessment-archive")
    @Operation(summary = "机构档案：已发布的每次考核结果（只增不改，逐条哈希链接）及完整性校验（N9.2）")
    AssessmentService.OrganizationChain archive(@PathVariable long organizationId) {
        return assessments.archive(currentActor.require(), organizationId);
    }
}
