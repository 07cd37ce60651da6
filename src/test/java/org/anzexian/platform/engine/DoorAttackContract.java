package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.anzexian.claim.AccidentType;
import org.anzexian.claim.ClaimHandlingProcess;
import org.anzexian.claim.ClaimReport;
import org.anzexian.claim.ClaimService;
import org.anzexian.claim.ClaimStatus;
import org.anzexian.filing.insurer.FiledInsurers;
import org.anzexian.filing.FilingStatus;
import org.anzexian.filing.insurer.InsurerFilingProcess;
import org.anzexian.filing.insurer.InsurerFilingService;
import org.anzexian.filing.serviceorg.FiledServiceOrgs;
import org.anzexian.filing.serviceorg.RegisteredServiceOrg;
import org.anzexian.filing.serviceorg.ServiceOrgFilingProcess;
import org.anzexian.filing.serviceorg.ServiceOrgFilingService;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardRectificationProcess;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.HazardStatus;
import org.anzexian.hazard.NewHazard;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.files.FileStore;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectService;
import org.anzexian.registry.project.ProjectSubtype;
import org.anzexian.service.team.RegistrationStatus;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.anzexian.service.team.ServiceTeamRegistrationService;
import org.anzexian.service.visit.ExtraVisitRequest;
import org.anzexian.service.visit.PreventionServiceVisitProcess;
import org.anzexian.service.visit.Visit;
import org.anzexian.service.visit.VisitService;
import org.anzexian.service.visit.VisitStatus;
import org.anzexian.support.SampleFiles;
import org.anzexian.support.DueJobs;
import org.anzexian.support.EngineDoors.Answer;
import org.anzexian.support.EngineDoors.Door;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.InsuredProjects.Party;
import org.anzexian.support.InsuredProjects.ServicedProject;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.TestSmtp;
import org.anzexian.underwriting.NewQuotationRequest;
import org.anzexian.underwriting.PolicyUnderwritingProcess;
import org.anzexian.underwriting.Quotation;
import org.anzexian.underwriting.QuotationRequestProcess;
import org.anzexian.underwriting.QuotationStatus;
import org.anzexian.underwriting.UnderwritingService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The attacks of issue #10 against the engine's doors (DESIGN.md §2a, ADR 0007), each through
 * {@code /engine-rest} and through the Tasklist's own API, in every flow with user tasks, by every role
 * of the scenario that does not own the step. Each attack is answered by the door guard — the status
 * and a body {@code {"type","message","reasons"}} with a Chinese reason, never the engine's own
 * answer — and leaves everything as it was: the task open with its assignee, candidates, due date and
 * variables, the record in our tables, no new process instance. Each attack has its positive twin: the
 * rightful user still completes the step through the same door and the process moves on.
 * <p>
 * The scenario (an insured project with its registered service team, a second filed insurer, a second
 * filed service organization, a second construction unit, the demo county and city users) is made once
 * per class; each test makes the fresh records it attacks, so tests do not depend on one another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DoorAttackContract {

    private static final Actor ADMIN = new Actor("doorAttacks", Set.of(PlatformGroups.ADMIN));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNTY = InsuredProjects.COUNTY;

    /** The services mail as they go; a server to take the mail keeps their retries out of the way. */
    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    /** The engine's REST layer logs every refusal with its stack trace; hundreds of them are noise here. */
    private static final String REST_EXCEPTION_LOG = "org.camunda.bpm.engine.rest.exception";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired HazardService hazards;
    @Autowired ClaimService claims;
    @Autowired VisitService visits;
    @Autowired UnderwritingService underwriting;
    @Autowired ServiceTeamRegistrationService registrations;
    @Autowired InsurerFilingService insurerFilings;
    @Autowired ServiceOrgFilingService serviceOrgFilings;
    @Autowired ProjectService projects;
    @Autowired OrganizationService organizations;
    @Autowired GroupDirectory groups;
    @Autowired FileStore files;
    @Autowired Clock clock;

    private EngineDoors doors;
    private InsuredProjects fixtures;
    private FiledInsurers filedInsurers;
    private FiledServiceOrgs filedServiceOrgs;
    private final Map<String, EngineDoors.User> users = new HashMap<>();

    private FiledInsurers.Insurer competitor;
    private FiledServiceOrgs.ServiceOrg competingServiceOrg;
    /** Project A: insured with insurer A, bought by builder A, served by service org A (team registered). */
    private ServicedProject a;
    private Role builderA;
    private Role builderB;
    private Role insurerA;
    private Role insurerB;
    private Role serviceOrgA;
    private Role serviceOrgB;
    private Role county;
    private Role otherCounty;
    private Role city;
    /** Every role of the scenario; a step's attackers are all of them but its owner. */
    private List<Role> everyone;

    /** A user of one organization as the attacks name it. */
    record Role(String label, String user, String group, long organizationId) {

        Actor actor() {
            return new Actor(user, Set.of(group));
        }

        @Override
        public String toString() {
            return label + " (" + user + ")";
        }
    }

    /**
     * One user task of one flow on one record: who owns it, a form its owner may submit, and the record
     * as our tables hold it. The task is looked up each time (a refused attack must leave the same one).
     */
    record Step(String label, String processKey, String businessKey, String taskKey, Role owner,
            Map<String, Object> form, Supplier<Object> record) {

        @Override
        public String toString() {
            return label + " [" + processKey + " " + businessKey + " " + taskKey + "]";
        }
    }

    /** What an attack must leave as it was. */
    record Snapshot(Map<String, String> task, Object record, long instances) {
    }

    @BeforeAll
    void theScenario() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(REST_EXCEPTION_LOG, LogLevel.ERROR);
        doors = new EngineDoors(port);
        fixtures = new InsuredProjects(context);
        filedInsurers = new FiledInsurers(organizations, groups, files, insurerFilings, engine, clock);
        filedServiceOrgs = new FiledServiceOrgs(organizations, groups, files, serviceOrgFilings, engine.getManagementService());
        a = fixtures.serviced();
        competitor = filedInsurers.filed();
        competingServiceOrg = filedServiceOrgs.filed(null);
        Party otherBuilder = fixtures.party(OrganizationType.CONSTRUCTION_UNIT, COUNTY);
        builderA = role("施工单位A", a.builder());
        builderB = role("施工单位B", otherBuilder);
        insurerA = role("保险机构A", a.insurer());
        insurerB = new Role("保险机构B", competitor.clerk().userId(), competitor.organization().groupId(),
                competitor.organization().id());
        serviceOrgA = role("服务机构A", a.serviceOrg());
        serviceOrgB = new Role("服务机构B", competingServiceOrg.user(), competingServiceOrg.group(), competingServiceOrg.id());
        county = new Role("忻府区住建局", "xinfu", PlatformGroups.county(COUNTY), 0);
        otherCounty = new Role("原平市住建局", "yuanping", PlatformGroups.county("140981"), 0);
        city = new Role("市住建局", "city", PlatformGroups.CITY_BUREAU, 0);
        everyone = List.of(builderA, builderB, insurerA, insurerB, serviceOrgA, serviceOrgB, county, otherCounty, city);
    }

    @AfterEach
    void resetClockAndAuthentication() {
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @AfterAll
    void restoreRefusalLog() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel(REST_EXCEPTION_LOG, null);
    }

    // === 1. Variables the form does not declare, sent by the step's rightful owner: 400 ====================

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theBuilderCannotMakeItselfTheVerifierNorTheVerifierTouchAnotherHazard_hazardRectification_N8_9(Door door) {
        long hazardId = hazard();
        long otherHazard = hazard();
        Step rectify = rectify(hazardId);

        overreach(door, rectify,
                Map.of(HazardRectificationProcess.VAR_VERIFIER_GROUP, builderA.group()),
                Map.of(HazardRectificationProcess.VAR_HAZARD_ID, otherHazard),
                Map.of(HazardRectificationProcess.VAR_BUILDER_GROUP, builderB.group()),
                Map.of(HazardRectificationProcess.VAR_DEADLINE_AT, inDays(60)),
                Map.of(HazardRectificationProcess.VAR_VERDICT, HazardRectificationProcess.ACCEPT));
        completes(door, rectify);

        assertThat(hazards.require(hazardId).status()).isEqualTo(HazardStatus.SUBMITTED);
        Step verify = verify(hazardId);
        assertThat(candidates(taskOf(verify).getId())).containsExactly("group:" + serviceOrgA.group());
        overreach(door, verify,
                Map.of(HazardRectificationProcess.VAR_HAZARD_ID, otherHazard),
                Map.of(HazardRectificationProcess.VAR_ROUND, 7),
                Map.of(HazardRectificationProcess.VAR_VERIFIER_GROUP, serviceOrgB.group()));
        completes(door, verify);
        assertThat(hazards.require(hazardId).status()).isEqualTo(HazardStatus.CLOSED);
        assertThat(hazards.require(otherHazard).status()).isEqualTo(HazardStatus.OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void noPartyRoutesTheUnderwritingToItselfOrAnswersForAnotherQuotation_policyUnderwriting_N4_4_N6_1(Door door) {
        Quotations quotations = quotations();
        // the competitor answers its own letter task with the other insurer's quotation id, and declines it
        Step competitorsLetter = issueQuotation(quotations.ofB(), insurerB);
        overreach(door, competitorsLetter,
                Map.of(PolicyUnderwritingProcess.VAR_QUOTATION_ID, quotations.ofA(),
                        PolicyUnderwritingProcess.VAR_QUOTATION_DECISION, PolicyUnderwritingProcess.DECLINE,
                        PolicyUnderwritingProcess.VAR_DECLINE_REASON, "不承保"),
                Map.of(PolicyUnderwritingProcess.VAR_BUILDER_GROUP, insurerB.group()),
                Map.of(PolicyUnderwritingProcess.VAR_INSURER_ORG_ID, insurerA.organizationId()));
        assertThat(quotation(quotations.ofA()).status()).isEqualTo(QuotationStatus.REQUESTED);

        Step letter = issueQuotation(quotations.ofA(), insurerA);
        overreach(door, letter, Map.of(PolicyUnderwritingProcess.VAR_INSURER_GROUP, insurerB.group()),
                Map.of(PolicyUnderwritingProcess.VAR_PREMIUM, 1.0));
        completes(door, letter);

        // the builder accepts with insurerGroup = its own group, to underwrite its own policy
        Step apply = apply(quotations.ofA());
        overreach(door, apply,
                Map.of(PolicyUnderwritingProcess.VAR_INSURER_GROUP, builderA.group()),
                Map.of(PolicyUnderwritingProcess.VAR_QUOTATION_ID, quotations.ofB()),
                Map.of(PolicyUnderwritingProcess.VAR_PREMIUM, 1.0),
                Map.of(PolicyUnderwritingProcess.VAR_REVIEW_REASON, "已核保"),
                Map.of(PolicyUnderwritingProcess.VAR_POLICY_ID, a.policy().id()));
        completes(door, apply);
        Step review = review(quotations.ofA());
        assertThat(candidates(taskOf(review).getId())).containsExactly("group:" + insurerA.group());
        overreach(door, review, Map.of(PolicyUnderwritingProcess.VAR_BUILDER_GROUP, insurerA.group()));
        completes(door, review);
        Step premium = premium(quotations.ofA());
        overreach(door, premium, Map.of(PolicyUnderwritingProcess.VAR_PREMIUM, 1.0),
                Map.of(PolicyUnderwritingProcess.VAR_PROJECT_ID, a.project().id()));
        completes(door, premium);
        runJobs(PolicyUnderwritingProcess.KEY, quotations.ofA());
        assertThat(quotation(quotations.ofA()).status()).isEqualTo(QuotationStatus.POLICY_ISSUED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theInsurerCannotActOnAnotherClaimNorRerouteItsSteps_claimHandling_N6_5(Door door) {
        long claimId = claim();
        long otherClaim = claim();
        Step acknowledge = acknowledge(claimId);

        overreach(door, acknowledge,
                Map.of(ClaimHandlingProcess.VAR_CLAIM_ID, otherClaim),
                Map.of(ClaimHandlingProcess.VAR_INSURER_GROUP, insurerB.group()),
                Map.of(ClaimHandlingProcess.VAR_BUILDER_GROUP, insurerA.group()),
                Map.of(ClaimHandlingProcess.VAR_ACKNOWLEDGEMENT_DUE_AT, inDays(30)),
                Map.of("claimStepUser", builderA.user()));
        completes(door, acknowledge);
        runJobs(ClaimHandlingProcess.KEY, claimId);

        Step documents = provideDocuments(claimId);
        overreach(door, documents,
                Map.of(ClaimHandlingProcess.VAR_CLAIM_ID, otherClaim),
                Map.of(ClaimHandlingProcess.VAR_INSURER_GROUP, builderA.group()),
                Map.of(ClaimHandlingProcess.VAR_DOCUMENTS_COMPLETE, true));
        completes(door, documents);
        Step survey = survey(claimId);
        overreach(door, survey, Map.of(ClaimHandlingProcess.VAR_CLAIM_ID, otherClaim),
                Map.of(ClaimHandlingProcess.VAR_DECISION_DUE_AT, inDays(90)));
        completes(door, survey);
        assertThat(claims.require(claimId).status()).isEqualTo(ClaimStatus.ACKNOWLEDGED);
        assertThat(claims.require(otherClaim).status()).isEqualTo(ClaimStatus.REPORTED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theServiceOrgCannotRecordAnotherVisitNorMoveItsDeadlines_preventionServiceVisit_N4_6_N8_6(Door door) {
        long visitId = visit();
        long otherVisit = visit();
        Step record = recordVisit(visitId);

        overreach(door, record,
                Map.of(PreventionServiceVisitProcess.VAR_VISIT_ID, otherVisit),
                Map.of(PreventionServiceVisitProcess.VAR_SERVICE_ORG_GROUP, serviceOrgB.group()),
                Map.of(PreventionServiceVisitProcess.VAR_MISSED_AT, inDays(-1)),
                Map.of(PreventionServiceVisitProcess.VAR_DUE_AT, inDays(60)),
                Map.of(PreventionServiceVisitProcess.VAR_REGULAR, true));
        completes(door, record);
        Step report = uploadReport(visitId);
        overreach(door, report,
                Map.of(PreventionServiceVisitProcess.VAR_VISIT_ID, otherVisit),
                Map.of(PreventionServiceVisitProcess.VAR_REPORT_DUE_AT, inDays(60)),
                // #12: the hazard rows are any number from 1, three photos each, and nothing else
                Map.of("hazard0Severity", "MAJOR"),
                Map.of("hazard7Photo4", "x"),
                Map.of("hazard7Remark", "x"));
        completes(door, report);
        assertThat(visits.require(visitId).status()).isNotEqualTo(VisitStatus.OPEN);
        assertThat(visits.require(otherVisit).status()).isEqualTo(VisitStatus.OPEN);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theInsurerCannotRegisterForAnotherPolicyNorRerouteTheRegistration_serviceTeamRegistration_N6_3_N8_1(Door door) {
        long policyId = registration();
        Step register = registerTeam(policyId);

        overreach(door, register,
                Map.of(ServiceTeamRegistrationProcess.VAR_POLICY_ID, a.policy().id()),
                Map.of(ServiceTeamRegistrationProcess.VAR_INSURER_GROUP, insurerB.group()),
                Map.of(ServiceTeamRegistrationProcess.VAR_COUNTY_GROUP, insurerA.group()),
                Map.of(ServiceTeamRegistrationProcess.VAR_DEADLINE_AT, inDays(365)),
                Map.of(ServiceTeamRegistrationProcess.VAR_INSURER_ORG_ID, insurerB.organizationId()));
        completes(door, register);
        assertThat(registrations.require(policyId).status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(registrations.require(a.policy().id()).serviceOrgId()).isEqualTo(serviceOrgA.organizationId());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theCityReviewsOnlyTheFilingItWasGivenAndTheInsurerCorrectsOnlyItsOwn_insurerFiling_N5_1(Door door) {
        FiledInsurers.Submitted inReview = filedInsurers.inReview();
        long filedOfA = insurerFilings.registerEntry(insurerA.organizationId()).filingId();
        Step review = insurerFilingReview(inReview);

        overreach(door, review,
                Map.of(InsurerFilingProcess.VAR_FILING_ID, filedOfA),
                Map.of(InsurerFilingProcess.VAR_INSURER_GROUP, city.group()),
                Map.of(InsurerFilingProcess.VAR_INSURER_ORG_ID, insurerB.organizationId()),
                Map.of(InsurerFilingProcess.VAR_CHECKS_PASSED, false));
        completes(door, review);
        runJobs(InsurerFilingProcess.KEY, inReview.filing().id());
        assertThat(insurerFilings.get(ADMIN, inReview.filing().id()).status()).isEqualTo(FilingStatus.FILED);

        FiledInsurers.Submitted failed = filedInsurers.needingCorrection();
        Step correct = insurerFilingCorrection(failed);
        overreach(door, correct,
                Map.of(InsurerFilingProcess.VAR_CORRECTION_REASONS, "无"),
                Map.of(InsurerFilingProcess.VAR_FILING_ID, filedOfA),
                Map.of(InsurerFilingProcess.VAR_CHECKS_PASSED, true),
                Map.of(InsurerFilingProcess.VAR_REVIEW_DECISION, "approve"));
        completes(door, correct);
        assertThat(insurerFilings.get(ADMIN, failed.filing().id()).status()).isNotEqualTo(FilingStatus.FILED);
        assertThat(insurerFilings.get(ADMIN, filedOfA).status()).isEqualTo(FilingStatus.FILED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theCityReviewsOnlyTheFilingItWasGivenAndTheOrganizationCorrectsOnlyItsOwn_serviceOrgFiling_N7(Door door) {
        FiledServiceOrgs.Submitted inReview = filedServiceOrgs.inReview();
        long filedOfA = serviceOrgFilingOf(serviceOrgA);
        Step review = serviceOrgFilingReview(inReview);

        overreach(door, review,
                Map.of(ServiceOrgFilingProcess.VAR_FILING_ID, filedOfA),
                Map.of(ServiceOrgFilingProcess.VAR_ORGANIZATION_GROUP, city.group()),
                Map.of("reviewedBy", "someoneElse"),
                Map.of(ServiceOrgFilingProcess.VAR_CHECKS_PASSED, false));
        completes(door, review);
        runJobs(ServiceOrgFilingProcess.KEY, inReview.filing().id());
        assertThat(serviceOrgFilings.require(inReview.filing().id()).status())
                .isEqualTo(FilingStatus.FILED);

        FiledServiceOrgs.Submitted failed = filedServiceOrgs.needingCorrection();
        Step correct = serviceOrgFilingCorrection(failed);
        overreach(door, correct,
                Map.of(ServiceOrgFilingProcess.VAR_CHECK_SUMMARY, "全部通过"),
                Map.of(ServiceOrgFilingProcess.VAR_FILING_ID, filedOfA),
                Map.of(ServiceOrgFilingProcess.VAR_CHECKS_PASSED, true),
                Map.of("correctionDeadline", inDays(365)));
        completes(door, correct);
        assertThat(serviceOrgFilings.require(filedOfA).status()).isEqualTo(FilingStatus.FILED);
    }

    // === 2. Variable writes and task edits by the task's own candidate: 403 ======================================

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theBuilderCannotWriteTheHazardsVariablesNorClearItsDeadline_hazardRectification_N8_9(Door door) {
        Step rectify = rectify(hazard());
        assertThat(taskOf(rectify).getDueDate()).as("the rectification deadline is the task's due date").isNotNull();

        edits(door, rectify, Map.of(HazardRectificationProcess.VAR_VERIFIER_GROUP, builderA.group(),
                HazardRectificationProcess.VAR_DEADLINE_AT, inDays(365)));
        completes(door, rectify);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theCandidatesCannotWriteTheQuotationsVariablesNorEditItsTasks_policyUnderwriting_N4_4_N6_1(Door door) {
        Quotations quotations = quotations();
        Step letter = issueQuotation(quotations.ofA(), insurerA);
        edits(door, letter, Map.of(PolicyUnderwritingProcess.VAR_BUILDER_GROUP, insurerA.group(),
                PolicyUnderwritingProcess.VAR_QUOTATION_ID, quotations.ofB()));
        completes(door, letter);
        Step apply = apply(quotations.ofA());
        edits(door, apply, Map.of(PolicyUnderwritingProcess.VAR_INSURER_GROUP, builderA.group(),
                PolicyUnderwritingProcess.VAR_PREMIUM, 1.0));
        completes(door, apply);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theInsurerCannotWriteTheClaimsVariablesNorClearItsAcknowledgementDeadline_claimHandling_N6_5(Door door) {
        Step acknowledge = acknowledge(claim());
        assertThat(taskOf(acknowledge).getDueDate()).isNotNull();

        edits(door, acknowledge, Map.of(ClaimHandlingProcess.VAR_INSURER_GROUP, insurerB.group(),
                ClaimHandlingProcess.VAR_ACKNOWLEDGEMENT_DUE_AT, inDays(30), ClaimHandlingProcess.VAR_CLAIM_ID, claim()));
        completes(door, acknowledge);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theServiceOrgCannotWriteTheVisitsVariablesNorMoveItsDueDate_preventionServiceVisit_N4_6_N8_6(Door door) {
        long visitId = visit();
        Step record = recordVisit(visitId);
        assertThat(taskOf(record).getDueDate()).isNotNull();

        edits(door, record, Map.of(PreventionServiceVisitProcess.VAR_MISSED_AT, inDays(60),
                PreventionServiceVisitProcess.VAR_DUE_AT, inDays(60), PreventionServiceVisitProcess.VAR_SERVICE_ORG_GROUP,
                serviceOrgB.group()));
        completes(door, record);
        assertThat(visits.require(visitId).missed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theInsurerCannotWriteTheRegistrationsVariablesNorEditItsTask_serviceTeamRegistration_N6_3_N8_1(Door door) {
        Step register = registerTeam(registration());
        edits(door, register, Map.of(ServiceTeamRegistrationProcess.VAR_DEADLINE_AT, inDays(365),
                ServiceTeamRegistrationProcess.VAR_COUNTY_GROUP, insurerA.group()));
        completes(door, register);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theCityCannotWriteAnInsurersFilingVariablesNorEditItsReview_insurerFiling_N5_1(Door door) {
        FiledInsurers.Submitted inReview = filedInsurers.inReview();
        Step review = insurerFilingReview(inReview);
        edits(door, review, Map.of(InsurerFilingProcess.VAR_INSURER_GROUP, city.group(),
                InsurerFilingProcess.VAR_CHECKS_PASSED, true));
        completes(door, review);
        Step correct = insurerFilingCorrection(filedInsurers.needingCorrection());
        edits(door, correct, Map.of(InsurerFilingProcess.VAR_REVIEW_DECISION, "approve",
                InsurerFilingProcess.VAR_CHECKS_PASSED, true));
        completes(door, correct);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void theCityCannotWriteAServiceOrgFilingsVariablesNorEditItsReview_serviceOrgFiling_N7(Door door) {
        Step review = serviceOrgFilingReview(filedServiceOrgs.inReview());
        edits(door, review, Map.of(ServiceOrgFilingProcess.VAR_ORGANIZATION_GROUP, city.group(),
                "reviewReminder", "P10Y"));
        completes(door, review);
        Step correct = serviceOrgFilingCorrection(filedServiceOrgs.needingCorrection());
        edits(door, correct, Map.of(ServiceOrgFilingProcess.VAR_CHECKS_PASSED, true,
                "correctionDeadline", inDays(365)));
        completes(door, correct);
    }

    // === 3. A step of somebody else's record: 403 from the business tables, even when mis-routed ================

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfTheHazardEvenWhenMisroutedToIt_hazardRectification_N8_9(Door door) {
        long hazardId = hazard();
        foreignRecord(door, rectify(hazardId));
        foreignRecord(door, verify(hazardId));
        assertThat(hazards.require(hazardId).status()).isEqualTo(HazardStatus.CLOSED);

        long overdue = hazard();
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(10)).plus(Duration.ofMinutes(1))));
        runJobs(HazardRectificationProcess.KEY, overdue);
        foreignRecord(door, countySupervision(overdue));
        foreignRecord(door, citySupervision(overdue));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfTheQuotationEvenWhenMisroutedToIt_policyUnderwriting_N4_4_N6_1(Door door) {
        Quotations quotations = quotations();
        foreignRecord(door, issueQuotation(quotations.ofA(), insurerA));
        foreignRecord(door, apply(quotations.ofA()));
        foreignRecord(door, review(quotations.ofA()));
        foreignRecord(door, premium(quotations.ofA()));
        runJobs(PolicyUnderwritingProcess.KEY, quotations.ofA());
        assertThat(quotation(quotations.ofA()).status()).isEqualTo(QuotationStatus.POLICY_ISSUED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfTheClaimEvenWhenMisroutedToIt_claimHandling_N6_5_N6_6_N6_7(Door door) {
        long claimId = claim();
        foreignRecord(door, acknowledge(claimId));
        runJobs(ClaimHandlingProcess.KEY, claimId);
        foreignRecord(door, survey(claimId));
        foreignRecord(door, provideDocuments(claimId));
        foreignRecord(door, reviewDocuments(claimId));
        foreignRecord(door, decide(claimId));
        runJobs(ClaimHandlingProcess.KEY, claimId);
        foreignRecord(door, payment(claimId));
        runJobs(ClaimHandlingProcess.KEY, claimId);
        foreignRecord(door, recommendations(claimId));
        runJobs(ClaimHandlingProcess.KEY, claimId);
        assertThat(claims.require(claimId).status()).isEqualTo(ClaimStatus.CLOSED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfTheVisitEvenWhenMisroutedToIt_preventionServiceVisit_N4_6_N8_6(Door door) {
        long visitId = visit();
        foreignRecord(door, recordVisit(visitId));
        foreignRecord(door, uploadReport(visitId));
        assertThat(visits.require(visitId).reportFile()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfTheRegistrationEvenWhenMisroutedToIt_serviceTeamRegistration_N6_3_N8_1(
            Door door) {
        long policyId = registration();
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(32))));
        runJobs(ServiceTeamRegistrationProcess.KEY, policyId);
        foreignRecord(door, followUp(policyId));
        foreignRecord(door, registerTeam(policyId));
        assertThat(registrations.require(policyId).status()).isEqualTo(RegistrationStatus.REGISTERED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfAnInsurersFilingEvenWhenMisroutedToIt_insurerFiling_N5_1(Door door) {
        foreignRecord(door, insurerFilingReview(filedInsurers.inReview()));
        foreignRecord(door, insurerFilingCorrection(filedInsurers.needingCorrection()));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void everyOtherRoleIsRefusedEveryStepOfAServiceOrgsFilingEvenWhenMisroutedToIt_serviceOrgFiling_N7(Door door) {
        foreignRecord(door, serviceOrgFilingReview(filedServiceOrgs.inReview()));
        foreignRecord(door, serviceOrgFilingCorrection(filedServiceOrgs.needingCorrection()));
    }

    // === 4. Starts: only through the start form, no record id, no business key ======================================

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aClaimIsStartedOnlyFromTheReportFormOfOnesOwnPolicy_claimHandling_N6_5(Door door) {
        long claimId = claim();
        Object claimBefore = claims.require(claimId);
        long before = instances(ClaimHandlingProcess.KEY);
        Map<String, Object> report = claimReportForm();

        // another insurer names the claim it wants to take over: the start would skip creation and every check
        refused(at(door, insurerB).start(ClaimHandlingProcess.KEY, null, with(report,
                Map.of(ClaimHandlingProcess.VAR_CLAIM_ID, claimId))), 400, "insurer B starts with claimId " + claimId);
        refused(at(door, insurerB).start(ClaimHandlingProcess.KEY, null, with(report,
                Map.of(ClaimHandlingProcess.VAR_CLAIM_ID, claimId, ClaimHandlingProcess.VAR_INSURER_GROUP, insurerB.group(),
                        ClaimHandlingProcess.VAR_BUILDER_GROUP, insurerB.group()))), 400, "insurer B routes a claim to itself");
        refused(at(door, builderA).start(ClaimHandlingProcess.KEY, String.valueOf(claimId), report), 400,
                "builder A starts with the claim as business key");
        refused(at(door, builderA).start(ClaimHandlingProcess.KEY, null, with(report,
                Map.of(ClaimHandlingProcess.VAR_ACKNOWLEDGEMENT_DUE_AT, inDays(30)))), 400, "builder A sets its own deadline");
        // only the form's fields, but somebody else's policy: the report's own check
        refused(at(door, builderB).start(ClaimHandlingProcess.KEY, null, report), 403, "builder B reports on A's policy");
        refused(at(door, insurerB).start(ClaimHandlingProcess.KEY, null, report), 403, "insurer B reports on A's policy");

        assertThat(claims.require(claimId)).isEqualTo(claimBefore);
        assertThat(instances(ClaimHandlingProcess.KEY)).as("no claimHandling started").isEqualTo(before);

        Answer started = at(door, builderA).start(ClaimHandlingProcess.KEY, null, report);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        long reported = Long.parseLong(started.json().path("businessKey").asText());
        assertThat(reported).isNotEqualTo(claimId);
        assertThat(claims.require(reported).status()).isEqualTo(ClaimStatus.REPORTED);
        assertThat(claims.require(reported).reportedBy()).isEqualTo(builderA.user());
        runJobs(ClaimHandlingProcess.KEY, reported);
        assertThat(candidates(taskOf(acknowledge(reported)).getId())).containsExactly("group:" + insurerA.group());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void anInsurerFilesOnlyFromTheStartFormAndNeverNamesAnotherFiling_insurerFiling_N5_1(Door door) {
        long filedOfA = insurerFilings.registerEntry(insurerA.organizationId()).filingId();
        Object filingBefore = insurerFilings.get(ADMIN, filedOfA);
        Object registerBefore = insurerFilings.registerEntry(insurerA.organizationId());
        long before = instances(InsurerFilingProcess.KEY);
        Map<String, Object> form = filedInsurers.startForm(competitor);

        refused(at(door, insurerB).start(InsurerFilingProcess.KEY, null, with(form,
                Map.of(InsurerFilingProcess.VAR_FILING_ID, filedOfA))), 400, "insurer B starts with A's filing id");
        refused(at(door, insurerB).start(InsurerFilingProcess.KEY, null, with(form,
                Map.of(InsurerFilingProcess.VAR_FILING_ID, filedOfA, InsurerFilingProcess.VAR_INSURER_ORG_ID,
                        insurerA.organizationId(), InsurerFilingProcess.VAR_INSURER_GROUP, insurerB.group(),
                        InsurerFilingProcess.VAR_CORRECTION_DECISION, InsurerFilingProcess.ABANDON))),
                400, "insurer B starts as A's filing with A's group");
        refused(at(door, insurerB).start(InsurerFilingProcess.KEY, String.valueOf(filedOfA), form), 400,
                "insurer B starts with A's filing as business key");

        assertThat(insurerFilings.get(ADMIN, filedOfA)).isEqualTo(filingBefore);
        assertThat(insurerFilings.registerEntry(insurerA.organizationId())).isEqualTo(registerBefore);
        assertThat(insurerFilings.isFiled(insurerA.organizationId())).isTrue();
        assertThat(instances(InsurerFilingProcess.KEY)).as("no insurerFiling started").isEqualTo(before);

        FiledInsurers.Insurer newcomer = filedInsurers.unfiled();
        Role clerk = new Role("新保险机构", newcomer.clerk().userId(), newcomer.organization().groupId(),
                newcomer.organization().id());
        Answer started = at(door, clerk).start(InsurerFilingProcess.KEY, null, filedInsurers.startForm(newcomer));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        long filingId = Long.parseLong(started.json().path("businessKey").asText());
        assertThat(insurerFilings.get(ADMIN, filingId).insurerOrgId()).isEqualTo(newcomer.organization().id());
        assertThat(insurerFilings.get(ADMIN, filingId).submittedBy()).isEqualTo(clerk.user());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aServiceOrgFilesOnlyFromTheStartFormAndNeverNamesAnotherFiling_serviceOrgFiling_N7(Door door) {
        long filedOfA = serviceOrgFilingOf(serviceOrgA);
        Object filingBefore = serviceOrgFilings.require(filedOfA);
        long before = instances(ServiceOrgFilingProcess.KEY);
        Map<String, Object> form = serviceOrgStartForm(competingServiceOrg);

        refused(at(door, serviceOrgB).start(ServiceOrgFilingProcess.KEY, null, with(form,
                Map.of(ServiceOrgFilingProcess.VAR_FILING_ID, filedOfA))), 400, "service org B starts with A's filing id");
        refused(at(door, serviceOrgB).start(ServiceOrgFilingProcess.KEY, null, with(form,
                Map.of(ServiceOrgFilingProcess.VAR_FILING_ID, filedOfA, ServiceOrgFilingProcess.VAR_ORGANIZATION_GROUP,
                        serviceOrgB.group(), ServiceOrgFilingProcess.VAR_CORRECTION_ACTION, "WITHDRAW"))),
                400, "service org B withdraws A's filing");
        refused(at(door, serviceOrgB).start(ServiceOrgFilingProcess.KEY, String.valueOf(filedOfA), form), 400,
                "service org B starts with A's filing as business key");

        assertThat(serviceOrgFilings.require(filedOfA)).isEqualTo(filingBefore);
        assertThat(serviceOrgFilings.register()).extracting(RegisteredServiceOrg::filingId).contains(filedOfA);
        assertThat(instances(ServiceOrgFilingProcess.KEY)).as("no serviceOrgFiling started").isEqualTo(before);

        FiledServiceOrgs.ServiceOrg newcomer = filedServiceOrgs.registered(null);
        Role member = new Role("新服务机构", newcomer.user(), newcomer.group(), newcomer.id());
        Answer started = at(door, member).start(ServiceOrgFilingProcess.KEY, null, serviceOrgStartForm(newcomer));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        long filingId = Long.parseLong(started.json().path("businessKey").asText());
        assertThat(serviceOrgFilings.require(filingId).organizationId()).isEqualTo(newcomer.id());
        assertThat(serviceOrgFilings.require(filingId).status())
                .isEqualTo(FilingStatus.IN_REVIEW);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void anExtraVisitIsRequestedOnlyFromTheFormForOnesOwnProjectOrArea_preventionServiceVisit_N4_6(Door door) {
        long visitId = visit();
        Object visitBefore = visits.require(visitId);
        long before = instances(PreventionServiceVisitProcess.KEY);
        // the start form picks the policy by its number (#12)
        Map<String, Object> request = Map.of(PreventionServiceVisitProcess.VAR_POLICY_NUMBER, a.policy().policyNumber(),
                PreventionServiceVisitProcess.VAR_REQUEST_REASON, "塔吊附近发现异常");

        refused(at(door, builderA).start(PreventionServiceVisitProcess.KEY, null, with(request,
                Map.of(PreventionServiceVisitProcess.VAR_VISIT_ID, visitId))), 400, "builder A names an existing visit");
        refused(at(door, builderA).start(PreventionServiceVisitProcess.KEY, null, with(request,
                Map.of(PreventionServiceVisitProcess.VAR_SERVICE_ORG_GROUP, builderA.group(),
                        PreventionServiceVisitProcess.VAR_DUE_AT, inDays(365)))), 400, "builder A routes the visit");
        refused(at(door, builderA).start(PreventionServiceVisitProcess.KEY, String.valueOf(visitId), request), 400,
                "builder A starts with the visit as business key");
        refused(at(door, builderB).start(PreventionServiceVisitProcess.KEY, null, request), 403,
                "builder B asks for a visit on A's project");
        refused(at(door, otherCounty).start(PreventionServiceVisitProcess.KEY, null, request), 403,
                "another county asks for a visit outside its area");

        assertThat(visits.require(visitId)).isEqualTo(visitBefore);
        assertThat(instances(PreventionServiceVisitProcess.KEY)).as("no visit started").isEqualTo(before);

        Answer started = at(door, county).start(PreventionServiceVisitProcess.KEY, null, request);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        long requested = Long.parseLong(started.json().path("businessKey").asText());
        assertThat(visits.require(requested).requestedBy()).isEqualTo(county.user());
        runJobs(PreventionServiceVisitProcess.KEY, requested);
        assertThat(candidates(taskOf(recordVisit(requested)).getId())).containsExactly("group:" + serviceOrgA.group());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void quotationsAreRequestedOnlyFromTheFormForOnesOwnProject_quotationRequest_N2_1_N2_2(Door door) {
        Project project = project();
        long requests = instances(QuotationRequestProcess.KEY);
        long underwritings = instances(PolicyUnderwritingProcess.KEY);
        Map<String, Object> request = Map.of(QuotationRequestProcess.VAR_PROJECT_CODE, project.code(),
                QuotationRequestProcess.VAR_INSURER_ORG_IDS, String.valueOf(insurerA.organizationId()));

        refused(at(door, builderA).start(QuotationRequestProcess.KEY, null, with(request,
                Map.of(QuotationRequestProcess.VAR_REQUEST_ID, 1L))), 400, "builder A names a quotation request");
        refused(at(door, builderA).start(QuotationRequestProcess.KEY, null, with(request,
                Map.of(QuotationRequestProcess.VAR_QUOTATION_IDS, "1,2"))), 400, "builder A names quotations");
        refused(at(door, builderA).start(QuotationRequestProcess.KEY, "1", request), 400, "builder A sets a business key");
        // the form's fields only, but another builder's project: the request's own check (the project is not B's)
        refused(at(door, builderB).start(QuotationRequestProcess.KEY, null, request), 400,
                "builder B asks for quotations for A's project");

        assertThat(instances(QuotationRequestProcess.KEY)).isEqualTo(requests);
        assertThat(instances(PolicyUnderwritingProcess.KEY)).isEqualTo(underwritings);

        Answer started = at(door, builderA).start(QuotationRequestProcess.KEY, null, request);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(instances(PolicyUnderwritingProcess.KEY)).isEqualTo(underwritings + 1);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void aProcessWithoutAStartFormIsStartedByNobodyButTheSystem_policyUnderwriting_hazardRectification_serviceTeamRegistration_N9_3(
            Door door) {
        long hazardId = hazard();
        Quotations quotations = quotations();
        long beforeHazards = instances(HazardRectificationProcess.KEY);
        long beforeQuotations = instances(PolicyUnderwritingProcess.KEY);
        long beforeRegistrations = instances(ServiceTeamRegistrationProcess.KEY);

        for (Role role : everyone) {
            refused(at(door, role).startById(latest(HazardRectificationProcess.KEY), Map.of(
                    HazardRectificationProcess.VAR_HAZARD_ID, hazardId, HazardRectificationProcess.VAR_SEVERITY, "GENERAL",
                    HazardRectificationProcess.VAR_BUILDER_GROUP, role.group())), 403, role + " starts a rectification");
            refused(at(door, role).startById(latest(PolicyUnderwritingProcess.KEY), Map.of(
                    PolicyUnderwritingProcess.VAR_QUOTATION_ID, quotations.ofA(), PolicyUnderwritingProcess.VAR_INSURER_GROUP,
                    role.group())), 403, role + " starts an underwriting");
            refused(at(door, role).startById(latest(ServiceTeamRegistrationProcess.KEY), Map.of(
                    ServiceTeamRegistrationProcess.VAR_POLICY_ID, a.policy().id(), ServiceTeamRegistrationProcess.VAR_INSURER_GROUP,
                    role.group())), 403, role + " starts a registration");
        }

        assertThat(instances(HazardRectificationProcess.KEY)).isEqualTo(beforeHazards);
        assertThat(instances(PolicyUnderwritingProcess.KEY)).isEqualTo(beforeQuotations);
        assertThat(instances(ServiceTeamRegistrationProcess.KEY)).isEqualTo(beforeRegistrations);
        completes(door, rectify(hazardId));
        completes(door, issueQuotation(quotations.ofA(), insurerA));
    }

    // === 5. Internal messages: nobody but the system correlates them =================================================

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void nobodyCorrelatesVisitDueSoNoVisitIsMarkedMissedByHand_preventionServiceVisit_N4_6(Door door) {
        long visitId = visit();
        Step record = recordVisit(visitId);
        Snapshot before = snapshot(record);

        for (Role role : everyone) {
            Map<String, Object> due = new HashMap<>();
            due.put(PreventionServiceVisitProcess.VAR_VISIT_ID, visitId);
            due.put(PreventionServiceVisitProcess.VAR_SERVICE_ORG_GROUP, role.group());
            due.put(PreventionServiceVisitProcess.VAR_REGULAR, false);
            due.put(PreventionServiceVisitProcess.VAR_DUE_AT, inDays(-5));
            due.put(PreventionServiceVisitProcess.VAR_REMINDER_AT, inDays(-6));
            due.put(PreventionServiceVisitProcess.VAR_MISSED_AT, inDays(-1));
            refused(at(door, role).correlate(PreventionServiceVisitProcess.MESSAGE_VISIT_DUE, String.valueOf(visitId), due),
                    403, role + " correlates VisitDue");
            ObjectNode toAll = JSON.createObjectNode().put("messageName", PreventionServiceVisitProcess.MESSAGE_VISIT_DUE)
                    .put("all", true);
            toAll.set("processVariables", EngineDoors.variables(due));
            refused(at(door, role).post("/message", toAll), 403, role + " correlates VisitDue to all");
        }
        runJobs(PreventionServiceVisitProcess.KEY, visitId);

        assertUnchanged(record, before, "VisitDue by every role");
        assertThat(visits.require(visitId).missed()).isFalse();
        completes(door, record);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void nobodyCorrelatesHazardRaised_hazardRectification_N8_9(Door door) {
        long hazardId = hazard();
        Step rectify = rectify(hazardId);
        Snapshot before = snapshot(rectify);

        for (Role role : everyone) {
            Map<String, Object> raised = Map.of(HazardRectificationProcess.VAR_HAZARD_ID, hazardId,
                    HazardRectificationProcess.VAR_SEVERITY, HazardSeverity.MAJOR.name());
            refused(at(door, role).correlate(HazardRectificationProcess.MESSAGE_HAZARD_RAISED, String.valueOf(hazardId), raised),
                    403, role + " correlates HazardRaised");
            refused(at(door, role).correlate(HazardRectificationProcess.MESSAGE_HAZARD_RAISED, null, raised), 403,
                    role + " correlates HazardRaised without a business key");
        }

        assertUnchanged(rectify, before, "HazardRaised by every role");
        completes(door, rectify);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void nobodyCorrelatesQuotationLapsedSoNoCompetitorsQuotationLapsesByHand_policyUnderwriting_N6_1(Door door) {
        Quotations quotations = quotations();
        Step letter = issueQuotation(quotations.ofA(), insurerA);
        Snapshot before = snapshot(letter);

        for (Role role : everyone) {
            refused(at(door, role).correlate(PolicyUnderwritingProcess.MESSAGE_QUOTATION_LAPSED,
                    String.valueOf(quotations.ofA()), Map.of()), 403, role + " correlates QuotationLapsed");
        }

        assertUnchanged(letter, before, "QuotationLapsed by every role");
        assertThat(quotation(quotations.ofB()).status()).isEqualTo(QuotationStatus.REQUESTED);
        completes(door, letter);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Door.class)
    void nobodyCorrelatesPolicyIssuedSoNoInsurerOpensARegistrationForItself_serviceTeamRegistration_N6_3(Door door) {
        Object registered = registrations.require(a.policy().id());
        long before = instances(ServiceTeamRegistrationProcess.KEY);

        for (Role role : everyone) {
            Map<String, Object> issued = Map.of(ServiceTeamRegistrationProcess.VAR_POLICY_ID, a.policy().id(),
                    ServiceTeamRegistrationProcess.VAR_PROJECT_ID, a.project().id(),
                    ServiceTeamRegistrationProcess.VAR_INSURER_ORG_ID, role.organizationId(),
                    ServiceTeamRegistrationProcess.VAR_POLICY_ISSUED_AT, new Date());
            refused(at(door, role).correlate(ServiceTeamRegistrationProcess.MESSAGE_POLICY_ISSUED,
                    String.valueOf(a.policy().id()), issued), 403, role + " correlates PolicyIssued");
        }

        assertThat(registrations.require(a.policy().id())).isEqualTo(registered);
        assertThat(instances(ServiceTeamRegistrationProcess.KEY)).as("no registration opened").isEqualTo(before);
        completes(door, registerTeam(registration()));
    }

    // === helpers: the scenario's records and their steps ==============================================================

    private Role role(String label, Party party) {
        return new Role(label, party.user(), party.group(), party.id());
    }

    /** A general hazard of project A found by service org A, which verifies it; its rectification waits. */
    private long hazard() {
        long id = hazards.raise(new NewHazard(a.project().id(), a.policy().id(), HazardSource.VISIT, 1L,
                HazardCategory.SCAFFOLDING, HazardSeverity.GENERAL, "连墙件缺失，架体外倾", "3 号楼东侧外架 12 层",
                List.of(photo(a.serviceOrg(), "found")), "立即补设连墙件并加固架体", a.serviceOrg().id(), a.serviceOrg().user()));
        runJobs(HazardRectificationProcess.KEY, id);
        return id;
    }

    private Step rectify(long hazardId) {
        Map<String, Object> form = new HashMap<>();
        form.put(HazardRectificationProcess.VAR_EVIDENCE_DESCRIPTION, "已补设连墙件");
        form.put(HazardRectificationProcess.VAR_EVIDENCE_PHOTO_PREFIX + 1, SampleFiles.jpeg());
        return hazardStep("整改隐患", hazardId, HazardRectificationProcess.TASK_RECTIFY, builderA, form);
    }

    private Step verify(long hazardId) {
        return hazardStep("复核整改", hazardId, HazardRectificationProcess.TASK_VERIFY, serviceOrgA,
                Map.of(HazardRectificationProcess.VAR_VERDICT, HazardRectificationProcess.ACCEPT,
                        HazardRectificationProcess.VAR_VERDICT_REASON, "连墙件已补设"));
    }

    private Step countySupervision(long hazardId) {
        return hazardStep("县级督办", hazardId, HazardRectificationProcess.TASK_COUNTY_SUPERVISION, county,
                Map.of(HazardRectificationProcess.VAR_SUPERVISION_NOTE, "限期三日内整改完毕"));
    }

    private Step citySupervision(long hazardId) {
        return hazardStep("市级督办", hazardId, HazardRectificationProcess.TASK_CITY_SUPERVISION, city,
                Map.of(HazardRectificationProcess.VAR_SUPERVISION_NOTE, "约谈施工单位负责人"));
    }

    private Step hazardStep(String label, long hazardId, String taskKey, Role owner, Map<String, Object> form) {
        return new Step(label, HazardRectificationProcess.KEY, String.valueOf(hazardId), taskKey, owner, form,
                () -> hazards.require(hazardId));
    }

    /** Quotations of a new project of builder A from insurer A and insurer B, each at its letter task. */
    record Quotations(long ofA, long ofB) {
    }

    private Quotations quotations() {
        Project project = project();
        List<Quotation> requested = underwriting.requestQuotations(builderA.actor(), new NewQuotationRequest(project.id(),
                List.of(insurerA.organizationId(), insurerB.organizationId()))).quotations();
        long ofA = requested.stream().filter(q -> q.insurerOrgId() == insurerA.organizationId()).findFirst().orElseThrow().id();
        long ofB = requested.stream().filter(q -> q.insurerOrgId() == insurerB.organizationId()).findFirst().orElseThrow().id();
        runJobs(PolicyUnderwritingProcess.KEY, ofA);
        runJobs(PolicyUnderwritingProcess.KEY, ofB);
        return new Quotations(ofA, ofB);
    }

    private Project project() {
        String suffix = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        LocalDate start = LocalDate.now(clock).plusMonths(1);
        return projects.register(ADMIN, new NewProject("DA-" + suffix, "门禁测试工程" + suffix, "忻府区测试路" + suffix + "号",
                COUNTY, ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, InsuredProjects.CONTRACT_AMOUNT, start,
                start.plusMonths(18), PermitStatus.NONE, builderA.organizationId(), "HT-" + suffix, List.of(), List.of(),
                List.of()));
    }

    private Quotation quotation(long quotationId) {
        return underwriting.get(ADMIN, quotationId);
    }

    private Step issueQuotation(long quotationId, Role insurer) {
        Map<String, Object> letter = new HashMap<>();
        letter.put(PolicyUnderwritingProcess.VAR_QUOTATION_DECISION, PolicyUnderwritingProcess.ISSUE);
        letter.put(PolicyUnderwritingProcess.VAR_INSURANCE_PLAN, "主险：建筑施工安全生产责任保险");
        letter.put(PolicyUnderwritingProcess.VAR_PREMIUM_RATE, 1.5);
        letter.put(PolicyUnderwritingProcess.VAR_PREMIUM_RATE_UNIT, "permille");
        letter.put(PolicyUnderwritingProcess.VAR_DEATH_DISABILITY_LIMIT, 1_000_000);
        letter.put(PolicyUnderwritingProcess.VAR_TOTAL_LIMIT, 10_000_000);
        letter.put(PolicyUnderwritingProcess.VAR_PREVENTION_PLAN, "每月一次现场隐患排查");
        letter.put(PolicyUnderwritingProcess.VAR_PREVENTION_FEE_PERCENT, 20);
        return quotationStep("出具报价函", quotationId, PolicyUnderwritingProcess.TASK_ISSUE_QUOTATION, insurer, letter);
    }

    private Step apply(long quotationId) {
        return quotationStep("接受报价并投保", quotationId, PolicyUnderwritingProcess.TASK_APPLY, builderA, Map.of(
                PolicyUnderwritingProcess.VAR_APPLICATION_DECISION, PolicyUnderwritingProcess.APPLY,
                PolicyUnderwritingProcess.VAR_CONTRACT, pdfUpload("construction contract"),
                PolicyUnderwritingProcess.VAR_APPLICATION_FORM, pdfUpload("stamped application form"),
                PolicyUnderwritingProcess.VAR_ENTERPRISE_DOCUMENT_1, pdfUpload("business license")));
    }

    private Step review(long quotationId) {
        return quotationStep("核保", quotationId, PolicyUnderwritingProcess.TASK_REVIEW_APPLICATION, insurerA,
                Map.of(PolicyUnderwritingProcess.VAR_REVIEW_DECISION, PolicyUnderwritingProcess.ACCEPT));
    }

    private Step premium(long quotationId) {
        return quotationStep("确认全额保费到账", quotationId, PolicyUnderwritingProcess.TASK_CONFIRM_PREMIUM, insurerA,
                Map.of(PolicyUnderwritingProcess.VAR_PREMIUM_RECEIVED, quotation(quotationId).premium().doubleValue(),
                        PolicyUnderwritingProcess.VAR_PAID_IN_ONE_PAYMENT, true));
    }

    /** A PDF as the Tasklist's embedded form posts it (a File variable, #12). */
    private static EngineDoors.Upload pdfUpload(String text) {
        return new EngineDoors.Upload(text.replace(' ', '-') + ".pdf", "application/pdf",
                org.anzexian.support.SampleFiles.pdf(text + " " + java.util.UUID.randomUUID()));
    }

    private Step quotationStep(String label, long quotationId, String taskKey, Role owner, Map<String, Object> form) {
        return new Step(label, PolicyUnderwritingProcess.KEY, String.valueOf(quotationId), taskKey, owner, form,
                () -> quotation(quotationId));
    }

    /** A claim reported by builder A on policy A; its acknowledgement waits for insurer A. */
    private long claim() {
        long id = claims.report(builderA.actor(), new ClaimReport(a.policy().policyNumber(), accidentAt(), "2号楼东侧脚手架",
                AccidentType.FALL_FROM_HEIGHT, 0, 1, "一名工人在拆除脚手架时坠落受伤", "李安全", "13900000000", null, null)).id();
        runJobs(ClaimHandlingProcess.KEY, id);
        return id;
    }

    /** A moment of today inside policy A (which starts today), to the minute. */
    private OffsetDateTime accidentAt() {
        return InsuredProjects.recentAccident(clock).truncatedTo(ChronoUnit.MINUTES);
    }

    /** The fields of the Tasklist's claim report start form ({@code forms/claimReportStart.form}) for policy A. */
    private Map<String, Object> claimReportForm() {
        Map<String, Object> form = new HashMap<>();
        form.put("policyNumber", a.policy().policyNumber());
        form.put("accidentAt", accidentAt().atZoneSameInstant(clock.getZone()).toLocalDateTime().toString().replace('T', ' '));
        form.put("place", "3号楼脚手架");
        form.put("accidentType", AccidentType.FALL_FROM_HEIGHT.name());
        form.put("deaths", 0L);
        form.put("injuries", 1L);
        form.put("description", "作业人员从脚手架坠落");
        form.put("reporterName", "李安全");
        form.put("reporterPhone", "13900000000");
        return form;
    }

    private Step acknowledge(long claimId) {
        return claimStep("受理报案", claimId, ClaimHandlingProcess.TASK_ACKNOWLEDGE, insurerA, Map.of(
                "claimProcedure", "1. 受理；2. 现场查勘定损；3. 提交材料；4. 核定；5. 支付",
                "requiredDocuments", "索赔申请书；伤亡人员身份证明；医疗费用票据"));
    }

    private Step survey(long claimId) {
        return claimStep("查勘定损", claimId, ClaimHandlingProcess.TASK_SURVEY, insurerA, Map.of(
                "surveyFindings", "脚手架连墙件缺失", "accidentCause", "连墙件未按方案设置", "estimatedLoss", 100000));
    }

    private Step provideDocuments(long claimId) {
        return claimStep("提交索赔材料", claimId, ClaimHandlingProcess.TASK_PROVIDE_DOCUMENTS, builderA,
                Map.of("documentsProvided", "索赔申请书、事故说明、诊断证明"));
    }

    private Step reviewDocuments(long claimId) {
        return claimStep("审核索赔材料", claimId, ClaimHandlingProcess.TASK_REVIEW_DOCUMENTS, insurerA,
                Map.of("documentsComplete", true));
    }

    private Step decide(long claimId) {
        return claimStep("理赔核定", claimId, ClaimHandlingProcess.TASK_DECIDE, insurerA,
                Map.of("covered", true, "payees", "[{\"name\": \"张三\", \"amount\": 100000}]"));
    }

    private Step payment(long claimId) {
        return claimStep("支付赔款并登记", claimId, ClaimHandlingProcess.TASK_RECORD_PAYMENT, insurerA, Map.of(
                "paidAmount", 100000, "paidOn", LocalDate.now(clock).toString(), "paymentReference", "PAY-" + claimId));
    }

    private Step recommendations(long claimId) {
        return claimStep("提出事故后建议", claimId, ClaimHandlingProcess.TASK_WRITE_RECOMMENDATIONS, insurerA, Map.of(
                "riskControl", "拆除作业前进行专项风险辨识", "rectification", "补设连墙件", "training", "高处作业专项培训",
                "raiseHazards", false));
    }

    private Step claimStep(String label, long claimId, String taskKey, Role owner, Map<String, Object> form) {
        return new Step(label, ClaimHandlingProcess.KEY, String.valueOf(claimId), taskKey, owner, form,
                () -> claims.require(claimId));
    }

    /** An extra visit of policy A asked for by builder A; service org A's record task waits. */
    private long visit() {
        Visit visit = visits.requestExtra(builderA.actor(), new ExtraVisitRequest(a.policy().id(), "塔吊附近发现异常"));
        runJobs(PreventionServiceVisitProcess.KEY, visit.id());
        return visit.id();
    }

    private Step recordVisit(long visitId) {
        LocalDateTimeFormat times = new LocalDateTimeFormat(clock);
        return visitStep("现场服务并记录", visitId, PreventionServiceVisitProcess.TASK_RECORD_VISIT, Map.of(
                PreventionServiceVisitProcess.VAR_OUTCOME, "VISITED", "arrivedAt", times.ago(Duration.ofHours(2)),
                "leftAt", times.ago(Duration.ofMinutes(1)), "attendeesLines", InsuredProjects.PROJECT_LEAD + "\n"
                        + InsuredProjects.SERVICE_STAFF.get(0), "serviceItemsLines", "脚手架检查\n临时用电检查"));
    }

    private Step uploadReport(long visitId) {
        return visitStep("上传服务报告和隐患", visitId, PreventionServiceVisitProcess.TASK_UPLOAD_REPORT, Map.of(
                "reportFile", new EngineDoors.Upload("report.pdf", "application/pdf",
                        ("%PDF-1.4 visit report " + visitId + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)),
                "hazard1Location", "", "hazard7Location", ""));
    }

    private Step visitStep(String label, long visitId, String taskKey, Map<String, Object> form) {
        return new Step(label, PreventionServiceVisitProcess.KEY, String.valueOf(visitId), taskKey, serviceOrgA, form,
                () -> visits.require(visitId));
    }

    /** Times as the visit form's {@code datetime-local} inputs send them, in the business time zone. */
    private record LocalDateTimeFormat(Clock clock) {

        String ago(Duration duration) {
            return OffsetDateTime.now(clock).minus(duration).atZoneSameInstant(clock.getZone()).toLocalDateTime()
                    .truncatedTo(ChronoUnit.SECONDS).toString();
        }
    }

    /**
     * A registration of insurer A for a new policy number of project A, opened exactly as policyUnderwriting
     * opens one (message PolicyIssued, correlated by the system); the insurer's task waits.
     */
    private long registration() {
        long policyId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        engine.getRuntimeService().createMessageCorrelation(ServiceTeamRegistrationProcess.MESSAGE_POLICY_ISSUED)
                .processInstanceBusinessKey(String.valueOf(policyId))
                .setVariable(ServiceTeamRegistrationProcess.VAR_POLICY_ID, policyId)
                .setVariable(ServiceTeamRegistrationProcess.VAR_PROJECT_ID, a.project().id())
                .setVariable(ServiceTeamRegistrationProcess.VAR_INSURER_ORG_ID, insurerA.organizationId())
                .setVariable(ServiceTeamRegistrationProcess.VAR_POLICY_ISSUED_AT, ClockUtil.getCurrentTime())
                .correlateStartMessage();
        runJobs(ServiceTeamRegistrationProcess.KEY, policyId);
        return policyId;
    }

    private Step registerTeam(long policyId) {
        return new Step("登记服务团队", ServiceTeamRegistrationProcess.KEY, String.valueOf(policyId),
                ServiceTeamRegistrationProcess.TASK_REGISTER_SERVICE_TEAM, insurerA, Map.of(
                        "insurerMember1Name", "王保", "insurerMember1Duty", "项目经理", "insurerMember1Phone", "13800000000",
                        "serviceOrgId", serviceOrgA.organizationId(),
                        "technicalLead", InsuredProjects.TECHNICAL_LEAD, "projectLead", InsuredProjects.PROJECT_LEAD,
                        "serviceStaffLines", String.join("\n", InsuredProjects.SERVICE_STAFF)),
                () -> registrations.require(policyId));
    }

    private Step followUp(long policyId) {
        return new Step("督促逾期登记", ServiceTeamRegistrationProcess.KEY, String.valueOf(policyId),
                ServiceTeamRegistrationProcess.TASK_FOLLOW_UP_OVERDUE, county, Map.of("followUpNote", "已电话督促保险机构"),
                () -> registrations.require(policyId));
    }

    private Step insurerFilingReview(FiledInsurers.Submitted submitted) {
        return insurerFilingStep("审核展业告知备案", submitted, InsurerFilingProcess.TASK_REVIEW_FILING, city,
                Map.of(InsurerFilingProcess.VAR_REVIEW_DECISION, "approve"));
    }

    private Step insurerFilingCorrection(FiledInsurers.Submitted submitted) {
        FiledInsurers.Insurer insurer = submitted.insurer();
        Role clerk = new Role("补正中的保险机构", insurer.clerk().userId(), insurer.organization().groupId(),
                insurer.organization().id());
        return insurerFilingStep("补正备案材料", submitted, InsurerFilingProcess.TASK_CORRECT_FILING, clerk,
                Map.of(InsurerFilingProcess.VAR_CORRECTION_DECISION, InsurerFilingProcess.ABANDON));
    }

    private Step insurerFilingStep(String label, FiledInsurers.Submitted submitted, String taskKey, Role owner,
            Map<String, Object> form) {
        long filingId = submitted.filing().id();
        return new Step(label, InsurerFilingProcess.KEY, String.valueOf(filingId), taskKey, owner, form,
                () -> insurerFilings.get(ADMIN, filingId));
    }

    private Step serviceOrgFilingReview(FiledServiceOrgs.Submitted submitted) {
        return serviceOrgFilingStep("审核服务机构备案", submitted, ServiceOrgFilingProcess.TASK_REVIEW_FILING, city,
                Map.of(ServiceOrgFilingProcess.VAR_REVIEW_DECISION, "approve"));
    }

    private Step serviceOrgFilingCorrection(FiledServiceOrgs.Submitted submitted) {
        FiledServiceOrgs.ServiceOrg org = submitted.org();
        return serviceOrgFilingStep("补正备案材料", submitted, ServiceOrgFilingProcess.TASK_CORRECT_FILING,
                new Role("补正中的服务机构", org.user(), org.group(), org.id()),
                Map.of(ServiceOrgFilingProcess.VAR_CORRECTION_ACTION, "WITHDRAW"));
    }

    private Step serviceOrgFilingStep(String label, FiledServiceOrgs.Submitted submitted, String taskKey, Role owner,
            Map<String, Object> form) {
        long filingId = submitted.filing().id();
        return new Step(label, ServiceOrgFilingProcess.KEY, String.valueOf(filingId), taskKey, owner, form,
                () -> serviceOrgFilings.require(filingId));
    }

    private long serviceOrgFilingOf(Role serviceOrg) {
        return serviceOrgFilings.register().stream().filter(entry -> entry.organizationId() == serviceOrg.organizationId())
                .findFirst().orElseThrow().filingId();
    }

    /** The fields of the Tasklist form {@code serviceOrgFiling} at the start for a filing that passes its checks. */
    private static Map<String, Object> serviceOrgStartForm(FiledServiceOrgs.ServiceOrg org) {
        return FiledServiceOrgs.startForm(org.user());
    }

    // === helpers: attacks and their twins ====================================================================

    /** The owner submits its form plus each set of extra variables: 400, nothing changes. */
    @SafeVarargs
    private void overreach(Door door, Step step, Map<String, Object>... extras) {
        EngineDoors.User owner = at(door, step.owner());
        Snapshot before = snapshot(step);
        List<String> sent = new ArrayList<>();
        for (Map<String, Object> extra : extras) {
            String what = step + ": " + step.owner() + " also sends " + extra.keySet();
            refused(owner.completeTask(taskOf(step).getId(), with(step.form(), extra)), 400, what);
            sent.add(String.valueOf(extra.keySet()));
        }
        assertUnchanged(step, before, step + ": " + step.owner() + " sending " + sent);
    }

    /**
     * The task's own candidate tries everything but completing it: writing and removing variables (task,
     * local, instance), clearing or moving the due date, adding a candidate, delegating, ending the task
     * with a BPMN error or an escalation. Each is 403 and nothing changes.
     */
    private void edits(Door door, Step step, Map<String, Object> writes) {
        EngineDoors.User owner = at(door, step.owner());
        Snapshot before = snapshot(step);
        Task task = taskOf(step);
        String id = task.getId();
        List<Map.Entry<String, Answer>> answers = new ArrayList<>();
        writes.forEach((name, value) -> {
            answers.add(Map.entry("PUT task variable " + name, owner.putTaskVariable(id, name, value)));
            answers.add(Map.entry("PUT task local variable " + name, owner.send("PUT", "/task/" + id + "/localVariables/" + name,
                    EngineDoors.variables(Map.of(name, value)).get(name))));
            answers.add(Map.entry("DELETE task variable " + name, owner.send("DELETE", "/task/" + id + "/variables/" + name,
                    JSON.createObjectNode())));
        });
        answers.add(Map.entry("POST task variables", owner.modifyTaskVariables(id, writes)));
        ObjectNode deletions = JSON.createObjectNode();
        writes.keySet().forEach(deletions.putArray("deletions")::add);
        answers.add(Map.entry("POST task variables (deletions)", owner.post("/task/" + id + "/variables", deletions)));
        ObjectNode modifications = JSON.createObjectNode();
        modifications.set("modifications", EngineDoors.variables(writes));
        answers.add(Map.entry("POST instance variables", owner.post("/process-instance/" + task.getProcessInstanceId()
                + "/variables", modifications)));
        answers.add(Map.entry("PUT task (due date cleared)", owner.setDueDate(id, null)));
        answers.add(Map.entry("PUT task (due date a year later)", owner.setDueDate(id,
                new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(inDays(365)))));
        answers.add(Map.entry("POST task candidate group", owner.post("/task/" + id + "/identity-links",
                JSON.createObjectNode().put("groupId", builderB.group()).put("type", "candidate"))));
        answers.add(Map.entry("POST task delegate", owner.post("/task/" + id + "/delegate",
                JSON.createObjectNode().put("userId", city.user()))));
        answers.add(Map.entry("POST task bpmnError", owner.bpmnError(id, "DONE", writes)));
        answers.add(Map.entry("POST task bpmnEscalation", owner.bpmnEscalation(id, "DONE", writes)));
        for (Map.Entry<String, Answer> answer : answers) {
            refused(answer.getValue(), 403, step + ": " + step.owner() + " " + answer.getKey());
        }
        assertUnchanged(step, before, step + ": " + step.owner() + "'s edits " + answers.stream().map(Map.Entry::getKey).toList());
    }

    /**
     * Every role but the owner completes the step with a valid form: 403. Then the system gives each of
     * them a candidate link on the task (a mis-routed task): completing and claiming are still 403, as the
     * owner comes from the business tables. Then the owner completes it.
     */
    private void foreignRecord(Door door, Step step) {
        List<Role> attackers = everyone.stream().filter(role -> !role.group().equals(step.owner().group())).toList();
        assertThat(attackers).as("every role of the scenario but the owner of " + step).hasSizeGreaterThanOrEqualTo(8);
        Snapshot before = snapshot(step);
        String taskId = taskOf(step).getId();
        for (Role attacker : attackers) {
            refused(at(door, attacker).completeTask(taskId, step.form()), 403, step + ": " + attacker + " completes it");
        }
        assertUnchanged(step, before, step + " completed by " + attackers);
        attackers.forEach(attacker -> engine.getTaskService().addCandidateGroup(taskId, attacker.group()));
        Snapshot misrouted = snapshot(step);
        for (Role attacker : attackers) {
            refused(at(door, attacker).completeTask(taskId, step.form()), 403,
                    step + ": " + attacker + ", a candidate by mistake, completes it");
            refused(at(door, attacker).claim(taskId), 403, step + ": " + attacker + ", a candidate by mistake, claims it");
        }
        assertUnchanged(step, misrouted, step + " completed and claimed by the mis-routed candidates " + attackers);
        Answer claimed = at(door, step.owner()).claim(taskId);
        assertThat(claimed.status()).as(step + " claimed by its owner " + step.owner() + ": " + claimed.body()).isEqualTo(204);
        completes(door, step);
    }

    private static Map<String, Object> with(Map<String, Object> form, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(form);
        variables.putAll(extra);
        return variables;
    }

    /** The positive twin: the owner completes the step with its form; the task is gone. */
    private void completes(Door door, Step step) {
        String taskId = taskOf(step).getId();
        Answer answer = at(door, step.owner()).completeTask(taskId, step.form());
        assertThat(answer.status()).as(step + " completed by its owner " + step.owner() + ": " + answer.body())
                .isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).as(step + " done").isZero();
    }

    /**
     * A refusal of the door guard: the status and its Chinese reasons, no engine code, no task id. The
     * engine's own refusals (an authorization it lacks, a 404) have no {@code reasons}, so a door without
     * the guard fails here even where Camunda's authorizations would have said no.
     */
    private static void refused(Answer answer, int status, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status);
        JsonNode body = answer.json();
        assertThat(body.path("reasons").isArray() && !body.path("reasons").isEmpty())
                .as(what + ": the guard's reasons in " + answer.body()).isTrue();
        assertThat(body.path("message").asText()).as(what + ": a Chinese reason without engine code or task id")
                .containsPattern("\\p{IsHan}").doesNotContain("ENGINE-").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    }

    private EngineDoors.User at(Door door, Role role) {
        return users.computeIfAbsent(door + ":" + role.user(), key -> doors.as(door, role.user(), role.user()));
    }

    private Task taskOf(Step step) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processDefinitionKey(step.processKey())
                .processInstanceBusinessKey(step.businessKey()).taskDefinitionKey(step.taskKey()).list();
        assertThat(tasks).as(step + " is open").hasSize(1);
        return tasks.get(0);
    }

    private Snapshot snapshot(Step step) {
        Task task = taskOf(step);
        Map<String, String> state = new TreeMap<>();
        state.put("id", task.getId());
        state.put("name", task.getName());
        state.put("assignee", String.valueOf(task.getAssignee()));
        state.put("owner", String.valueOf(task.getOwner()));
        state.put("due", String.valueOf(task.getDueDate()));
        state.put("followUp", String.valueOf(task.getFollowUpDate()));
        state.put("priority", String.valueOf(task.getPriority()));
        state.put("candidates", String.valueOf(candidates(task.getId())));
        VariableMap variables = engine.getTaskService().getVariablesTyped(task.getId(), false);
        variables.keySet().forEach(name -> state.put("variable " + name, printable(variables.getValueTyped(name))));
        return new Snapshot(state, step.record().get(), instances(step.processKey()));
    }

    private void assertUnchanged(Step step, Snapshot before, String what) {
        assertThat(snapshot(step)).as(what + " left everything as it was").isEqualTo(before);
    }

    private List<String> candidates(String taskId) {
        return engine.getTaskService().getIdentityLinksForTask(taskId).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId() != null ? "group:" + link.getGroupId() : "user:" + link.getUserId())
                .sorted().toList();
    }

    private static String printable(TypedValue value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof FileValue file) {
            return "File " + file.getFilename() + " " + file.getMimeType();
        }
        Object plain = value.getValue();
        return value.getType().getName() + ":" + (plain instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes)
                : String.valueOf(plain));
    }

    private String latest(String processKey) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult().getId();
    }

    /** Instances of the process ever started, ended ones included. */
    private long instances(String processKey) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
    }

    private void runJobs(String processKey, long businessKey) {
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                .processInstanceBusinessKey(String.valueOf(businessKey)).list()
                .forEach(instance -> DueJobs.run(engine, instance));
    }

    private String photo(InsuredProjects.Party uploader, String what) {
        return files.store(what + ".jpg", "image/jpeg", SampleFiles.jpeg(), uploader.actor()).sha256();
    }

    private Date inDays(int days) {
        return Date.from(clock.instant().plus(Duration.ofDays(days)));
    }
}
