package org.anzexian.platform.decision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anzexian.platform.access.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "决策记录", description = "哪个版本的决策表决定了一个案件（N9.3）")
class CaseDecisionController {

    private final CaseDecisions decisions;
    private final CurrentActor currentActor;

    CaseDecisionController(CaseDecisions decisions, CurrentActor currentActor) {
        this.decisions = decisions;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/decisions/cases/{processInstanceId}")
    @Operation(summary = "案件（流程实例）历史中的每次决策：决策表、版本、部署时间、输入和输出（流程管理员、市住建局、案件各环节的办理单位）")
    CaseDecisions.CaseDecision ofCase(@PathVariable String processInstanceId) {
        return decisions.of(currentActor.require(), processInstanceId);
    }
}
