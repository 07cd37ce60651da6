package org.anzexian.service.team;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Tag;

import java.util.LinkedHashMap;
import java.util.Map;
import org.anzexian.filing.serviceorg.TeamRole;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.InsuredProject;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.TasklistScript;
import org.anzexian.service.team.ServiceTeamRegistration.PreventionMember;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The insurer's clerk registers the service teams in the Tasklist (N6.2, N6.3, N8.1): the embedded form
 * shows the project and the policy, offers the service organization by name from the filed register and its
 * team from its filed roster (#12); it reaches the same checks as {@code /api}: a team without service staff
 * is refused with the task left open, and the complete team is recorded.
 */
@Tag("browser")
@AnzexianTest
class ServiceTeamRegistrationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ServiceTeamRegistrationService registrations;

    InsuredProjects insuredProjects;

    @BeforeEach
    void needsABrowser() {
        TasklistScript.requireBrowser();
        insuredProjects = new InsuredProjects(context);
    }

    @Test
    void theInsurerRegistersTheTeamsInTheTasklistAndAStrangerOnTheTeamIsRefused_N6_3_N8_1() {
        InsuredProject insured = insuredProjects.insured();
        Party serviceOrg = insuredProjects.filedServiceOrg();
        long policyId = insured.policy().id();
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(String.valueOf(policyId))
                .taskDefinitionKey(ServiceTeamRegistrationProcess.TASK_REGISTER_SERVICE_TEAM).singleResult();
        String clerk = insured.insurer().user();
        Map<String, String> form = new LinkedHashMap<>();
        // the insurer's own team as rows, one person each (#12)
        form.put("保险服务团队成员 1 姓名", "王保");
        form.put("保险服务团队成员 1 职责", "项目经理");
        form.put("保险服务团队成员 1 电话", "13800000000");
        form.put("@click", "添加保险服务团队成员");
        form.put("保险服务团队成员 2 姓名", "李险");
        form.put("保险服务团队成员 2 职责", "理赔专员");
        form.put("保险服务团队成员 2 电话", "13900000000");
        form.put("保险服务团队成员 2 邮箱（选填）", "lixian@insurer.example");
        // the organization by its name from the filed register, the team from its filed roster (#12)
        form.put("受托服务机构（已备案名录）", serviceOrg.name());
        form.put("机构技术负责人", InsuredProjects.TECHNICAL_LEAD + "（高级工程师）");
        form.put("项目负责人", InsuredProjects.PROJECT_LEAD + "（工程师）");
        String[] context = {"--expect-text", insured.project().name(), "--expect-text", insured.policy().policyNumber()};

        TasklistScript.Run refused = new TasklistScript(port).complete(clerk, clerk, task.getId(), form, context);

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.result().path("error").asText()).contains("服务人员");
        assertThat(registrations.require(policyId).status()).isEqualTo(RegistrationStatus.OPEN);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();

        InsuredProjects.SERVICE_STAFF.forEach(name -> form.put("服务人员：" + name, "true"));
        new TasklistScript(port).complete(clerk, clerk, task.getId(), form, context).assertOk();

        ServiceTeamRegistration registration = registrations.require(policyId);
        assertThat(registration.status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(registration.serviceOrgId()).isEqualTo(serviceOrg.id());
        assertThat(registration.registeredBy()).isEqualTo(clerk);
        assertThat(registration.insurerTeam()).extracting(member -> member.name() + "/" + member.duty() + "/"
                + member.phone() + "/" + member.email()).containsExactly("王保/项目经理/13800000000/null",
                "李险/理赔专员/13900000000/lixian@insurer.example");
        assertThat(registration.preventionTeam()).extracting(PreventionMember::name)
                .containsExactly(InsuredProjects.TECHNICAL_LEAD, InsuredProjects.PROJECT_LEAD, "员工丙", "员工戊");
        assertThat(registration.preventionTeam()).extracting(PreventionMember::role)
                .containsExactly(TeamRole.TECHNICAL_LEAD, TeamRole.PROJECT_LEAD, TeamRole.SERVICE_STAFF,
                        TeamRole.SERVICE_STAFF);
    }
}
