package org.anzexian.filing.serviceorg;

import org.anzexian.support.EngineDoors;
import org.anzexian.support.PagedLists;
import org.anzexian.support.SampleFiles;
import org.anzexian.filing.FilingStatus;
import org.anzexian.support.Processes;
import org.anzexian.support.TaskDeadlines;
import org.anzexian.filing.FilingProperties;
import org.anzexian.support.ReceivedMails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
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
import org.anzexian.support.TestSmtp;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.TeamMember;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
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

/** Process {@code serviceOrgFiling} through {@code /api} and the engine (issue 3, N7.1–N7.5); H2 and PostgreSQL. */
abstract class ServiceOrgFilingContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final Actor ADMIN = new Actor("test", Set.of(PlatformGroups.ADMIN));
    private static final String CITY_MAIL = "city@demo.anzexian.local";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    OrganizationService organizations;

    @Autowired
    GroupDirectory groups;

    @Autowired
    IdentityService identityService;

    @Autowired
    FileStore files;

    @Autowired
    CreditListService creditLists;

    @Autowired
    ServiceOrgFilingService filings;

    @Autowired
    FilingProperties settings;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // --- happy path, register, mails -----------------------------------------------------------

    @Test
    void eligibleFilingIsReviewedApprovedNumberedAndListedInTheRegister_N7() throws Exception {
        ServiceOrg org = newServiceOrg();

        JsonNode filing = submit(org, eligible(org)).getBody();

        assertThat(filing.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(filing.get("checks")).hasSize(5);
        filing.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue());
        ProcessInstance instance = instance(filing);
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(PlatformGroups.CITY_BUREAU);
        // #12: the task lists tell the case apart
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ServiceOrgFilingProcess.VAR_CASE_SUMMARY))
                .isEqualTo(org.name() + " · 第三方技术服务机构备案");
        // #12: the review is due when the bureau would be reminded, in its 即将到期/已逾期 filters
        TaskDeadlines.assertDueAfterCreation(engine, instance, ServiceOrgFilingProcess.TASK_REVIEW_FILING,
                settings.reviewReminder(), new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)));

        review(filing, "APPROVE", null); // the enum name /api accepted before the shared form value "approve"
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(ServiceOrgFilingProcess.END_FILED);
        JsonNode filed = get(org.user(), filing).getBody();
        assertThat(filed.get("status").asText()).isEqualTo("FILED");
        assertThat(filed.get("filingNumber").asText()).startsWith("XZAZ-FW-");
        assertThat(filed.get("reviewedBy").asText()).isEqualTo("city");
        JsonNode register = PagedLists.all(http, "picc", "/api/service-orgs");
        JsonNode entry = entryFor(register, org.creditCode());
        assertThat(entry).isNotNull();
        assertThat(entry.get("filingNumber").asText()).isEqualTo(filed.get("filingNumber").asText());
        assertThat(entry.get("qualification").asText()).contains("乙级");
        assertThat(entry.get("teamSize").asInt()).isEqualTo(3);

        MimeMessage toOrg = awaitMail(org.email(), "备案已通过");
        assertThat((String) toOrg.getContent()).contains(filed.get("filingNumber").asText());
        awaitMail(CITY_MAIL, org.name() + " 第三方技术服务机构备案已通过");
    }

    @Test
    void filingRunsThroughTheStartFormOfTheTasklistTooWithItsDocumentsUploaded_N7_12() {
        ServiceOrg org = newServiceOrg();
        Map<String, Object> form = FiledServiceOrgs.startForm(org.suffix());
        // the start and the correction share one form, which declares the correction's choice: at the start
        // the choice is dropped, it neither routes the filing nor waits for the correction
        form.put(ServiceOrgFilingProcess.VAR_CORRECTION_ACTION, "WITHDRAW");

        ProcessInstance instance = startFromForm(org, form);

        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
        ServiceOrgFiling filing = filings.require(Long.parseLong(instance.getBusinessKey()));
        assertThat(filing.submittedBy()).isEqualTo(org.user());
        // the organization is the filer's own, as registered: the form asks for neither name nor code
        assertThat(filing.data().creditCode()).isEqualTo(org.creditCode());
        assertThat(filing.data().companyName()).isEqualTo(org.name());
        assertThat(filing.data().staff()).hasSize(5);
        assertThat(filing.data().staff().get(0).certificates()).singleElement()
                .satisfies(certificate -> assertThat(certificate.type()).isEqualTo("SAFETY_ENGINEER"));
        assertThat(filing.data().team()).extracting(TeamMember::role)
                .containsExactly(TeamRole.TECHNICAL_LEAD, TeamRole.PROJECT_LEAD, TeamRole.SERVICE_STAFF);
        assertThat(filing.data().engagements()).singleElement()
                .satisfies(engagement -> assertThat(engagement.clientType()).isEqualTo(ClientType.INSURER));
        // the uploads are in the file store, the filing holds their references
        assertThat(files.content(filing.data().qualitySystemFile()))
                .isEqualTo(((EngineDoors.Upload) form.get("qualitySystemFile")).bytes());
        assertThat(filing.data().evidenceFiles()).singleElement().satisfies(hash -> assertThat(files.content(hash))
                .isEqualTo(((EngineDoors.Upload) form.get("evidenceFile1")).bytes()));
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .doesNotContainKeys("staffRows", "teamRows", "qualitySystemFile", "evidenceFile1",
                        ServiceOrgFilingProcess.VAR_CORRECTION_ACTION);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), ServiceOrgFilingProcess.VAR_CASE_SUMMARY))
                .isEqualTo(org.name() + " · 第三方技术服务机构备案");
        assertThat(filing.status()).isEqualTo(FilingStatus.IN_REVIEW);
    }

    @Test
    void aStartFormWithSeveralProblemsIsRefusedNamingEveryOneInChineseAndNothingIsStored_12() {
        ServiceOrg org = newServiceOrg();
        Map<String, Object> form = FiledServiceOrgs.startForm(org.suffix());
        form.put("qualificationValidUntil", "明年");
        form.put("teamRows", "[{\"name\":\"高工甲\",\"role\":\"BOSS\"},{\"name\":null,\"role\":\"PROJECT_LEAD\"}]");
        form.put("staffRows", "[{\"name\":\"高工甲\",\"title\":\"高级工程师\",\"safetyYears\":\"很多\"}]");
        form.put("evidenceFile1", new EngineDoors.Upload("合同.pdf", "application/pdf",
                "not a pdf".getBytes(StandardCharsets.UTF_8)));
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ServiceOrgFilingProcess.KEY).count();

        assertThatThrownBy(() -> startFromForm(org, form))
                .hasMessageContaining("「资质有效期至」日期格式须为 yyyy-MM-dd")
                .hasMessageContaining("「固定服务团队第 1 行 岗位」无效，请从列表中选择")
                .hasMessageContaining("「固定服务团队第 2 行 姓名」必须填写姓名")
                .hasMessageContaining("「人员名册第 1 行 从业年限」须为整数")
                .hasMessageContaining("「服务经历证明 1」");

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ServiceOrgFilingProcess.KEY).count()).isEqualTo(before);
        assertThat(http.withBasicAuth(org.user(), org.user()).getForEntity("/api/service-org-filings", JsonNode.class)
                .getBody().path("items")).isEmpty();
    }

    @Test
    void theOrganizationCorrectsTheFilingInTheTaskWithNewUploadsAndResubmits_N7_5_12() {
        ServiceOrg org = newServiceOrg();
        List<StaffMember> fourStaff = new java.util.ArrayList<>(eligible(org).staff().subList(0, 4));
        StaffMember lead = fourStaff.get(0);
        StaffCertificate second = new StaffCertificate("FIRE_ENGINEER", "XF2-" + org.suffix(), LocalDate.now().plusYears(2));
        fourStaff.set(0, new StaffMember(lead.name(), lead.title(), lead.safetyYears(),
                List.of(lead.certificates().get(0), second)));
        JsonNode submitted = submit(org, withStaff(eligible(org), fourStaff)).getBody();
        ServiceOrgFiling before = filings.require(submitted.get("id").asLong());
        ProcessInstance instance = instance(submitted);
        Map<String, Object> corrected = FiledServiceOrgs.startForm(org.suffix());
        corrected.put(ServiceOrgFilingProcess.VAR_CORRECTION_ACTION, "RESUBMIT");

        completeCorrection(instance, org.user(), org.group(), corrected);

        ServiceOrgFiling after = filings.require(before.id());
        assertThat(after.status()).isEqualTo(FilingStatus.IN_REVIEW);
        assertThat(after.checkRound()).isEqualTo(2);
        assertThat(after.data().staff()).hasSize(5);
        // the form shows one certificate a person: the first as corrected, a further one filed through /api stays
        assertThat(after.data().staff().get(0).certificates()).extracting(StaffCertificate::number)
                .containsExactly("AQ-" + org.suffix() + "-1", second.number());
        assertThat(after.data().qualitySystemFile()).isNotNull();
        // the proof filed through /api stays; the one uploaded in the task joins it
        assertThat(after.data().evidenceFiles()).hasSize(2).startsWith(before.data().evidenceFiles().get(0));
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("staffRows", "principal");
    }

    @Test
    void aRefusedCorrectionNamesEveryProblemAtOnceAndChangesNothing_12() {
        ServiceOrg org = newServiceOrg();
        ServiceOrg other = newServiceOrg();
        JsonNode submitted = submit(org, withStaff(eligible(org), eligible(org).staff().subList(0, 4))).getBody();
        ServiceOrgFiling before = filings.require(submitted.get("id").asLong());
        ProcessInstance instance = instance(submitted);
        Map<String, Object> broken = FiledServiceOrgs.startForm(org.suffix());
        broken.put(ServiceOrgFilingProcess.VAR_CORRECTION_ACTION, "RESUBMIT");
        broken.put("principal", null);
        broken.put("staffRows", "[{\"name\":\"高工甲\",\"safetyYears\":\"-3\"},"
                + "{\"name\":\"注册乙\",\"safetyYears\":\"11\",\"certificateType\":\"SAFETY_ENGINEER\"}]");
        broken.put("qualitySystemFile", new EngineDoors.Upload("体系.pdf.exe", "application/pdf",
                SampleFiles.pdf("体系")));

        assertThatThrownBy(() -> completeCorrection(instance, org.user(), org.group(), broken))
                .hasMessageContaining("「负责人」必须填写负责人")
                .hasMessageContaining("「人员名册第 1 行 从业年限」不能为负数")
                .hasMessageContaining("「人员名册第 2 行 证书编号」必须填写证书编号")
                .hasMessageContaining("「人员名册第 2 行 证书有效期至」必须填写有效期")
                .hasMessageContaining("「质量控制体系文件」");
        // another organization cannot correct it with a valid form either
        Map<String, Object> valid = FiledServiceOrgs.startForm(org.suffix());
        valid.put(ServiceOrgFilingProcess.VAR_CORRECTION_ACTION, "RESUBMIT");
        assertThatThrownBy(() -> completeCorrection(instance, other.user(), other.group(), valid));

        assertThat(filings.require(before.id())).isEqualTo(before);
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_CORRECT_FILING);
    }

    // --- correction loop, withdraw, lapse ------------------------------------------------------

    @Test
    void failedCheckGoesToTheOrganizationWithReasonsAndACorrectedResubmissionPasses_N7_5() {
        ServiceOrg org = newServiceOrg();
        ServiceOrgFilingRequest tooFewStaff = withStaff(eligible(org), eligible(org).staff().subList(0, 4));

        JsonNode filing = submit(org, tooFewStaff).getBody();

        assertThat(filing.get("status").asText()).isEqualTo("NEEDS_CORRECTION");
        assertThat(check(filing, "STAFF_TIERS").get("passed").asBoolean()).isFalse();
        assertThat(check(filing, "FIXED_TEAM").get("passed").asBoolean()).isTrue();
        ProcessInstance instance = instance(filing);
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_CORRECT_FILING);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(org.group());
        // #12: the correction is due when the filing would lapse
        TaskDeadlines.assertDueAfterCreation(engine, instance, ServiceOrgFilingProcess.TASK_CORRECT_FILING,
                settings.correctionDeadline(), new Actor(org.user(), Set.of(org.group())));
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), ServiceOrgFilingProcess.VAR_CHECK_SUMMARY))
                .contains("专业技术人员配备").contains("5年以上 4 人（须 5）");

        ResponseEntity<JsonNode> updated = http.withBasicAuth(org.user(), org.user()).exchange(
                "/api/service-org-filings/" + filing.get("id").asLong(), HttpMethod.PUT, new HttpEntity<>(eligible(org)),
                JsonNode.class);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode resubmitted = http.withBasicAuth(org.user(), org.user()).postForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong() + "/resubmit", null, JsonNode.class).getBody();

        assertThat(resubmitted.get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(resubmitted.get("checkRound").asInt()).isEqualTo(2);
        assertThat(check(resubmitted, "STAFF_TIERS").get("passed").asBoolean()).isTrue();
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
    }

    @Test
    void abandoningACorrectionEndsTheFilingAsWithdrawn() {
        ServiceOrg org = newServiceOrg();
        JsonNode filing = submit(org, withDeclaration(eligible(org), false)).getBody();
        assertThat(check(filing, "NO_BAD_RECORD").get("passed").asBoolean()).isFalse();
        ProcessInstance instance = instance(filing);

        JsonNode withdrawn = http.withBasicAuth(org.user(), org.user()).postForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong() + "/withdraw", null, JsonNode.class).getBody();

        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(instance).isEnded().hasPassed(ServiceOrgFilingProcess.END_WITHDRAWN);
    }

    @Test
    void correctionNotDoneBeforeTheDeadlineLapsesTheFilingAndTellsTheOrganization() throws Exception {
        ServiceOrg org = newServiceOrg();
        JsonNode filing = submit(org, withDeclaration(eligible(org), false)).getBody();
        ProcessInstance instance = instance(filing);
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_CORRECT_FILING);

        moveClock(Duration.ofDays(29));
        assertThat(DueJobs.of(engine, instance)).isEmpty();
        moveClock(Duration.ofDays(30).plusMinutes(1));
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(ServiceOrgFilingProcess.TIMER_CORRECTION_DEADLINE)
                .hasPassed(ServiceOrgFilingProcess.END_LAPSED);
        assertThat(get(org.user(), filing).getBody().get("status").asText()).isEqualTo("LAPSED");
        awaitMail(org.email(), "逾期失效");
    }

    // --- review ----------------------------------------------------------------------------------

    @Test
    void rejectionNeedsAReasonWhichTheOrganizationIsMailed() throws Exception {
        ServiceOrg org = newServiceOrg();
        JsonNode filing = submit(org, eligible(org)).getBody();
        ProcessInstance instance = instance(filing);

        assertThat(review(filing, "reject", " ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(instance).isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
        assertThat(review(filing, "reject", "质量控制体系与实际不符").getStatusCode()).isEqualTo(HttpStatus.OK);
        DueJobs.run(engine, instance);

        assertThat(instance).isEnded().hasPassed(ServiceOrgFilingProcess.END_REJECTED);
        assertThat(get(org.user(), filing).getBody().get("status").asText()).isEqualTo("REJECTED");
        MimeMessage mail = awaitMail(org.email(), "备案未通过");
        assertThat((String) mail.getContent()).contains("质量控制体系与实际不符");
        assertThat(entryFor(PagedLists.all(http, "city", "/api/service-orgs"),
                org.creditCode())).isNull();
    }

    @Test
    void requestForMoreInformationSendsTheFilingBackForCorrection() throws Exception {
        ServiceOrg org = newServiceOrg();
        JsonNode filing = submit(org, eligible(org)).getBody();

        review(filing, "moreInfo", "请补充服务团队人员的社保证明");
        DueJobs.run(engine, instance(filing));

        assertThat(instance(filing)).isWaitingAt(ServiceOrgFilingProcess.TASK_CORRECT_FILING);
        assertThat(get(org.user(), filing).getBody().get("status").asText()).isEqualTo("NEEDS_CORRECTION");
        assertThat((String) engine.getRuntimeService().getVariable(instance(filing).getId(),
                ServiceOrgFilingProcess.VAR_CHECK_SUMMARY)).contains("社保证明");
        assertThat((String) awaitMail(org.email(), "需补充材料").getContent()).contains("社保证明");

        http.withBasicAuth(org.user(), org.user()).postForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong() + "/resubmit", null, JsonNode.class);
        assertThat(instance(filing)).isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
    }

    @Test
    void reviewNotDoneInTimeRemindsTheCityBureauAndStaysOpen() throws Exception {
        ServiceOrg org = newServiceOrg();
        JsonNode filing = submit(org, eligible(org)).getBody();
        ProcessInstance instance = instance(filing);

        moveClock(Duration.ofDays(4));
        assertThat(DueJobs.of(engine, instance)).isEmpty();
        moveClock(Duration.ofDays(5).plusMinutes(1));
        DueJobs.run(engine, instance);

        assertThat(instance).hasPassed(ServiceOrgFilingProcess.TASK_REMIND_REVIEWER)
                .isWaitingAt(ServiceOrgFilingProcess.TASK_REVIEW_FILING);
        assertThat((String) awaitMail(CITY_MAIL, "待审核提醒：" + org.name()).getContent()).contains(org.creditCode());
    }

    // --- N7.3 list check, access, bad input --------------------------------------------------------

    @Test
    void anEntryOnTheCityBureausListWithinThreeYearsFailsTheCheck_N7_3() {
        ServiceOrg org = newServiceOrg();
        creditLists.importCsv(new Actor("city", Set.of(PlatformGroups.CITY_BUREAU)), """
                type,creditCode,name,listedOn,reason,source
                ENFORCEMENT_OR_BAD_CONDUCT,%s,%s,%s,安全生产违法行为,市住建局
                """.formatted(org.creditCode(), org.name(), LocalDate.now().minusYears(2)));

        JsonNode filing = submit(org, eligible(org)).getBody();

        assertThat(filing.get("status").asText()).isEqualTo("NEEDS_CORRECTION");
        JsonNode check = check(filing, "NO_BAD_RECORD");
        assertThat(check.get("passed").asBoolean()).isFalse();
        assertThat(check.get("reason").asText()).contains("安全生产违法行为");
    }

    @Test
    void oneServiceOrganizationCannotSeeAnothersFilingOrTask() {
        ServiceOrg owner = newServiceOrg();
        ServiceOrg other = newServiceOrg();
        JsonNode filing = submit(owner, withDeclaration(eligible(owner), false)).getBody();

        assertThat(get(other.user(), filing).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode otherList = http.withBasicAuth(other.user(), other.user())
                .getForEntity("/api/service-org-filings", JsonNode.class).getBody().path("items");
        assertThat(otherList).isEmpty();
        assertThat(http.withBasicAuth(other.user(), other.user()).postForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong() + "/withdraw", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(owner.user(), owner.user()).postForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong() + "/review",
                Map.of("decision", "approve"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("city", "city").getForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong(), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        String processInstanceId = instance(filing).getId();
        assertThat(tasksVisibleTo(other, processInstanceId)).isZero();
        assertThat(tasksVisibleTo(owner, processInstanceId)).isOne();
    }

    @Test
    void onlyMembersOfARegisteredServiceOrganizationFileAndOnlyOnceAtATime() {
        ServiceOrg org = newServiceOrg();
        ServiceOrg stranger = newServiceOrg();

        assertThat(http.withBasicAuth(stranger.user(), stranger.user()).postForEntity("/api/service-org-filings",
                eligible(org), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> unknown = submit(org, withCreditCode(eligible(org), CreditCode.withCheckCharacter(
                "91140900MA" + digits(7))));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("creditCode");
        ServiceOrgFilingRequest unknownEvidence = withEvidence(eligible(org), List.of("0".repeat(64)));
        assertThat(submit(org, unknownEvidence).getBody().toString()).contains("evidenceFiles[0]");
        assertThat(http.withBasicAuth(org.user(), org.user()).getForEntity("/api/service-org-filings", JsonNode.class)
                .getBody().path("items")).isEmpty();

        assertThat(submit(org, eligible(org)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(submit(org, eligible(org)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(http.getForEntity("/api/service-orgs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // --- fixtures ----------------------------------------------------------------------------------

    record ServiceOrg(long id, String name, String creditCode, String group, String user, String email, String suffix) {
    }

    ServiceOrg newServiceOrg() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String creditCode = CreditCode.withCheckCharacter("91140900MA" + digits(7));
        Organization organization = organizations.register(ADMIN, new NewOrganization(OrganizationType.SERVICE_ORG,
                "测试安全技术服务有限公司" + suffix, creditCode, null, "负责人", null, null, "140902", null));
        String user = "so" + suffix;
        groups.ensureUser(user, "员", "测", user + "@example.test", user);
        groups.ensureMembership(user, organization.groupId());
        return new ServiceOrg(organization.id(), organization.name(), creditCode, organization.groupId(), user,
                user + "@example.test", suffix);
    }

    /** A filing that meets N7.1–N7.5: class-B qualification, clean declaration, full team, enough staff. */
    ServiceOrgFilingRequest eligible(ServiceOrg org) {
        LocalDate valid = LocalDate.now().plusYears(3);
        String s = org.suffix();
        List<StaffMember> staff = List.of(
                new StaffMember("高工甲", "高级工程师", 16, List.of(new StaffCertificate("SAFETY_ENGINEER", "AQ" + s, valid))),
                new StaffMember("注册乙", "工程师", 11, List.of(new StaffCertificate("FIRST_CLASS_CONSTRUCTOR", "JZ" + s, valid))),
                new StaffMember("注册丁", "工程师", 10, List.of(new StaffCertificate("SUPERVISION_ENGINEER", "JL" + s, valid))),
                new StaffMember("员工丙", "助理工程师", 6, List.of()),
                new StaffMember("员工戊", "助理工程师", 5, List.of()));
        List<TeamMember> team = List.of(new TeamMember("高工甲", TeamRole.TECHNICAL_LEAD),
                new TeamMember("注册乙", TeamRole.PROJECT_LEAD), new TeamMember("员工丙", TeamRole.SERVICE_STAFF));
        String evidence = files.store("委托合同.pdf", "application/pdf", SampleFiles.pdf("合同 " + s),
                new Actor(org.user(), Set.of(org.group()))).sha256();
        return new ServiceOrgFilingRequest(org.creditCode(), org.name(), "忻州市忻府区", "杨帆", "0350-1234567",
                new ServiceOrgFilingRequest.Qualification("JL-B-" + s, QualificationClass.B, valid),
                List.of(new Engagement("中国人民财产保险股份有限公司忻州市分公司", ClientType.INSURER,
                        LocalDate.now().minusYears(1), null)),
                List.of(evidence), true, "项目负责人、技术负责人、机构三级审核的质量控制体系", null, team, staff);
    }

    private static ServiceOrgFilingRequest withStaff(ServiceOrgFilingRequest r, List<StaffMember> staff) {
        return new ServiceOrgFilingRequest(r.creditCode(), r.companyName(), r.address(), r.principal(), r.phone(),
                r.qualification(), r.engagements(), r.evidenceFiles(), r.noBadRecordDeclared(), r.qualitySystem(),
                r.qualitySystemFile(), r.team(), staff);
    }

    private static ServiceOrgFilingRequest withDeclaration(ServiceOrgFilingRequest r, boolean declared) {
        return new ServiceOrgFilingRequest(r.creditCode(), r.companyName(), r.address(), r.principal(), r.phone(),
                r.qualification(), r.engagements(), r.evidenceFiles(), declared, r.qualitySystem(),
                r.qualitySystemFile(), r.team(), r.staff());
    }

    private static ServiceOrgFilingRequest withCreditCode(ServiceOrgFilingRequest r, String creditCode) {
        return new ServiceOrgFilingRequest(creditCode, r.companyName(), r.address(), r.principal(), r.phone(),
                r.qualification(), r.engagements(), r.evidenceFiles(), r.noBadRecordDeclared(), r.qualitySystem(),
                r.qualitySystemFile(), r.team(), r.staff());
    }

    private static ServiceOrgFilingRequest withEvidence(ServiceOrgFilingRequest r, List<String> evidence) {
        return new ServiceOrgFilingRequest(r.creditCode(), r.companyName(), r.address(), r.principal(), r.phone(),
                r.qualification(), r.engagements(), evidence, r.noBadRecordDeclared(), r.qualitySystem(),
                r.qualitySystemFile(), r.team(), r.staff());
    }

    private ProcessInstance startFromForm(ServiceOrg org, Map<String, Object> form) {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ServiceOrgFilingProcess.KEY).latestVersion().singleResult().getId();
        identityService.setAuthentication(org.user(), List.of(org.group()));
        try {
            return engine.getFormService().submitStartForm(definitionId,
                    EngineDoors.Upload.asEngineVariables(form));
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void completeCorrection(ProcessInstance instance, String user, String group, Map<String, Object> form) {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ServiceOrgFilingProcess.TASK_CORRECT_FILING).singleResult().getId();
        Processes.completeAs(engine, taskId, user, List.of(group),
                EngineDoors.Upload.asEngineVariables(form));
    }

    private ResponseEntity<JsonNode> submit(ServiceOrg org, ServiceOrgFilingRequest request) {
        return http.withBasicAuth(org.user(), org.user()).postForEntity("/api/service-org-filings", request, JsonNode.class);
    }

    private ResponseEntity<JsonNode> get(String user, JsonNode filing) {
        return http.withBasicAuth(user, user).getForEntity("/api/service-org-filings/" + filing.get("id").asLong(),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> review(JsonNode filing, String decision, String reason) {
        Map<String, String> body = new HashMap<>();
        body.put("decision", decision);
        body.put("reason", reason);
        return http.withBasicAuth("city", "city").postForEntity(
                "/api/service-org-filings/" + filing.get("id").asLong() + "/review", body, JsonNode.class);
    }

    /** The filing's running instance; keep it to assert on it after it ended. */
    private ProcessInstance instance(JsonNode filing) {
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(filing.get("processInstanceId").asText()).singleResult();
        assertThat(running).as("running instance of filing %s", filing.get("id")).isNotNull();
        return running;
    }

    private static JsonNode check(JsonNode filing, String checkId) {
        for (JsonNode check : filing.get("checks")) {
            if (check.get("check").asText().equals(checkId)) {
                return check;
            }
        }
        throw new AssertionError("no check " + checkId + " in " + filing);
    }

    private static JsonNode entryFor(JsonNode register, String creditCode) {
        for (JsonNode entry : register) {
            if (entry.get("creditCode").asText().equals(creditCode)) {
                return entry;
            }
        }
        return null;
    }

    private long tasksVisibleTo(ServiceOrg org, String processInstanceId) {
        identityService.setAuthentication(org.user(), List.of(org.group()));
        try {
            return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).count();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void moveClock(Duration fromNow) {
        Processes.moveClock(new Date(), fromNow);
    }

    private static MimeMessage awaitMail(String recipient, String subjectPart) {
        return ReceivedMails.await(smtp, recipient, subjectPart);
    }

    private static String digits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
