package org.anzexian.supervision.archive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.supervision.archive.ProjectArchiveService.ProjectArchive;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "服务档案", description = "项目服务档案：只增不改，逐条哈希链接，可校验完整性（N6.4）")
class ArchiveController {

    private final ProjectArchiveService archives;
    private final CurrentActor currentActor;

    ArchiveController(ProjectArchiveService archives, CurrentActor currentActor) {
        this.archives = archives;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/projects/{projectId}/archive")
    @Operation(summary = "项目服务档案的全部记录（按顺序）及哈希链校验结果")
    ProjectArchive read(@PathVariable long projectId) {
        return archives.read(currentActor.require(), projectId);
    }
}
