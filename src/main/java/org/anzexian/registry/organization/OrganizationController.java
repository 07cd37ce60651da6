package org.anzexian.registry.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.NotFoundException;
import org.anzexian.platform.web.PageResult;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "单位", description = "保险机构、服务机构、施工单位、主管部门及其他参建单位的登记")
class OrganizationController {

    private final OrganizationService organizations;
    private final CurrentActor currentActor;

    OrganizationController(OrganizationService organizations, CurrentActor currentActor) {
        this.organizations = organizations;
        this.currentActor = currentActor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记单位（市住建局或管理员），同时创建其用户组")
    Organization register(@Valid @RequestBody NewOrganization request) {
        return organizations.register(currentActor.require(), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "按 id 查询单位")
    Organization get(@PathVariable long id) {
        return organizations.require(id);
    }

    @GetMapping("/credit-code/{creditCode}")
    @Operation(summary = "按统一社会信用代码查询单位")
    Organization getByCreditCode(@PathVariable String creditCode) {
        return organizations.findByCreditCode(creditCode)
                .orElseThrow(() -> new NotFoundException("单位不存在 (no such organization): " + creditCode));
    }

    @GetMapping
    @Operation(summary = "分页查询单位（sort：id、name、type、creditCode、county）")
    PageResult<Organization> list(
            @RequestParam(required = false) OrganizationType type,
            @Parameter(description = "名称包含") @RequestParam(required = false) String name,
            @RequestParam(required = false) String jurisdictionCode,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return organizations.list(new OrganizationFilter(type, name, jurisdictionCode),
                ListQuery.of(page, size, sort, OrganizationService.sortFields()));
    }
}
