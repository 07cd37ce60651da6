package org.anzexian.demo;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.anzexian.filing.insurer.InsurerFiling;
import org.anzexian.filing.insurer.InsurerFilingData;
import org.anzexian.filing.insurer.InsurerFilingData.AuditReport;
import org.anzexian.filing.insurer.InsurerFilingData.ClaimsService;
import org.anzexian.filing.insurer.InsurerFilingData.Document;
import org.anzexian.filing.insurer.InsurerFilingData.Experience;
import org.anzexian.filing.insurer.InsurerFilingData.License;
import org.anzexian.filing.insurer.InsurerFilingData.PreventionPlan;
import org.anzexian.filing.insurer.InsurerFilingData.Principal;
import org.anzexian.filing.insurer.InsurerFilingData.ProjectLead;
import org.anzexian.filing.insurer.InsurerFilingData.ProofType;
import org.anzexian.filing.insurer.InsurerFilingData.RelatedOrganization;
import org.anzexian.filing.insurer.InsurerFilingData.Relation;
import org.anzexian.filing.insurer.InsurerFilingProcess;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.serviceorg.QualificationClass;
import org.anzexian.filing.ReviewDecision;
import org.anzexian.filing.serviceorg.ServiceOrgFiling;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest;
import org.anzexian.filing.serviceorg.ClientType;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.Engagement;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffCertificate;
import org.anzexian.filing.serviceorg.ServiceOrgFilingRequest.StaffMember;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.filing.serviceorg.TeamRole;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.service.team.ServiceTeamRequest;
import org.anzexian.service.team.ServiceTeamRequest.InsurerMember;
import org.anzexian.underwriting.NewQuotationRequest;
import org.anzexian.underwriting.Policy;
import org.anzexian.underwriting.UnderwritingService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's story so far, walked through the real processes after {@link DemoData}: the demo insurers
 * (picc, cpic) and service organizations (anke, jianan) are filed, and project XF-2025-001 of sijian is
 * insured with picc, whose service team with anke is registered — so a newcomer can try prevention
 * visits, hazards and claims at once, and quote YP-2025-001 from scratch. Each step is skipped when done.
 * Jobs the steps leave are run here too, so the story is complete when start-up ends, with or without
 * the job executor (a job it already took is left to it). It never blocks start-up: see {@link #play()}.
 */
@Component
@ConditionalOnProperty(name = "anzexian.demo-data.scenario", havingValue = "true")
class DemoScenario {

    static final String INSURED_PROJECT = "XF-2025-001";

    private static final Logger log = LoggerFactory.getLogger(DemoScenario.class);
    private static final Actor CITY = new Actor("city", Set.of(PlatformGroups.CITY_BUREAU));
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);

    private final OrganizationService organizations;
    private final ProjectService projects;
    private final FileStore files;
    private final InsurerFilingService insurerFilings;
    private final ServiceOrgFilingService serviceOrgFilings;
    private final UnderwritingService underwriting;
    private final ServiceTeamRegistrationService registrations;
    private final ProcessEngine engine;
    private final Clock clock;

    DemoScenario(OrganizationService organizations, ProjectService projects, FileStore files,
            InsurerFilingService insurerFilings, ServiceOrgFilingService serviceOrgFilings, UnderwritingService underwriting,
            ServiceTeamRegistrationService registrations, ProcessEngine engine, Clock clock) {
        this.organizations = organizations;
        this.projects = projects;
        this.files = files;
        this.insurerFilings = insurerFilings;
        this.serviceOrgFilings = serviceOrgFilings;
        this.underwriting = underwriting;
        this.registrations = registrations;
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * Plays the story at start-up. It never stops start-up: a step whose preconditions no longer hold
     * in the real data (say the city bureau suspended a demo insurer) is skipped with an INFO line
     * naming it and why, and anything else a step runs into is logged as a WARN and the next step goes on.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void play() {
        List<String> skipped = new ArrayList<>();
        try {
            Organization picc = organization("91140900MA0K00011");
            Organization cpic = organization("91140900MA0K00012");
            Organization anke = organization("91140900MA0K00021");
            Organization jianan = organization("91140981MA0K00022");
            step(skipped, "备案 filing of picc", () -> fileInsurer(picc, "picc", "刘洋"));
            step(skipped, "备案 filing of cpic", () -> fileInsurer(cpic, "cpic", "陈静"));
            step(skipped, "备案 filing of anke", () -> fileServiceOrg(anke, "anke", List.of("杨帆", "马超", "刘明", "孙丽", "周杰")));
            step(skipped, "备案 filing of jianan",
                    () -> fileServiceOrg(jianan, "jianan", List.of("赵磊", "钱程", "吴迪", "郑好", "王宁")));
            Project project = projects.findByCode(INSURED_PROJECT).orElse(null);
            if (project == null) {
                skip(skipped, "投保 insuring " + INSURED_PROJECT, "the project is not in the registry");
                return;
            }
            Policy[] policy = new Policy[1];
            step(skipped, "投保 insuring " + INSURED_PROJECT + " with picc", () -> {
                policy[0] = insure(project, picc, "sijian", "picc");
                return policy[0] != null;
            });
            if (policy[0] == null) {
                skip(skipped, "服务团队登记 service team registration of " + INSURED_PROJECT, "the project has no effective policy");
                return;
            }
            step(skipped, "服务团队登记 service team registration of " + INSURED_PROJECT + " with anke",
                    () -> registerTeam(policy[0], anke, "picc", "杨帆", "马超", List.of("孙丽")));
        } catch (RuntimeException e) {
            log.warn("演示场景中止，启动继续 demo story stopped, start-up goes on: {}", e.toString(), e);
            skipped.add("the rest of the story");
        } finally {
            if (skipped.isEmpty()) {
                log.info("演示场景就绪 demo story ready: insurers picc/cpic and service orgs anke/jianan filed; {} insured "
                        + "with picc, its service team with anke registered", INSURED_PROJECT);
            } else {
                log.info("演示场景部分就绪 demo story played as far as the data allows; skipped: {}", skipped);
            }
        }
    }

    /** Runs one step; false or a refusal of the real processes (409) skips it, anything else is a WARN. */
    private void step(List<String> skipped, String name, BooleanSupplier step) {
        try {
            if (!step.getAsBoolean()) {
                skipped.add(name);
            }
        } catch (ConflictException refused) {
            skip(skipped, name, refused.getMessage());
        } catch (RuntimeException e) {
            log.warn("演示步骤失败，已跳过 demo step failed and was skipped: {}: {}", name, e.toString(), e);
            skipped.add(name);
        }
    }

    private static void skip(List<String> skipped, String name, String why) {
        log.info("演示步骤已跳过 demo step skipped: {} — {}", name, why);
        skipped.add(name);
    }

    private static boolean skipped(String name, String why) {
        log.info("演示步骤已跳过 demo step skipped: {} — {}", name, why);
        return false;
    }

    /** Files the insurer unless it is filed already; false (skipped) when it has a filing in another state. */
    private boolean fileInsurer(Organization insurer, String clerk, String principal) {
        if (insurerFilings.isFiled(insurer.id())) {
            return true;
        }
        var status = insurerFilings.currentStatus(insurer.id());
        if (status.isPresent()) {
            return skipped("备案 filing of " + insurer.name(), "its filing is " + status.get() + " (" + status.get().label()
                    + "), not FILED — e.g. suspended by the city bureau; the demo leaves it as it is");
        }
        Organization head = organizations.require(insurer.parentId());
        Actor filer = member(insurer, clerk);
        LocalDate today = LocalDate.now(clock);
        InsurerFilingData data = new InsurerFilingData(insurer.id(), head.name(), head.creditCode(),
                document(filer, "总公司授权书"),
                new License("BL-" + insurer.creditCode(), today.plusYears(3), document(filer, "营业执照")),
                new License("IL-" + insurer.creditCode(), today.plusYears(3), document(filer, "经营保险业务许可证")),
                new Principal(principal, "0350-3030303"),
                List.of(new RelatedOrganization(Relation.CONTROLLED_BY, head.name(), head.creditCode())),
                new AuditReport(2023, "忻州正信会计师事务所", new BigDecimal("185.30"), new BigDecimal("120.00"),
                        true, document(filer, "审计报告")),
                List.of(new ProjectLead("王强", 8, ProofType.SOCIAL_INSURANCE, document(filer, "社保证明")),
                        new ProjectLead("李娜", 5, ProofType.DIPLOMA, document(filer, "学历证书"))),
                List.of(new InsurerFilingData.TeamMember(principal, "安责险业务部经理", "13800000001")),
                new Document("建筑施工安全生产责任保险方案：主险＋附加险，费率按工程类别浮动", null),
                new Document(null, document(filer, "保险条款")),
                new ClaimsService(new Document("接报案后 1 小时内回复、24 小时内查勘", null), "0350-95518",
                        List.of(new InsurerFilingData.TeamMember("赵敏", "理赔专员", "13800000002"))),
                new PreventionPlan(new Document("每月一次事故预防服务，重大隐患即时通报", null), "按季度考核服务机构，末位约谈"),
                new Experience(500, 120, 300));
        InsurerFiling filing = insurerFilings.submit(filer, data);
        if (filing.status() != FilingStatus.IN_REVIEW) {
            return skipped("备案 filing of " + insurer.name(), "the new filing is " + filing.status()
                    + ", it did not pass its checks (left to the insurer to correct): " + filing.checks());
        }
        complete(filing.processInstanceId(), CITY, Map.of(InsurerFilingProcess.VAR_REVIEW_DECISION, "approve"));
        settle(filing.processInstanceId(), () -> insurerFilings.isFiled(insurer.id()));
        return true;
    }

    /** Files the service organization unless it is filed already; false (skipped) when a filing of it is open. */
    private boolean fileServiceOrg(Organization serviceOrg, String member, List<String> roster) {
        if (serviceOrgFilings.register().stream().anyMatch(filed -> filed.organizationId() == serviceOrg.id())) {
            return true;
        }
        var open = serviceOrgFilings.list(CITY, null).stream()
                .filter(filing -> filing.organizationId() == serviceOrg.id() && filing.status().isOpen()).findFirst();
        if (open.isPresent()) {
            return skipped("备案 filing of " + serviceOrg.name(), "a filing of it is " + open.get().status()
                    + " (" + open.get().status().label() + "); the demo leaves it to its filer and the city bureau");
        }
        LocalDate valid = LocalDate.now(clock).plusYears(3);
        String code = serviceOrg.creditCode().substring(12);
        List<StaffMember> staff = List.of(
                new StaffMember(roster.get(0), "高级工程师", 16, List.of(new StaffCertificate("SAFETY_ENGINEER", "AQ" + code, valid))),
                new StaffMember(roster.get(1), "工程师", 11,
                        List.of(new StaffCertificate("FIRST_CLASS_CONSTRUCTOR", "JZ" + code, valid))),
                new StaffMember(roster.get(2), "工程师", 10,
                        List.of(new StaffCertificate("SUPERVISION_ENGINEER", "JL" + code, valid))),
                new StaffMember(roster.get(3), "助理工程师", 6, List.of()),
                new StaffMember(roster.get(4), "助理工程师", 5, List.of()));
        Actor filer = member(serviceOrg, member);
        List<ServiceOrgFilingRequest.TeamMember> team = List.of(
                new ServiceOrgFilingRequest.TeamMember(roster.get(0), TeamRole.TECHNICAL_LEAD),
                new ServiceOrgFilingRequest.TeamMember(roster.get(1), TeamRole.PROJECT_LEAD),
                new ServiceOrgFilingRequest.TeamMember(roster.get(3), TeamRole.SERVICE_STAFF));
        ServiceOrgFilingRequest request = new ServiceOrgFilingRequest(serviceOrg.creditCode(), serviceOrg.name(),
                "忻州市", serviceOrg.principal(), "0350-1234567",
                new ServiceOrgFilingRequest.Qualification("JL-B-" + code, QualificationClass.B, valid),
                List.of(new Engagement("中国人民财产保险股份有限公司忻州市分公司", ClientType.INSURER,
                        LocalDate.now(clock).minusYears(1), null)),
                List.of(document(filer, "委托服务合同")), true, "项目负责人、技术负责人、机构三级审核的质量控制体系", null, team,
                staff);
        ServiceOrgFiling filing = serviceOrgFilings.submit(filer, request);
        if (serviceOrgFilings.require(filing.id()).status() != FilingStatus.IN_REVIEW) {
            return skipped("备案 filing of " + serviceOrg.name(), "the new filing is "
                    + serviceOrgFilings.require(filing.id()).status() + ", it did not pass its checks");
        }
        serviceOrgFilings.review(CITY, filing.id(), ReviewDecision.APPROVE, null);
        settle(filing.processInstanceId(),
                () -> serviceOrgFilings.require(filing.id()).status() == FilingStatus.FILED);
        return true;
    }

    private Policy insure(Project project, Organization insurer, String builderUser, String insurerUser) {
        var existing = underwriting.effectivePolicy(project.constructionContract().id());
        if (existing.isPresent()) {
            return existing.get();
        }
        if (!insurerFilings.isFiled(insurer.id())) {
            skipped("投保 insuring " + project.code() + " with " + insurer.name(), "the insurer is not FILED now ("
                    + insurerFilings.currentStatus(insurer.id()).map(FilingStatus::name).orElse("no filing")
                    + "), it may not quote (N5.2)");
            return null;
        }
        Organization builder = organizations.require(project.constructionUnitId());
        Actor buyer = member(builder, builderUser);
        Actor clerk = member(insurer, insurerUser);
        long quotationId = underwriting.requestQuotations(buyer, new NewQuotationRequest(project.id(), List.of(insurer.id())))
                .quotations().get(0).id();
        String instance = instanceOf(String.valueOf(quotationId), KEY);
        Map<String, Object> letter = new HashMap<>();
        letter.put(VAR_QUOTATION_DECISION, ISSUE);
        letter.put(VAR_INSURANCE_PLAN, "主险：建筑施工安全生产责任保险；附加：施工人员意外医疗");
        letter.put(VAR_PREMIUM_RATE, 1.5);
        letter.put(VAR_PREMIUM_RATE_UNIT, "permille");
        letter.put(VAR_DEATH_DISABILITY_LIMIT, 1_000_000);
        letter.put(VAR_TOTAL_LIMIT, 20_000_000);
        letter.put(VAR_PREVENTION_PLAN, "每月一次现场隐患排查，每季度一次安全培训");
        letter.put(VAR_PREVENTION_FEE_PERCENT, 20);
        complete(instance, clerk, letter);
        complete(instance, buyer, Map.of(VAR_APPLICATION_DECISION, APPLY,
                VAR_CONTRACT, upload(buyer, "施工合同"),
                VAR_APPLICATION_FORM, upload(buyer, "投保单（盖章）"),
                VAR_ENTERPRISE_DOCUMENT_1, upload(buyer, "营业执照及安全生产许可证")));
        complete(instance, clerk, Map.of(VAR_REVIEW_DECISION, ACCEPT));
        BigDecimal premium = project.contractAmount().multiply(new BigDecimal("0.0015")).setScale(2);
        complete(instance, clerk, Map.of(VAR_PREMIUM_RECEIVED, premium.toPlainString(), VAR_PAID_IN_ONE_PAYMENT, true));
        settle(instance, () -> underwriting.effectivePolicy(project.constructionContract().id()).isPresent());
        return underwriting.effectivePolicy(project.constructionContract().id()).orElseThrow();
    }

    private boolean registerTeam(Policy policy, Organization serviceOrg, String insurerUser, String technicalLead,
            String projectLead, List<String> staff) {
        settle(instanceOf(String.valueOf(policy.quotationId()), KEY), () -> registrationInstance(policy) != null);
        String instance = registrationInstance(policy);
        if (registrations.require(policy.id()).serviceOrgId() == null) {
            String name = "服务团队登记 service team registration of policy " + policy.id();
            if (serviceOrgFilings.register().stream().noneMatch(filed -> filed.organizationId() == serviceOrg.id())) {
                return skipped(name, serviceOrg.name() + " is not a filed service organization now");
            }
            if (!insurerFilings.isFiled(policy.insurerOrgId())) {
                return skipped(name, "the policy's insurer is not FILED now ("
                        + insurerFilings.currentStatus(policy.insurerOrgId()).map(FilingStatus::name).orElse("no filing") + ")");
            }
            registrations.submit(member(organizations.require(policy.insurerOrgId()), insurerUser), policy.id(),
                    new ServiceTeamRequest(List.of(new InsurerMember("刘洋", "安责险服务专员", "13800000003", null)),
                            serviceOrg.id(), technicalLead, projectLead, staff));
        }
        settle(instance, () -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance)
                .active().count() == 0);
        return true;
    }

    private String registrationInstance(Policy policy) {
        return instanceOf(String.valueOf(policy.id()), ServiceTeamRegistrationProcess.KEY);
    }

    /** The id of the process instance, running or ended, or null if none started yet. */
    private String instanceOf(String businessKey, String processKey) {
        var instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).processDefinitionKey(processKey).singleResult();
        return instance == null ? null : instance.getId();
    }

    private Organization organization(String creditCodeBody) {
        return organizations.findByCreditCode(CreditCode.withCheckCharacter(creditCodeBody))
                .orElseThrow(() -> new IllegalStateException("demo organization missing: " + creditCodeBody));
    }

    private static Actor member(Organization organization, String userId) {
        return new Actor(userId, Set.of(organization.groupId()));
    }

    private String document(Actor uploader, String title) {
        byte[] bytes = ("%PDF-1.4 演示文件 demo document: " + title + " (" + uploader.userId() + ")")
                .getBytes(StandardCharsets.UTF_8);
        return files.store(title + ".pdf", "application/pdf", bytes, uploader).sha256();
    }

    /** A file as the Tasklist's embedded forms upload it (a {@code File} variable, #12). */
    private static org.camunda.bpm.engine.variable.value.FileValue upload(Actor uploader, String title) {
        byte[] bytes = ("%PDF-1.4 演示文件 demo document: " + title + " (" + uploader.userId() + ")")
                .getBytes(StandardCharsets.UTF_8);
        return org.camunda.bpm.engine.variable.Variables.fileValue(title + ".pdf").file(bytes)
                .mimeType("application/pdf").create();
    }

    private void complete(String processInstanceId, Actor actor, Map<String, Object> variables) {
        settle(() -> !openTasks(processInstanceId).isEmpty());
        Task task = openTasks(processInstanceId).get(0);
        engine.getIdentityService().setAuthentication(actor.userId(), List.copyOf(actor.groupIds()));
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<Task> openTasks(String processInstanceId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
    }

    /** Runs the instance's due asynchronous steps until {@code done}; a job the job executor holds is its to run. */
    private void settle(String processInstanceId, BooleanSupplier done) {
        settle(() -> {
            for (Job job : engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                    .messages().executable().list()) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException takenByTheJobExecutor) {
                    log.debug("demo step left to the job executor: {}", takenByTheJobExecutor.getMessage());
                }
            }
            return done.getAsBoolean();
        });
    }

    private void settle(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("demo story stuck: a step did not finish within " + SETTLE_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a demo step", e);
            }
        }
    }
}
