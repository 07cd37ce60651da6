package org.anzexian.service.visit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.export.Workbooks;
import org.anzexian.platform.files.FileDownload;
import org.anzexian.platform.files.StoredFile;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "事故预防服务", description = "定期及加派的现场服务、服务记录、服务报告和隐患上传（N4.6、N8.2、N8.4、N8.5、N8.8）")
class VisitController {

    private final VisitService visits;
    private final CurrentActor currentActor;
    private final Clock clock;

    VisitController(VisitService visits, CurrentActor currentActor, Clock clock) {
        this.visits = visits;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/api/visits")
    @Operation(summary = "服务列表（分页、排序）：服务机构看本机构的，保险机构看本机构保单的，施工单位看本单位的，县级住建部门看本辖区，市住建局看全部；"
            + "state：due 待服务、done 已服务、late 逾期服务、missed 逾期未服务、refused 现场拒绝；sort 可用 id、dueAt、arrivedAt、status、county、serviceOrgId、policyId")
    PageResult<Visit> list(@RequestParam(required = false) Long serviceOrgId,
            @RequestParam(required = false) String state, @RequestParam(required = false) String county,
            @RequestParam(required = false) Long policyId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return visits.list(currentActor.require(), new VisitFilter(serviceOrgId, VisitState.parse(state), county, policyId),
                ListQuery.of(page, size, sort, VisitService.sortFields()));
    }

    @GetMapping("/api/visits.xlsx")
    @Operation(summary = "导出服务（Excel）：筛选、排序、可见范围与服务列表相同，全部符合条件的行（超过导出上限须缩小筛选范围）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long serviceOrgId,
            @RequestParam(required = false) String state, @RequestParam(required = false) String county,
            @RequestParam(required = false) Long policyId, @RequestParam(required = false) List<String> sort) {
        List<VisitService.VisitRow> rows = visits.export(currentActor.require(),
                new VisitFilter(serviceOrgId, VisitState.parse(state), county, policyId),
                VisitService.sortFields().parse(sort));
        return Workbooks.download("visits.xlsx", Workbooks.write("事故预防服务", VisitSheet.COLUMNS, rows, clock.getZone()));
    }

    @GetMapping("/api/visits/requestable-policies")
    @Operation(summary = "可申请加派服务的保单（本单位项目或本辖区项目、保险期间内、已登记服务团队），供申请表选择")
    List<VisitService.RequestablePolicy> requestablePolicies() {
        return visits.requestablePolicies(currentActor.require());
    }

    @GetMapping("/api/visits/{id}/context")
    @Operation(summary = "一次服务及其项目、现场地址、保单、服务机构和登记的预防服务团队（能查看该次服务的单位）")
    VisitService.VisitContext context(@PathVariable long id) {
        return visits.context(currentActor.require(), id);
    }

    @GetMapping("/api/visits/{id}")
    @Operation(summary = "查看一次服务")
    Visit get(@PathVariable long id) {
        return visits.get(currentActor.require(), id);
    }

    @GetMapping("/api/visits/{id}/files/{sha256}")
    @Operation(summary = "下载该次服务的报告或隐患照片（能查看该次服务的单位）")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String sha256) {
        StoredFile file = visits.file(currentActor.require(), id, sha256);
        return FileDownload.of(file, visits.content(file));
    }

    @PostMapping("/api/visits/requests")
    @Operation(summary = "申请加派服务（本项目施工单位或所在地住建部门）")
    ResponseEntity<Visit> request(@Valid @RequestBody ExtraVisitRequest request) {
        Visit visit = visits.requestExtra(currentActor.require(), request);
        return ResponseEntity.created(URI.create("/api/visits/" + visit.id())).body(visit);
    }

    @PostMapping("/api/visits/{id}/record")
    @Operation(summary = "记录服务（登记的服务机构）：到场时间、到场人员（须含项目负责人和至少 1 名服务人员）、服务事项；或现场拒绝/阻挠服务及原因")
    Visit record(@PathVariable long id, @Valid @RequestBody VisitRecordRequest request) {
        return visits.record(currentActor.require(), id, request);
    }

    @PostMapping("/api/visits/{id}/report")
    @Operation(summary = "上传服务报告和隐患（登记的服务机构）；报告送保险机构和施工单位，每项隐患启动整改")
    Visit report(@PathVariable long id, @Valid @RequestBody VisitReportRequest request) {
        return visits.report(currentActor.require(), id, request);
    }
}
