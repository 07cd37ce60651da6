package org.anzexian.service.team;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.anzexian.platform.access.CurrentActor;
import org.anzexian.platform.web.ListQuery;
import org.anzexian.platform.web.MemorySort;
import org.anzexian.platform.web.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "服务团队登记", description = "保单签发后一个月内登记保险服务团队、受托服务机构及项目预防服务团队（N6.2、N6.3、N8.1、N8.3）")
class ServiceTeamRegistrationController {

    private final ServiceTeamRegistrationService registrations;
    private final CurrentActor currentActor;

    ServiceTeamRegistrationController(ServiceTeamRegistrationService registrations, CurrentActor currentActor) {
        this.registrations = registrations;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/service-team-registrations")
    @Operation(summary = "登记列表：保险机构看本机构的，县级住建部门看本辖区，市住建局看全部，服务机构看委托本机构的")
    PageResult<ServiceTeamRegistration> list(@RequestParam(required = false) RegistrationStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + ListQuery.DEFAULT_SIZE) int size,
            @RequestParam(required = false) List<String> sort) {
        return SORT.page(registrations.list(currentActor.require(), status), page, size, sort);
    }

    /** sort: id, deadlineAt, registeredAt, policyIssuedAt, status, county. */
    private static final MemorySort<ServiceTeamRegistration> SORT = MemorySort
            .byId(ServiceTeamRegistration::id, "deadlineAt", "asc")
            .by("deadlineAt", ServiceTeamRegistration::deadlineAt)
            .by("registeredAt", ServiceTeamRegistration::registeredAt)
            .by("policyIssuedAt", ServiceTeamRegistration::policyIssuedAt)
            .by("status", registration -> registration.status().name())
            .by("county", ServiceTeamRegistration::jurisdictionCode);

    @GetMapping("/api/service-orgs/{orgId}/roster")
    @Operation(summary = "已备案服务机构的备案人员（保险机构、该机构、市住建局），供登记服务团队时选择")
    List<ServiceTeamRegistrationService.RosterMember> roster(@PathVariable long orgId) {
        return registrations.roster(currentActor.require(), orgId);
    }

    @GetMapping("/api/service-team-registrations/{policyId}/context")
    @Operation(summary = "某保单的服务团队登记及其项目、保单号、保险机构（能查看该登记者），供待办表单显示")
    ServiceTeamRegistrationService.RegistrationContext context(@PathVariable long policyId) {
        return registrations.context(currentActor.require(), policyId);
    }

    @GetMapping("/api/service-team-registrations/{policyId}")
    @Operation(summary = "查看某保单的服务团队登记")
    ServiceTeamRegistration get(@PathVariable long policyId) {
        return registrations.get(currentActor.require(), policyId);
    }

    @PostMapping("/api/service-team-registrations/{policyId}")
    @Operation(summary = "登记服务团队（承保的保险机构）；不符合条件的登记被拒绝并说明原因，待办保持")
    ServiceTeamRegistration submit(@PathVariable long policyId, @Valid @RequestBody ServiceTeamRequest request) {
        return registrations.submit(currentActor.require(), policyId, request);
    }

    @PutMapping("/api/service-team-registrations/{policyId}")
    @Operation(summary = "同 POST：登记服务团队")
    ServiceTeamRegistration put(@PathVariable long policyId, @Valid @RequestBody ServiceTeamRequest request) {
        return registrations.submit(currentActor.require(), policyId, request);
    }
}
