package org.anzexian.filing.serviceorg;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.MemorySort;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "服务机构备案", description = "第三方技术服务机构资质备案（N7.1–N7.5）及已备案机构名录")
class ServiceOrgFilingController {

    private final ServiceOrgFilingService filings;
    private final CurrentActor currentActor;

    ServiceOrgFilingController(ServiceOrgFilingService filings, CurrentActor currentActor) {
        this.filings = filings;
        this.currentActor = currentActor;
    }

    record Review(@NotNull(message = "必须选择审核结论 (required)") ReviewDecision decision, String reason) {
    }

    @PostMapping("/api/service-org-filings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交备案（本机构人员）；自动核验结果随即返回")
    ServiceOrgFiling submit(@Valid @RequestBody ServiceOrgFilingRequest request) {
        return filings.submit(currentActor.require(), request);
    }

    @GetMapping("/api/service-org-filings")
    @Operation(summary = "备案列表：本机构的备案；市住建局和管理员看全部")
    PageResult<ServiceOrgFiling> list(@RequestParam(required = false) FilingStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return FILING_SORT.page(filings.list(currentActor.require(), status), page, size, sort);
    }

    /** sort: id, submittedAt, status, filingNumber. */
    private static final MemorySort<ServiceOrgFiling> FILING_SORT = MemorySort
            .byId(ServiceOrgFiling::id, "submittedAt", "desc")
            .by("submittedAt", ServiceOrgFiling::submittedAt)
            .by("status", filing -> filing.status().name())
            .by("filingNumber", ServiceOrgFiling::filingNumber);

    /** sort: id (the organization's), name, filingNumber, filedAt, teamSize. */
    private static final MemorySort<RegisteredServiceOrg> REGISTER_SORT = MemorySort
            .byId(RegisteredServiceOrg::organizationId, "name", "asc")
            .by("name", RegisteredServiceOrg::name)
            .by("filingNumber", RegisteredServiceOrg::filingNumber)
            .by("filedAt", RegisteredServiceOrg::filedAt)
            .by("teamSize", RegisteredServiceOrg::teamSize);

    @GetMapping("/api/service-org-filings/{id}")
    @Operation(summary = "查看备案及最近一轮核验结果")
    ServiceOrgFiling get(@PathVariable long id) {
        return filings.get(currentActor.require(), id);
    }

    @PutMapping("/api/service-org-filings/{id}")
    @Operation(summary = "补正备案内容（待补正时，本机构人员）")
    ServiceOrgFiling update(@PathVariable long id, @Valid @RequestBody ServiceOrgFilingRequest request) {
        return filings.update(currentActor.require(), id, request);
    }

    @PostMapping("/api/service-org-filings/{id}/resubmit")
    @Operation(summary = "补正后重新提交，重新核验")
    ServiceOrgFiling resubmit(@PathVariable long id) {
        return filings.resubmit(currentActor.require(), id);
    }

    @PostMapping("/api/service-org-filings/{id}/withdraw")
    @Operation(summary = "撤回备案")
    ServiceOrgFiling withdraw(@PathVariable long id) {
        return filings.withdraw(currentActor.require(), id);
    }

    @PostMapping("/api/service-org-filings/{id}/review")
    @Operation(summary = "审核（市住建局）：准予、不予（须说明理由）或要求补充材料")
    ServiceOrgFiling review(@PathVariable long id, @Valid @RequestBody Review review) {
        return filings.review(currentActor.require(), id, review.decision(), review.reason());
    }

    @GetMapping("/api/service-orgs")
    @Operation(summary = "已备案的第三方技术服务机构名录（任一登录用户），供保险机构选择；分页、排序（sort：name、filingNumber、filedAt、teamSize、id）")
    PageResult<RegisteredServiceOrg> register(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        currentActor.require();
        return REGISTER_SORT.page(filings.register(), page, size, sort);
    }
}
