package org.anzexian.underwriting;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;

import org.anzexian.support.Processes;
import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.FiledInsurers;
import org.anzexian.filing.insurer.FiledInsurers.Insurer;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NotificationService;
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
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectSubtype;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What underwriting tests share: a filed insurer, a builder and a project, and the steps of
 * policyUnderwriting up to an issued policy.
 */
abstract class UnderwritingFixtures {

    static final Actor ADMIN = new Actor("underwritingTests", Set.of(PlatformGroups.ADMIN));
    static final BigDecimal CONTRACT_AMOUNT = new BigDecimal("12000000.00");

    @Autowired ProcessEngine engine;
    @Autowired UnderwritingService underwriting;
    @Autowired InsurerFilingService filings;
    @Autowired InsurerGate gate;
    @Autowired OrganizationService organizations;
    @Autowired ProjectService projects;
    @Autowired GroupDirectory groups;
    @Autowired FileStore files;
    @Autowired NotificationService notifications;
    @Autowired TestRestTemplate http;
    @Autowired Clock clock;
    @Autowired UnderwritingProperties settings;

    FiledInsurers insurers;
    Insurer insurer;
    Builder builder;
    Project project;
    String contractHash;
    String formHash;
    String licenseHash;
    /** The application's files as the Tasklist's embedded form uploads them (#12); their hashes above. */
    FileValue contractFile;
    FileValue formFile;
    FileValue licenseFile;

    record Builder(Organization organization, Actor user, String email) {
    }

    @BeforeEach
    void aFiledInsurerABuilderAndAProject() {
        BpmnAwareTests.init(engine);
        insurers = new FiledInsurers(organizations, groups, files, filings, engine, clock);
        insurer = insurers.filed();
        builder = builder();
        project = project(builder, PermitStatus.NONE, List.of());
        contractFile = upload("construction contract");
        formFile = upload("stamped application form");
        licenseFile = upload("business license");
        contractHash = hashOf(contractFile);
        formHash = hashOf(formFile);
        licenseHash = hashOf(licenseFile);
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** Runs policyUnderwriting for the project with the fixture insurer and returns the issued policy. */
    Policy issuedPolicy(Builder buyer, Project project) {
        Quotation quotation = underwriting.requestQuotations(buyer.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        complete(instance, buyer.user(), applicationVariables());
        review(instance, ACCEPT, null);
        premium(instance, "18000.00", true);
        executeJobs(instance);
        return underwriting.effectivePolicy(project.constructionContract().id()).orElseThrow();
    }

    void issueLetter(ProcessInstance instance, String rate, String unit) {
        complete(instance, insurer.clerk(), letterVariables(rate, unit));
    }

    Map<String, Object> letterVariables(String rate, String unit) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_QUOTATION_DECISION, ISSUE);
        variables.put(VAR_INSURANCE_PLAN, "主险：建筑施工安全生产责任保险");
        variables.put(VAR_PREMIUM_RATE, Double.valueOf(rate));
        variables.put(VAR_PREMIUM_RATE_UNIT, unit);
        variables.put(VAR_DEATH_DISABILITY_LIMIT, 1_000_000);
        variables.put(VAR_TOTAL_LIMIT, 10_000_000);
        variables.put(VAR_PREVENTION_PLAN, "每月一次现场隐患排查");
        variables.put(VAR_PREVENTION_FEE_PERCENT, 20);
        return variables;
    }

    void apply(ProcessInstance instance) {
        complete(instance, builder.user(), applicationVariables());
    }

    Map<String, Object> applicationVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_APPLICATION_DECISION, APPLY);
        variables.put(VAR_CONTRACT, contractFile);
        variables.put(VAR_APPLICATION_FORM, formFile);
        variables.put(VAR_ENTERPRISE_DOCUMENT_1, licenseFile);
        return variables;
    }

    void review(ProcessInstance instance, String decision, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REVIEW_DECISION, decision);
        variables.put(VAR_REVIEW_REASON, reason);
        complete(instance, insurer.clerk(), variables);
    }

    void premium(ProcessInstance instance, String amount, boolean onePayment) {
        complete(instance, insurer.clerk(), Map.of(VAR_PREMIUM_RECEIVED, Double.valueOf(amount),
                VAR_PAID_IN_ONE_PAYMENT, onePayment));
    }

    void complete(ProcessInstance instance, Actor actor, Map<String, Object> variables) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Processes.completeAs(engine, task.getId(), actor.userId(), actor.groupIds(), variables);
    }

    ProcessInstance instance(long quotationId) {
        return Processes.instance(engine, KEY, quotationId);
    }

    void executeJobs(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .messages().executable().list()).isEmpty()) {
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
    }

    List<Job> dueTimers(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers().executable().list();
    }

    void moveClock(Duration by) {
        Processes.moveClock(by);
    }

    List<String> noticeTemplates(String reference) {
        return notifications.list(new NoticeFilter(null, null, reference, null), 0, 100).items().stream()
                .map(NoticeDelivery::templateKey).toList();
    }

    /** The city bureau imports a dishonesty list naming the insurer, through /api: the import suspends its filing (N3.7, N5.2). */
    void suspendThroughTheCreditList(Insurer listed) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        String csv = "type,creditCode,name,listedOn,reason,source\n" + "DISHONEST_JUDGMENT_DEBTOR,"
                + listed.organization().creditCode() + "," + listed.organization().name() + "," + LocalDate.now(clock)
                + ",拒不履行判决,中国执行信息公开网\n";
        ResponseEntity<String> imported = http.withBasicAuth("city", "city").postForEntity("/api/credit-list/imports",
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(imported.getStatusCode()).as(imported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(gate.isFiled(listed.organization().id())).isFalse();
    }

    /** The permit check (N1.1) as the builder asks it. */
    ProjectInsurance insurance(Project project) {
        ResponseEntity<ProjectInsurance> answer = http.withBasicAuth(builder.user().userId(), builder.user().userId())
                .getForEntity("/api/projects/" + project.code() + "/insurance", ProjectInsurance.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    static NewQuotationRequest request(Project project, Insurer... insurers) {
        return new NewQuotationRequest(project.id(), Arrays.stream(insurers).map(i -> i.organization().id()).toList());
    }

    /** A PDF as an embedded Tasklist form uploads it: a {@code File} variable (#12). */
    static FileValue upload(String text) {
        byte[] bytes = org.anzexian.support.SampleFiles.pdf(text + " " + suffix());
        return Variables.fileValue(text.replace(' ', '-') + ".pdf").file(bytes).mimeType("application/pdf").create();
    }

    static String hashOf(FileValue file) {
        try (var content = file.getValue()) {
            return org.anzexian.platform.files.FileStore.sha256(content.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PDF the fixture's construction unit uploaded (only its organization may attach it, #11). */
    String store(String text) {
        byte[] bytes = org.anzexian.support.SampleFiles.pdf(text + " " + suffix());
        return files.store(text + ".pdf", "application/pdf", bytes, builder.user()).sha256();
    }

    Builder builder() {
        String suffix = suffix();
        Organization organization = organizations.register(ADMIN, new NewOrganization(OrganizationType.CONSTRUCTION_UNIT,
                "测试建筑工程有限公司" + suffix, creditCode(), null, "总经理", null, null, "140902", null));
        String userId = "ubuilder" + suffix;
        String email = userId + "@underwriting.test.anzexian.local";
        groups.ensureUser(userId, "测试", "施工", email, userId);
        groups.ensureMembership(userId, organization.groupId());
        return new Builder(organization, new Actor(userId, Set.of(organization.groupId())), email);
    }

    Project project(Builder builder, PermitStatus permit, List<NewProject.NewJointVentureMember> members) {
        String suffix = suffix();
        LocalDate start = LocalDate.now(clock).plusMonths(1);
        return projects.register(ADMIN, new NewProject("UW-" + suffix, "测试住宅楼" + suffix, "忻府区七一路" + suffix + "号",
                "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, CONTRACT_AMOUNT, start,
                start.plusMonths(18), permit, builder.organization().id(), "HT-" + suffix, members, List.of(), List.of()));
    }

    static String creditCode() {
        StringBuilder body = new StringBuilder("91149");
        for (int i = 0; i < 12; i++) {
            body.append(ThreadLocalRandom.current().nextInt(10));
        }
        return CreditCode.withCheckCharacter(body.toString());
    }

    static String suffix() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    // --- endorsements (N1.1) ---------------------------------------------------------------------

    /** A further phase of the fixture project's construction contract, built from {@code start} to {@code end}. */
    Project phase(LocalDate start, LocalDate end) {
        return projects.register(ADMIN, new NewProject("UW-" + suffix(), project.name() + "后续分期", project.siteAddress(),
                "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, CONTRACT_AMOUNT, start, end,
                PermitStatus.NONE, builder.organization().id(), project.constructionContract().number(), List.of(),
                List.of(), List.of()));
    }

    Endorsement pendingEndorsement(Project phase) {
        return endorsementAs(builder.user().userId(), insurance(phase).endorsementId());
    }

    Endorsement endorsementAs(String userId, long endorsementId) {
        ResponseEntity<Endorsement> answer = http.withBasicAuth(userId, userId)
                .getForEntity("/api/endorsements/" + endorsementId, Endorsement.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
