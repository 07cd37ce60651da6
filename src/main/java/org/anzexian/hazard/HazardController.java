package org.anzexian.hazard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.export.Workbooks;
import org.anzexian.platform.files.FileStore;
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
@Tag(name = "隐患整改", description = "隐患查询、施工单位提交整改材料、服务机构复核销号（N8.8、N8.9）")
class HazardController {

    private final HazardService hazards;
    private final FileStore files;
    private final CurrentActor currentActor;
    private final Clock clock;

    HazardController(HazardService hazards, FileStore files, CurrentActor currentActor, Clock clock) {
        this.hazards = hazards;
        this.files = files;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    @GetMapping("/api/hazards")
    @Operation(summary = "隐患查询（分页、排序）：县级住建部门看本辖区，保险机构看本机构保单的，施工单位看本单位的，服务机构看由其复核的，市住建局看全部；"
            + "sort 可用 id、raisedAt、deadline、severity、status、county、projectId，如 sort=deadline,asc")
    PageResult<Hazard> list(@RequestParam(required = false) Long projectId, @RequestParam(required = false) String county,
            @RequestParam(required = false) HazardSeverity severity, @RequestParam(required = false) HazardStatus status,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return hazards.list(currentActor.require(), new HazardFilter(projectId, county, severity, status, overdue),
                ListQuery.of(page, size, sort, HazardService.sortFields()));
    }

    @GetMapping("/api/hazards.xlsx")
    @Operation(summary = "导出隐患（Excel）：筛选、排序与隐患查询相同，可见范围相同，全部符合条件的行（超过导出上限须缩小筛选范围）")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long projectId,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) HazardSeverity severity, @RequestParam(required = false) HazardStatus status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) List<String> sort) {
        List<HazardService.HazardRow> rows = hazards.export(currentActor.require(),
                new HazardFilter(projectId, county, severity, status, overdue), HazardService.sortFields().parse(sort));
        return Workbooks.download("hazards.xlsx", Workbooks.write("隐患", HazardSheet.COLUMNS, rows, clock.getZone()));
    }

    @GetMapping("/api/hazards/{id}")
    @Operation(summary = "查看隐患及其各轮整改、复核记录")
    Hazard get(@PathVariable long id) {
        return hazards.get(currentActor.require(), id);
    }

    @GetMapping("/api/hazards/{id}/context")
    @Operation(summary = "隐患及其项目、施工单位、复核机构和逾期情况（能查看该隐患者），供待办表单显示")
    HazardService.HazardContext context(@PathVariable long id) {
        return hazards.context(currentActor.require(), id);
    }

    @GetMapping("/api/hazards/{id}/files/{sha256}")
    @Operation(summary = "隐患照片及整改照片（能查看该隐患者）")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String sha256) {
        StoredFile file = hazards.file(currentActor.require(), id, sha256);
        return FileDownload.of(file, files.content(sha256));
    }

    @PostMapping("/api/hazards/{id}/evidence")
    @Operation(summary = "施工单位提交整改材料（说明及先经 /api/files 上传的照片），待办完成，转服务机构复核")
    Hazard submitEvidence(@PathVariable long id, @Valid @RequestBody HazardEvidence evidence) {
        return hazards.submitEvidence(currentActor.require(), id, evidence);
    }

    @PostMapping("/api/hazards/{id}/verification")
    @Operation(summary = "服务机构复核整改：通过则隐患销号；不通过须说明理由，退回施工单位按新期限重新整改")
    Hazard verify(@PathVariable long id, @Valid @RequestBody HazardVerdict verdict) {
        return hazards.verify(currentActor.require(), id, verdict);
    }
}
