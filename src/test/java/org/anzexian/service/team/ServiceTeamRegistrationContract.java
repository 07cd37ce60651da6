package org.anzexian.service.team;

import org.anzexian.support.Processes;
import org.anzexian.support.ReceivedMails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.support.DueJobs;
import org.anzexian.support.TaskDeadlines;
import org.anzexian.support.TestSmtp;
import org.anzexian.filing.serviceorg.FiledServiceOrgs;
import org.anzexian.filing.serviceorg.FiledServiceOrgs.ServiceOrg;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.ParticipantRole;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectSubtype;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Process {@code serviceTeamRegistration} started as {@code policyUnderwriting} starts it (message
 * {@code PolicyIssued}), through {@code /api} and the engine (issue 4, N6.2, N6.3, N8.1, N8.3); H2 and PostgreSQL.
 */
@RecordApplicationEvents
abstract class ServiceTeamRegistrationContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final Actor ADMIN = new Actor("test", Set.of(PlatformGroups.ADMIN));
    private static final String CITY_MAIL = "city@demo.anzexian.local";
    private static final String COUNTY_MAIL = "xinfu@demo.anzexian.local";
    private static final String COUNTY = "140902";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    OrganizationService organizations;

    @Autowired
    ProjectService projects;

    @Autowired
    GroupDirectory groups;

    @Autowired
    IdentityService identityService;

    @Autowired
    FileStore files;

    @Autowired
    ServiceOrgFilingService serviceOrgFilings;

    @Autowired
    ServiceTeamRegistrationService registrations;

    @Autowired
    ApplicationEvents events;

    FiledServiceOrgs serviceOrgs;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        serviceOrgs = new FiledServiceOrgs(organizations, groups, files, serviceOrgFilings, engine.getManagementService());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- registration ---------------------------------------------------------------------------

    @Test
    void insurerRegistersTheTeamsAndTheBuilderAndServiceOrgAreToldAndTheScheduleIsSignalled_N6_2_N6_3_N8_1() throws Exception {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        ServiceOrg serviceOrg = serviceOrgs.filed(null);
        Project project = newProject(builder, List.of());
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, project, insurer);

        assertThat(instance).isWaitingAt(ServiceTeamRegistrationProcess.TASK_REGISTER_SERVICE_TEAM);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(insurer.group());
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ServiceTeamRegistrationProcess.VAR_CASE_SUMMARY))
                .isEqualTo("忻府区 · " + project.code() + " " + project.name() + " · 保单 " + policyId);
        // #12, N6.3: the task is due at the registration deadline (DMN registrationDeadline)
        TaskDeadlines.assertDueAt(engine, instance, ServiceTeamRegistrationProcess.TASK_REGISTER_SERVICE_TEAM,
                (Date) engine.getRuntimeService().getVariable(instance.getId(), ServiceTeamRegistrationProcess.VAR_DEADLINE_AT),
                new Actor(insurer.user(), Set.of(insurer.group())));
        ResponseEntity<JsonNode> response = register(insurer, policyId, complete(serviceOrg));

        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode registration = response.getBody();
        assertThat(registration.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(registration.get("late").asBoolean()).isFalse();
        assertThat(registration.get("serviceOrgId").asLong()).isEqualTo(serviceOrg.id());
        assertThat(registration.get("insurerTeam")).hasSize(1);
        assertThat(registration.get("preventionTeam")).hasSize(3);
        assertThat(registration.get("preventionTeam").get(1).get("role").asText()).isEqualTo("PROJECT_LEAD");

        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(ServiceTeamRegistrationProcess.TASK_ANNOUNCE_REGISTRATION)
                .hasPassed(ServiceTeamRegistrationProcess.END_TEAM_REGISTERED);
        assertThat(events.stream(ServiceTeamRegistered.class))
                .contains(new ServiceTeamRegistered(policyId, project.id(), serviceOrg.id()));
        assertThat((String) awaitMail(builder.email(), "服务团队已登记").getContent()).contains(serviceOrg.name()).contains("注册乙");
        awaitMail(serviceOrg.email(), "服务团队已登记：" + project.name());
        JsonNode seenByServiceOrg = http.withBasicAuth(serviceOrg.user(), serviceOrg.user())
                .getForEntity("/api/service-team-registrations/" + policyId, JsonNode.class).getBody();
        assertThat(seenByServiceOrg.get("policyId").asLong()).isEqualTo(policyId);
    }

    @Test
    void theProjectsSupervisionFirmCannotBeCommissionedAndTheTaskStaysOpen_N8_3() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        ServiceOrg supervisor = serviceOrgs.filed(null);
        Project project = newProject(builder,
                List.of(new NewProject.NewParticipant(ParticipantRole.SUPERVISION, supervisor.id(), null, null)));
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, project, insurer);

        ResponseEntity<JsonNode> refused = register(insurer, policyId, complete(supervisor));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("serviceOrgId").contains("监理单位「" + supervisor.name() + "」");
        assertUnchanged(insurer, policyId, instance);
    }

    @Test
    void aServiceOrgWhoseParentDesignsTheProjectIsRefusedNamingTheRelation_N8_3() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        Party designer = newParty(OrganizationType.PARTICIPANT, null);
        ServiceOrg subsidiary = serviceOrgs.filed(designer.id());
        Project project = newProject(builder,
                List.of(new NewProject.NewParticipant(ParticipantRole.DESIGN, designer.id(), null, null)));
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, project, insurer);

        ResponseEntity<JsonNode> refused = register(insurer, policyId, complete(subsidiary));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("上级单位「" + designer.name() + "」").contains("设计单位");
        assertUnchanged(insurer, policyId, instance);
    }

    @Test
    void aTeamWithoutProjectLeadOrWithAnUnfiledPersonIsRefusedNamingWhatIsMissing_N8_1() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        ServiceOrg serviceOrg = serviceOrgs.filed(null);
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, newProject(builder, List.of()), insurer);
        ServiceTeamRequest full = complete(serviceOrg);

        ResponseEntity<JsonNode> noLead = register(insurer, policyId, new ServiceTeamRequest(full.insurerTeam(),
                full.serviceOrgId(), full.technicalLead(), " ", full.serviceStaff()));
        ResponseEntity<JsonNode> stranger = register(insurer, policyId, new ServiceTeamRequest(full.insurerTeam(),
                full.serviceOrgId(), full.technicalLead(), full.projectLead(), List.of("员工丙", "路人甲")));
        ResponseEntity<JsonNode> noStaff = register(insurer, policyId, new ServiceTeamRequest(full.insurerTeam(),
                full.serviceOrgId(), full.technicalLead(), full.projectLead(), List.of()));

        assertThat(noLead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noLead.getBody().toString()).contains("projectLead");
        assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(stranger.getBody().toString()).contains("serviceStaff[1]").contains("路人甲").contains("备案人员");
        assertThat(noStaff.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noStaff.getBody().toString()).contains("serviceStaff");
        assertUnchanged(insurer, policyId, instance);
    }

    @Test
    void aServiceOrgNotInTheRegisterOfFiledOrganizationsIsRefused_N6_2() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        ServiceOrg unfiled = serviceOrgs.registered(null);
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, newProject(builder, List.of()), insurer);

        ResponseEntity<JsonNode> refused = register(insurer, policyId, complete(unfiled));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("serviceOrgId").contains("已备案");
        assertUnchanged(insurer, policyId, instance);
    }

    @Test
    void theTasklistFormRegistersTheTeamsWithTheSameChecks_N8_1() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        ServiceOrg serviceOrg = serviceOrgs.filed(null);
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, newProject(builder, List.of()), insurer);
        String taskId = BpmnAwareTests.task(instance).getId();
        Map<String, Object> form = new HashMap<>(Map.of("serviceOrgId", serviceOrg.id(), "technicalLead", "高工甲",
                "projectLead", "注册乙", "serviceStaffLines", "员工丙\n员工戊"));
        form.putAll(Map.of("insurerMember1Name", "王保", "insurerMember1Duty", "项目经理", "insurerMember1Phone", "13800000000",
                "insurerMember2Name", "李险", "insurerMember2Duty", "理赔专员", "insurerMember2Phone", "13900000000",
                "insurerMember2Email", "lixian@insurer.example"));

        // #12: every problem of every row of the insurer's team at once, each naming its row
        Map<String, Object> badRows = new HashMap<>(form);
        badRows.remove("insurerMember1Phone");
        badRows.putAll(Map.of("insurerMember3Name", "张三", "insurerMember3Email", "不是邮箱"));
        assertThatThrownBy(() -> completeAs(insurer, taskId, badRows))
                .hasMessageContaining("保险服务团队成员 1：必须填写联系电话")
                .hasMessageContaining("保险服务团队成员 3：必须填写职责")
                .hasMessageContaining("保险服务团队成员 3：必须填写联系电话")
                .hasMessageContaining("保险服务团队成员 3：电子邮箱格式不正确");
        assertUnchanged(insurer, policyId, instance);

        Map<String, Object> withoutTechnicalLead = new HashMap<>(form);
        withoutTechnicalLead.remove("technicalLead");
        assertThatThrownBy(() -> completeAs(insurer, taskId, withoutTechnicalLead)).hasMessageContaining("技术负责人");
        assertUnchanged(insurer, policyId, instance);

        completeAs(insurer, taskId, form);

        ServiceTeamRegistration registration = registrations.require(policyId);
        assertThat(registration.status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(registration.registeredBy()).isEqualTo(insurer.user());
        assertThat(registration.insurerTeam()).extracting(InsurerMember::name).containsExactly("王保", "李险");
        assertThat(registration.insurerTeam()).extracting(InsurerMember::email).containsExactly(null, "lixian@insurer.example");
        assertThat(registration.preventionTeam()).hasSize(4);
        assertThat(instance).isWaitingAt(ServiceTeamRegistrationProcess.TASK_ANNOUNCE_REGISTRATION);
    }

    private void completeAs(Party party, String taskId, Map<String, Object> variables) {
        identityService.setAuthentication(party.user(), List.of(party.group()));
        try {
            engine.getFormService().submitTaskForm(taskId, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    // --- deadline ---------------------------------------------------------------------------------

    @Test
    void remindersAtDay21And28ThenAtTheDeadlineTheRegistrationIsOverdueAndTheCountyFollowsUp_N6_3() throws Exception {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        long policyId = newPolicyId();
        Project project = newProject(builder, List.of());
        Date issuedAt = ClockUtil.getCurrentTime();
        ProcessInstance instance = policyIssued(policyId, project, insurer);

        moveClock(issuedAt, Duration.ofDays(20));
        assertThat(DueJobs.of(engine, instance)).isEmpty();
        moveClock(issuedAt, Duration.ofDays(21).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(instance).hasPassed(ServiceTeamRegistrationProcess.TASK_FIRST_REMINDER)
                .hasNotPassed(ServiceTeamRegistrationProcess.TASK_SECOND_REMINDER);
        assertThat((String) awaitMail(insurer.email(), "服务团队登记提醒：" + project.name()).getContent())
                .contains(String.valueOf(policyId));

        moveClock(issuedAt, Duration.ofDays(28).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(instance).hasPassed(ServiceTeamRegistrationProcess.TASK_SECOND_REMINDER)
                .hasNotPassed(ServiceTeamRegistrationProcess.TASK_MARK_OVERDUE);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails(insurer.email(), "服务团队登记提醒").size() == 2);

        moveClock(issuedAt, Duration.ofDays(31).plusMinutes(1));
        DueJobs.run(engine, instance);
        assertThat(instance).hasPassed(ServiceTeamRegistrationProcess.TASK_MARK_OVERDUE);
        ServiceTeamRegistration overdue = registrations.require(policyId);
        assertThat(overdue.status()).isEqualTo(RegistrationStatus.OVERDUE);
        assertThat(overdue.late()).isTrue();
        awaitMail(COUNTY_MAIL, "服务团队逾期未登记：" + project.name());
        awaitMail(CITY_MAIL, "服务团队逾期未登记：" + project.name());
        assertThat(tasksOfGroup(PlatformGroups.county(COUNTY), instance))
                .containsExactly(ServiceTeamRegistrationProcess.TASK_FOLLOW_UP_OVERDUE);
        // #12: the county's follow-up is due anzexian.service-team.follow-up-within (P7D) after it opened
        TaskDeadlines.assertDueAfterCreation(engine, instance, ServiceTeamRegistrationProcess.TASK_FOLLOW_UP_OVERDUE,
                Duration.ofDays(7), new Actor("xinfu", Set.of(PlatformGroups.county(COUNTY))));
        JsonNode followUp = http.withBasicAuth("xinfu", "xinfu")
                .getForEntity("/api/service-team-registrations/" + policyId + "/context", JsonNode.class).getBody();
        assertThat(followUp.path("projectName").asText()).isEqualTo(project.name());
        assertThat(followUp.path("insurerName").asText()).isEqualTo(insurer.name());
        assertThat(followUp.path("lateness").asText()).as(followUp.toString() + " at " + ClockUtil.getCurrentTime()).startsWith("已逾期 ");
        assertThat(tasksOfGroup(insurer.group(), instance))
                .containsExactly(ServiceTeamRegistrationProcess.TASK_REGISTER_SERVICE_TEAM);
        assertThat(mails(insurer.email(), "服务团队登记提醒")).hasSize(2);

        ServiceOrg serviceOrg = serviceOrgs.filed(null);
        assertThat(register(insurer, policyId, complete(serviceOrg)).getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);
        assertThat(instance).isEnded();
        assertThat(registrations.require(policyId).late()).as("late registration stays marked").isTrue();
    }

    // --- access -----------------------------------------------------------------------------------

    @Test
    void anotherInsurerNeitherSeesNorRegistersTheRegistrationButTheCountyAndCitySeeIt() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party other = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        long policyId = newPolicyId();
        ProcessInstance instance = policyIssued(policyId, newProject(builder, List.of()), insurer);

        assertThat(http.withBasicAuth(other.user(), other.user()).getForEntity(
                "/api/service-team-registrations/" + policyId, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(other.user(), other.user()).getForEntity(
                "/api/service-team-registrations", JsonNode.class).getBody().path("items")).isEmpty();
        assertThat(register(other, policyId, complete(serviceOrgs.registered(null))).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(tasksVisibleTo(other, instance)).isZero();
        assertThat(tasksVisibleTo(insurer, instance)).isOne();

        JsonNode own = http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/service-team-registrations", JsonNode.class).getBody().path("items");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("policyId").asLong()).isEqualTo(policyId);
        for (String bureau : List.of("xinfu", "city")) {
            assertThat(http.withBasicAuth(bureau, bureau).getForEntity("/api/service-team-registrations/" + policyId,
                    String.class).getStatusCode()).as(bureau).isEqualTo(HttpStatus.OK);
        }
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/service-team-registrations/" + policyId,
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theRegistrationFormReadsTheFiledRosterAsAnInsurerButOthersDoNot_N8_1_N8_6() {
        Party insurer = newParty(OrganizationType.INSURER, null);
        Party builder = newParty(OrganizationType.CONSTRUCTION_UNIT, null);
        ServiceOrg serviceOrg = serviceOrgs.filed(null);
        String roster = "/api/service-orgs/" + serviceOrg.id() + "/roster";

        ResponseEntity<JsonNode> byInsurer = http.withBasicAuth(insurer.user(), insurer.user()).getForEntity(roster, JsonNode.class);
        assertThat(byInsurer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(byInsurer.getBody().findValuesAsText("name")).containsExactlyInAnyOrderElementsOf(FiledServiceOrgs.ROSTER);
        assertThat(http.withBasicAuth(serviceOrg.user(), serviceOrg.user()).getForEntity(roster, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("city", "city").getForEntity(roster, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth(builder.user(), builder.user()).getForEntity(roster, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("xinfu", "xinfu").getForEntity(roster, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(roster, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(insurer.user(), insurer.user())
                .getForEntity("/api/service-orgs/" + builder.id() + "/roster", JsonNode.class).getStatusCode())
                .as("not in the register").isEqualTo(HttpStatus.NOT_FOUND);

        long policyId = newPolicyId();
        policyIssued(policyId, newProject(builder, List.of()), insurer);
        String context = "/api/service-team-registrations/" + policyId + "/context";
        assertThat(http.withBasicAuth(insurer.user(), insurer.user()).getForEntity(context, JsonNode.class).getBody()
                .path("lateness").asText()).isEmpty();
        Party other = newParty(OrganizationType.INSURER, null);
        assertThat(http.withBasicAuth(other.user(), other.user()).getForEntity(context, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity(context, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    // --- fixtures ---------------------------------------------------------------------------------

    record Party(long id, String name, String group, String user, String email) {
    }

    Party newParty(OrganizationType type, Long parentId) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Organization organization = organizations.register(ADMIN, new NewOrganization(type, type.label() + suffix,
                CreditCode.withCheckCharacter("91140900MA" + digits(7)), parentId, "负责人", null, null, COUNTY, null));
        String user = "u" + suffix;
        groups.ensureUser(user, "员", "测", user + "@example.test", user);
        groups.ensureMembership(user, organization.groupId());
        return new Party(organization.id(), organization.name(), organization.groupId(), user, user + "@example.test");
    }

    Project newProject(Party builder, List<NewProject.NewParticipant> participants) {
        String suffix = digits(8);
        return projects.register(ADMIN, new NewProject("ST-" + suffix, "服务团队测试工程" + suffix, "忻州市忻府区测试路 1 号",
                COUNTY, ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, new BigDecimal("12000000.00"),
                LocalDate.now(), LocalDate.now().plusYears(1), PermitStatus.APPLIED, builder.id(), "HT-" + suffix,
                List.of(), List.of(), participants));
    }

    private static long newPolicyId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    /** Exactly what {@code policyUnderwriting} sends when it issues a policy. */
    private ProcessInstance policyIssued(long policyId, Project project, Party insurer) {
        return engine.getRuntimeService().createMessageCorrelation(ServiceTeamRegistrationProcess.MESSAGE_POLICY_ISSUED)
                .processInstanceBusinessKey(String.valueOf(policyId))
                .setVariable(ServiceTeamRegistrationProcess.VAR_POLICY_ID, policyId)
                .setVariable(ServiceTeamRegistrationProcess.VAR_PROJECT_ID, project.id())
                .setVariable(ServiceTeamRegistrationProcess.VAR_INSURER_ORG_ID, insurer.id())
                .setVariable(ServiceTeamRegistrationProcess.VAR_POLICY_ISSUED_AT, ClockUtil.getCurrentTime())
                .correlateStartMessage();
    }

    private static ServiceTeamRequest complete(ServiceOrg serviceOrg) {
        return new ServiceTeamRequest(List.of(new InsurerMember("王保", "项目经理", "13800000000", null)),
                serviceOrg.id(), FiledServiceOrgs.ROSTER.get(0), FiledServiceOrgs.ROSTER.get(1),
                List.of(FiledServiceOrgs.ROSTER.get(3)));
    }

    private ResponseEntity<JsonNode> register(Party insurer, long policyId, ServiceTeamRequest request) {
        return http.withBasicAuth(insurer.user(), insurer.user()).exchange("/api/service-team-registrations/" + policyId,
                HttpMethod.POST, new HttpEntity<>(request), JsonNode.class);
    }

    /** A refused registration changed nothing: still open, no team, the insurer's task still there. */
    private void assertUnchanged(Party insurer, long policyId, ProcessInstance instance) {
        ServiceTeamRegistration registration = registrations.require(policyId);
        assertThat(registration.status()).isEqualTo(RegistrationStatus.OPEN);
        assertThat(registration.serviceOrgId()).isNull();
        assertThat(registration.insurerTeam()).isEmpty();
        assertThat(registration.preventionTeam()).isEmpty();
        assertThat(instance).isWaitingAt(ServiceTeamRegistrationProcess.TASK_REGISTER_SERVICE_TEAM);
        assertThat(tasksVisibleTo(insurer, instance)).isOne();
    }

    private long tasksVisibleTo(Party party, ProcessInstance instance) {
        identityService.setAuthentication(party.user(), List.of(party.group()));
        try {
            return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> tasksOfGroup(String group, ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskCandidateGroup(group)
                .list().stream().map(task -> task.getTaskDefinitionKey()).toList();
    }

    private static void moveClock(Date from, Duration by) {
        Processes.moveClock(from, by);
    }

    private static MimeMessage awaitMail(String recipient, String subjectPart) {
        return ReceivedMails.await(smtp, recipient, subjectPart);
    }

    private static List<MimeMessage> mails(String recipient, String subjectPart) {
        return ReceivedMails.of(smtp, recipient, subjectPart);
    }

    private static String digits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
