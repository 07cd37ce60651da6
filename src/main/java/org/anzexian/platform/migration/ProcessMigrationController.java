package org.anzexian.platform.migration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "流程迁移", description = "把运行中的实例迁移到修订后的流程版本（流程管理员）")
class ProcessMigrationController {

    private final ProcessMigrations migrations;
    private final ModelChanges changes;
    private final ModelRevisions revisions;
    private final CurrentActor currentActor;

    ProcessMigrationController(ProcessMigrations migrations, ModelChanges changes, ModelRevisions revisions,
            CurrentActor currentActor) {
        this.migrations = migrations;
        this.changes = changes;
        this.revisions = revisions;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/model-revisions")
    @Operation(summary = "用户部署的模型修订，最新的在前（流程管理员、市住建局）：部署人、时间、原因、资源、上线的流程和决策版本")
    PageResult<ModelRevision> revisions(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return revisions.list(currentActor.require(), ListQuery.of(page, size, sort, ModelRevisions.SORT));
    }

    @GetMapping("/api/model-changes/processes/{processKey}")
    @Operation(summary = "两个流程版本的差异（默认：上一版本与最新版本）：新增、删除、修改的元素及其名称、定时器、候选组、表单、委托、条件")
    ModelChanges.Comparison processChanges(@PathVariable String processKey,
            @RequestParam(required = false) Integer fromVersion, @RequestParam(required = false) Integer toVersion) {
        return changes.process(currentActor.require(), processKey, fromVersion, toVersion);
    }

    @GetMapping("/api/model-changes/decisions/{decisionKey}")
    @Operation(summary = "两个决策版本的差异（默认：上一版本与最新版本）：新增、删除、修改的规则")
    ModelChanges.Comparison decisionChanges(@PathVariable String decisionKey,
            @RequestParam(required = false) Integer fromVersion, @RequestParam(required = false) Integer toVersion) {
        return changes.decision(currentActor.require(), decisionKey, fromVersion, toVersion);
    }

    @GetMapping("/api/process-migrations/{processKey}/dry-run")
    @Operation(summary = "迁移预演：每个旧版本的运行中实例、按编号对应的活动、新版本中已没有的活动及停在那里的实例、保留或重建的定时器")
    MigrationReport dryRun(@PathVariable String processKey, @RequestParam(required = false) Integer targetVersion) {
        return migrations.dryRun(currentActor.require(), processKey, targetVersion);
    }

    @PostMapping("/api/process-migrations/{processKey}")
    @Operation(summary = "迁移所选实例（引擎批处理）；有实例停在新版本已没有的活动且未指定映射时拒绝")
    MigrationOutcome migrate(@PathVariable String processKey, @RequestBody MigrationRequest request) {
        return migrations.migrate(currentActor.require(), processKey, request);
    }
}
