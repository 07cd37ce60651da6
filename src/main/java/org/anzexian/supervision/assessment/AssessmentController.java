package org.anzexian.supervision.assessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.platform.web.PageResult;
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
    @Operation(summary = "考核结果，最新考核期在前：市住建局看全部，保险机构和服务机构看本机构的")
    PageResult<Assessment> list(@RequestParam(required = false) Long organizationId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return assessments.list(currentActor.require(), organizationId, new PageQuery(page, size));
    }

    @GetMapping("/api/assessments/{id}")
    @Operation(summary = "一条考核结果及各项指标和对应的案件（如 visit:12、claim:7）")
    Assessment get(@PathVariable long id) {
        return assessments.get(currentActor.require(), id);
    }
}
