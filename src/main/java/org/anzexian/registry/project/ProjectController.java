package org.anzexian.registry.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
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
@RequestMapping("/api/projects")
@Tag(name = "项目", description = "工程项目、施工合同、联合体、分包及其他参建单位")
class ProjectController {

    private final ProjectService projects;
    private final CurrentActor currentActor;

    ProjectController(ProjectService projects, CurrentActor currentActor) {
        this.projects = projects;
        this.currentActor = currentActor;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记项目（市住建局、所在地住建部门、施工单位或管理员）")
    Project register(@Valid @RequestBody NewProject request) {
        return projects.register(currentActor.require(), request);
    }

    @GetMapping("/{id}")
    @Operation(summary = "按 id 查询项目")
    Project get(@PathVariable long id) {
        return projects.get(currentActor.require(), id);
    }

    @GetMapping("/code/{code}")
    @Operation(summary = "按项目编号查询项目")
    Project getByCode(@PathVariable String code) {
        return projects.getByCode(currentActor.require(), code);
    }

    @GetMapping
    @Operation(summary = "分页查询本人可见的项目（sort：id、code、name、county、contractAmount、contractStart、permitStatus）")
    PageResult<Project> list(
            @RequestParam(required = false) String jurisdictionCode,
            @RequestParam(required = false) ProjectCategory category,
            @RequestParam(required = false) PermitStatus permitStatus,
            @Parameter(description = "施工单位 id") @RequestParam(required = false) Long constructionUnitId,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return projects.list(currentActor.require(),
                new ProjectFilter(jurisdictionCode, category, permitStatus, constructionUnitId),
                ListQuery.of(page, size, sort, ProjectService.sortFields()));
    }
}
