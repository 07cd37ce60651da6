package org.anzexian.filing.insurer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.MemorySort;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "保险机构展业告知备案", description = "备案提交、补正、审核结果、备案名录（N3、N4.1、N5）")
class InsurerFilingController {

    private final InsurerFilingService filings;
    private final LicenseChangeService licenseChanges;
    private final CurrentActor currentActor;

    InsurerFilingController(InsurerFilingService filings, LicenseChangeService licenseChanges, CurrentActor currentActor) {
        this.filings = filings;
        this.licenseChanges = licenseChanges;
        this.currentActor = currentActor;
    }

    @PostMapping("/api/insurer-filings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交展业告知备案（保险机构工作人员），随即自动核验；应答含各项核验结果")
    InsurerFiling submit(@Valid @RequestBody InsurerFilingData data) {
        return filings.submit(currentActor.require(), data);
    }

    @GetMapping("/api/insurer-filings")
    @Operation(summary = "备案列表：保险机构只见本机构的，市住建局见全部（sort：id、status、filingNumber、branchName、insurerId）")
    PageResult<InsurerFiling> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return filings.list(currentActor.require(), ListQuery.of(page, size, sort, InsurerFilingService.sortFields()));
    }

    @GetMapping("/api/insurer-filings/{id}")
    @Operation(summary = "备案详情，含最近一轮核验结果和审核记录")
    InsurerFiling get(@PathVariable long id) {
        return filings.get(currentActor.require(), id);
    }

    @PutMapping("/api/insurer-filings/{id}")
    @Operation(summary = "补正备案材料（仅待补正时）；随后在任务“补正备案材料”中重新提交")
    InsurerFiling correct(@PathVariable long id, @Valid @RequestBody InsurerFilingData data) {
        return filings.correct(currentActor.require(), id, data);
    }

    /**
     * The door that once rewrote a filing's licences without review (#11, finding 5): gone. Licences
     * change only through a reviewed change, so the request is answered 410 and changes nothing.
     */
    @PutMapping("/api/insurer-filings/{id}/licenses")
    @Operation(summary = "已停用：证照变更须经市住建局审核，请改用 POST /api/insurer-filings/{id}/license-changes（应答 410）")
    ResponseEntity<ApiError> updateLicensesGone(@PathVariable long id) {
        String message = "证照不能直接修改：请通过 POST /api/insurer-filings/" + id + "/license-changes 申请变更，经市住建局审核后生效"
                + " (licences change only through a reviewed licence change)";
        return ResponseEntity.status(HttpStatus.GONE)
                .body(ApiError.of(HttpStatus.GONE, message, List.of()));
    }

    @PostMapping("/api/insurer-filings/{id}/license-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请变更营业执照和保险许可证（该保险机构工作人员，已备案或已暂停的备案）；市住建局审核通过前备案证照不变")
    LicenseChange proposeLicenseChange(@PathVariable long id, @Valid @RequestBody LicenseUpdate proposed) {
        return licenseChanges.propose(currentActor.require(), id, proposed);
    }

    @GetMapping("/api/insurer-filings/{id}/license-changes")
    @Operation(summary = "备案的全部证照变更记录：申请人、时间、变更前后证照、审核结论、审核人和理由")
    List<LicenseChange> licenseChanges(@PathVariable long id) {
        return licenseChanges.list(currentActor.require(), id);
    }

    @PostMapping("/api/insurer-filings/{id}/reinstate")
    @Operation(summary = "恢复已暂停的备案（市住建局），须证照有效且未列入失信名单")
    InsurerFiling reinstate(@PathVariable long id) {
        return filings.reinstate(currentActor.require(), id);
    }

    @GetMapping("/api/insurers")
    @Operation(summary = "已备案保险机构名录（所有登录用户）；分页、排序（sort：name、filingNumber、filedAt、status、id）")
    PageResult<InsurerRegisterEntry> register(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        currentActor.require();
        return REGISTER_SORT.page(filings.register(), page, size, sort);
    }

    private static final MemorySort<InsurerRegisterEntry> REGISTER_SORT = MemorySort
            .byId(InsurerRegisterEntry::organizationId, "name", "asc")
            .by("name", InsurerRegisterEntry::name)
            .by("filingNumber", InsurerRegisterEntry::filingNumber)
            .by("filedAt", InsurerRegisterEntry::filedAt)
            .by("status", entry -> entry.status().name());

    @GetMapping("/api/insurers/{orgId}")
    @Operation(summary = "某保险机构的备案情况（已备案或已暂停）")
    InsurerRegisterEntry registerEntry(@PathVariable long orgId) {
        currentActor.require();
        return filings.registerEntry(orgId);
    }
}
