package org.anzexian.supervision.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anzexian.platform.access.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "概览", description = "门户概览的各项统计（N9.1、N9.2），与 /portal 页面相同，按用户权限范围统计")
class DashboardApiController {

    private final DashboardService dashboards;
    private final CurrentActor currentActor;

    DashboardApiController(DashboardService dashboards, CurrentActor currentActor) {
        this.dashboards = dashboards;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/dashboard")
    @Operation(summary = "概览统计：投保率与未投保项目、未销号及逾期隐患（按等级、区县）、隐患销号率与用时、"
            + "各服务机构巡查服务、各保险机构理赔及超时、最新考核排名；每个数字附其清单链接。市住建局看全市，"
            + "县区主管部门看本辖区（指定其他区县返回 403），保险机构、服务机构、施工单位看本单位的")
    Dashboard dashboard(@Parameter(description = "只统计该区县（辖区代码，如 140902）") @RequestParam(required = false)
            String county) {
        return dashboards.of(currentActor.require(), county);
    }
}
