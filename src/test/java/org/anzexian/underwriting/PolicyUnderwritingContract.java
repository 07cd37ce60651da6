package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyUnderwritingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.support.TaskDeadlines;
import org.anzexian.support.TestSmtp;
import org.anzexian.filing.gate.InsurerGate;
import org.anzexian.filing.insurer.FiledInsurers.Insurer;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ConflictException;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.registry.project.NewProject;
import org.anzexian.registry.project.PermitStatus;
import org.anzexian.registry.project.Project;
import org.anzexian.registry.project.ProjectCategory;
import org.anzexian.registry.project.ProjectSubtype;
import org.anzexian.service.team.ServiceTeamRegistrationProcess;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** policyUnderwriting end to end: request, letter, application, review, premium, policy, report, PolicyIssued. */
abstract class PolicyUnderwritingContract extends UnderwritingFixtures {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @Test
    void quotationToPolicyIssuesTheNumberedPolicyReportsItAndStartsServiceTeamRegistration_N4_3_N4_5_N2_5() throws Exception {
        assertThat(insurance(project).insured()).isFalse();
        QuotationRequestResult result = underwriting.requestQuotations(builder.user(), request(project, insurer));
        assertThat(result.conversion()).isFalse();
        Quotation quotation = result.quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        assertThat(instance).isWaitingAt(TASK_ISSUE_QUOTATION);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(insurer.organization().groupId());
        // #12: each of the insurer's steps is due when the settings say, and its 即将到期/已逾期 filters list it
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_ISSUE_QUOTATION, settings.quotationEscalation(),
                insurer.clerk());

        issueLetter(instance, "1.5", "permille");
        Quotation issued = underwriting.get(builder.user(), quotation.id());
        assertThat(issued.premium()).isEqualByComparingTo("18000.00");
        assertThat(instance).isWaitingAt(TASK_APPLY);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(builder.organization().groupId());

        ResponseEntity<String> letter = http.withBasicAuth(builder.user().userId(), builder.user().userId())
                .getForEntity("/api/quotations/" + quotation.id() + "/letter", String.class);
        assertThat(letter.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(letter.getBody()).contains("报价函", project.name(), "18,000.00", "1.5‰", "@media print");
        Insurer other = insurers.filed();
        assertThat(http.withBasicAuth(other.clerk().userId(), other.clerk().userId())
                .getForEntity("/api/quotations/" + quotation.id() + "/letter", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        apply(instance);
        assertThat(instance).isWaitingAt(TASK_REVIEW_APPLICATION);
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_REVIEW_APPLICATION, settings.reviewWithin(),
                insurer.clerk());
        review(instance, ACCEPT, null);
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_CONFIRM_PREMIUM, settings.premiumWithin(),
                insurer.clerk());

        assertThatThrownBy(() -> premium(instance, "9000.00", true))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("N4.3");
        assertThatThrownBy(() -> premium(instance, "18000.00", false))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("不得分期");
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        premium(instance, "18000.00", true);
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(TASK_ISSUE_POLICY, TASK_REPORT_POLICY,
                TASK_START_SERVICE_TEAM_REGISTRATION, END_POLICY_ISSUED);
        Policy policy = underwriting.policiesOfContract(project.constructionContract().id()).get(0);
        assertThat(policy.policyNumber()).matches("XZAZB-\\d{4}-\\d{6}");
        assertThat(policy.policyStart()).isEqualTo(project.constructionContract().start());
        assertThat(policy.policyEnd()).isEqualTo(project.constructionContract().end());
        assertThat(policy.premium()).isEqualByComparingTo("18000.00");
        assertThat(policy.premiumRatePermille()).isEqualByComparingTo("1.5");
        assertThat(policy.projectName()).isEqualTo(project.name());
        assertThat(policy.insurancePlan()).isEqualTo("主险：建筑施工安全生产责任保险");
        assertThat(policy.reportedToCountyAt()).isNotNull();

        ProcessInstance registration = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ServiceTeamRegistrationProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(policy.id())).variableValueEquals(VAR_POLICY_ID, policy.id())
                .singleResult();
        assertThat(registration).as("serviceTeamRegistration started on PolicyIssued").isNotNull();
        Map<String, Object> variables = engine.getRuntimeService().getVariables(registration.getId());
        assertThat(variables.get(VAR_POLICY_ID)).isEqualTo(policy.id());
        assertThat(variables.get(VAR_PROJECT_ID)).isEqualTo(project.id());
        assertThat(variables.get(VAR_INSURER_ORG_ID)).isEqualTo(insurer.organization().id());
        assertThat(variables.get(VAR_POLICY_ISSUED_AT)).isInstanceOf(Date.class);

        assertThat(awaitMail(builder.email()).getSubject()).contains(policy.policyNumber());
        assertThat(noticeTemplates("policy:" + policy.id())).contains(NoticeTemplates.UNDERWRITING_POLICY_ISSUED);

        ProjectInsurance insured = insurance(project);
        assertThat(insured.insured()).isTrue();
        assertThat(insured.policyNumber()).isEqualTo(policy.policyNumber());
        assertThat(insured.insurerName()).isEqualTo(insurer.organization().name());

        assertThatThrownBy(() -> underwriting.requestQuotations(builder.user(), request(project, insurers.filed())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("N2.4");
    }

    @Test
    void theTasksShowTheQuotationsContextAndDocumentsToItsPartiesOnly_N4_4_N6_1() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        // the task lists tell the insurers' cases apart (#12)
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_SUMMARY))
                .isEqualTo("忻府区 · " + project.code() + " " + project.name() + " · " + insurer.organization().name()
                        + " · 合同 ¥12,000,000.00");
        issueLetter(instance, "1.5", "permille");
        apply(instance);
        String path = "/api/quotations/" + quotation.id() + "/context";

        JsonNode seenByInsurer = json(insurer.clerk().userId(), path);
        assertThat(seenByInsurer.path("project").path("code").asText()).isEqualTo(project.code());
        assertThat(seenByInsurer.path("project").path("county").asText()).isEqualTo("忻府区");
        assertThat(seenByInsurer.path("project").path("contractAmount").asText()).isEqualTo("¥12,000,000.00");
        assertThat(seenByInsurer.path("builderName").asText()).isEqualTo(builder.organization().name());
        assertThat(seenByInsurer.path("insurerName").asText()).isEqualTo(insurer.organization().name());
        assertThat(seenByInsurer.path("letter").path("premium").asText()).isEqualTo("¥18,000.00");
        assertThat(seenByInsurer.path("letter").path("premiumRate").asText()).isEqualTo("1.5‰");
        assertThat(seenByInsurer.path("documents")).extracting(document -> document.path("label").asText())
                .containsExactly("施工合同", "加盖公章的投保单", "企业资料");
        assertThat(seenByInsurer.path("documents").get(0).path("fileName").asText()).isEqualTo("construction-contract.pdf");
        String download = seenByInsurer.path("documents").get(0).path("url").asText();
        assertThat(download).isEqualTo("/api/files/" + contractHash);
        // the insurer reviewing the application downloads the builder's contract
        assertThat(http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .getForEntity(download, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json(builder.user().userId(), path).path("letter").path("premium").asText()).isEqualTo("¥18,000.00");
        assertThat(json("city", path).path("quotationId").asLong()).isEqualTo(quotation.id());

        // another insurer and another construction unit do not learn the quotation exists, nor read its files
        String otherClerk = insurers.filed().clerk().userId();
        String otherBuilder = builder().user().userId();
        for (String stranger : List.of(otherClerk, otherBuilder)) {
            assertThat(http.withBasicAuth(stranger, stranger).getForEntity(path, String.class).getStatusCode())
                    .as(stranger).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.withBasicAuth(stranger, stranger).getForEntity(download, String.class).getStatusCode())
                    .as(stranger).isIn(HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN);
        }
    }

    private JsonNode json(String user, String path) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("%s as %s", path, user).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @Test
    void aDeclineNeedsAReasonAndIsReportedToTheCityBureau_N4_4() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        Map<String, Object> noReason = new HashMap<>(Map.of(VAR_QUOTATION_DECISION, DECLINE));
        assertThatThrownBy(() -> complete(instance, insurer.clerk(), noReason))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("理由");
        assertThat(instance).isWaitingAt(TASK_ISSUE_QUOTATION);

        complete(instance, insurer.clerk(), Map.of(VAR_QUOTATION_DECISION, DECLINE, VAR_DECLINE_REASON, "项目位于地质灾害高风险区"));
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(TASK_REPORT_DECLINE, END_DECLINED);
        assertThat(underwriting.get(builder.user(), quotation.id()).status()).isEqualTo(QuotationStatus.DECLINED);
        assertThat(noticeTemplates("quotation:" + quotation.id())).contains(NoticeTemplates.UNDERWRITING_DECLINED);
    }

    @Test
    void aRelatedInsurerCannotAlsoQuoteForTheProject_N3_6() {
        underwriting.requestQuotations(builder.user(), request(project, insurer));
        Insurer related = insurers.filedRelatedTo(List.of(insurer.parent()));

        assertThatThrownBy(() -> underwriting.requestQuotations(builder.user(), request(project, related)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("N3.6")
                .hasMessageContaining(related.organization().name()).hasMessageContaining(insurer.organization().name());
        Insurer unrelated = insurers.filed();
        assertThat(underwriting.requestQuotations(builder.user(), request(project, unrelated)).quotations()).hasSize(1);
    }

    @Test
    void anUnfiledInsurerCannotBeAskedToQuote_N5_2() {
        Insurer unfiled = insurers.unfiled();

        assertThatThrownBy(() -> underwriting.requestQuotations(builder.user(), request(project, insurer, unfiled)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining(InsurerGate.REFUSAL);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(VAR_PROJECT_ID, project.id()).count()).isZero();
    }

    @Test
    void theJointVentureLeadBuysAndAMemberOrSubcontractorMayNot_N2_2_N2_3() {
        Builder member = builder();
        Project venture = project(builder, PermitStatus.ISSUED,
                List.of(new NewProject.NewJointVentureMember(builder.organization().id(), true, new BigDecimal("60")),
                        new NewProject.NewJointVentureMember(member.organization().id(), false, new BigDecimal("40"))));

        assertThatThrownBy(() -> underwriting.requestQuotations(member.user(), request(venture, insurer)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("N2.2/N2.3");
        QuotationRequestResult result = underwriting.requestQuotations(builder.user(), request(venture, insurer));
        assertThat(result.conversion()).as("a project with a permit converts (N1.2)").isTrue();
    }

    @Test
    void thePolicyShowsHowSubcontractorsAndVentureMembersShareThePremium_N2_2_N2_3() {
        Builder member = builder();
        Builder subcontractor = builder();
        String suffix = suffix();
        LocalDate start = LocalDate.now(clock).plusMonths(1);
        Project venture = projects.register(ADMIN, new NewProject("UW-" + suffix, "联合体住宅楼" + suffix, "忻府区" + suffix + "号",
                "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, CONTRACT_AMOUNT, start, start.plusMonths(18),
                PermitStatus.NONE, builder.organization().id(), "HT-" + suffix,
                List.of(new NewProject.NewJointVentureMember(builder.organization().id(), true, new BigDecimal("60")),
                        new NewProject.NewJointVentureMember(member.organization().id(), false, new BigDecimal("40"))),
                List.of(new NewProject.NewSubcontractor(subcontractor.organization().id(), new BigDecimal("10"))),
                List.of()));
        Policy policy = issuedPolicy(builder, venture);

        JsonNode view = http.withBasicAuth(builder.user().userId(), builder.user().userId())
                .getForEntity("/api/policies/" + policy.id(), JsonNode.class).getBody();

        // 12,000,000 × 1.5 ‰ = 18,000: the subcontractor 10 %, the rest 60 : 40 between the members
        assertThat(view.get("policy").get("policyNumber").asText()).isEqualTo(policy.policyNumber());
        assertThat(view.get("premiumShares")).extracting(share -> share.get("organizationId").asLong(),
                share -> share.get("party").asText(), share -> share.get("amount").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly(tuple(subcontractor.organization().id(), "SUBCONTRACTOR", "1800"),
                        tuple(builder.organization().id(), "JOINT_VENTURE_MEMBER", "9720"),
                        tuple(member.organization().id(), "JOINT_VENTURE_MEMBER", "6480"));
        assertThat(http.withBasicAuth("yuanping", "yuanping").getForEntity("/api/policies/" + policy.id(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void acceptingOneQuotationLapsesTheOthers_N6_1() {
        Insurer second = insurers.filed();
        QuotationRequestResult result = underwriting.requestQuotations(builder.user(), request(project, insurer, second));
        ProcessInstance first = instance(result.quotations().get(0).id());
        ProcessInstance other = instance(result.quotations().get(1).id());
        issueLetter(first, "0.15", "percent");
        assertThat(underwriting.get(builder.user(), result.quotations().get(0).id()).premiumRatePermille())
                .isEqualByComparingTo("1.5");

        Map<String, Object> missingContract = applicationVariables();
        missingContract.remove(VAR_CONTRACT);
        missingContract.remove(VAR_ENTERPRISE_DOCUMENT_1);
        // every problem at once, in Chinese, naming the form's fields (#12)
        assertThatThrownBy(() -> complete(first, builder.user(), missingContract))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("请上传该文件")
                .hasMessageContaining("至少上传一份企业资料");
        apply(first);

        assertThat(other).isEnded().hasPassed(END_LAPSED);
        assertThat(underwriting.get(builder.user(), result.quotations().get(1).id()).status())
                .isEqualTo(QuotationStatus.LAPSED);
    }

    @Test
    void anUnissuedQuotationRemindsThenEscalates() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        assertThat(dueTimers(instance)).isEmpty();

        moveClock(Duration.ofDays(3).plusMinutes(1));
        dueTimers(instance).forEach(job -> engine.getManagementService().executeJob(job.getId()));
        executeJobs(instance);
        assertThat(instance).hasPassed(TASK_REMIND_INSURER).isWaitingAt(TASK_ISSUE_QUOTATION);
        assertThat(instance).hasNotPassed(TASK_ESCALATE_QUOTATION);

        moveClock(Duration.ofDays(7).plusMinutes(2));
        dueTimers(instance).forEach(job -> engine.getManagementService().executeJob(job.getId()));
        executeJobs(instance);
        assertThat(instance).hasPassed(TASK_ESCALATE_QUOTATION).isWaitingAt(TASK_ISSUE_QUOTATION);
        assertThat(noticeTemplates("quotation:" + quotation.id())).contains(
                NoticeTemplates.UNDERWRITING_QUOTATION_REMINDER, NoticeTemplates.UNDERWRITING_QUOTATION_ESCALATION);
    }

    @Test
    void thePreventionFeeMayNotExceedTheConfiguredShareOfThePremium_N4_4() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        Map<String, Object> letter = letterVariables("1.5", "permille");
        letter.put(VAR_PREVENTION_FEE_PERCENT, 35);

        assertThatThrownBy(() -> complete(instance(quotation.id()), insurer.clerk(), letter))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("30%");
    }

    @Test
    void theReviewSendsTheApplicationBackForCorrectionsWithTheInsurersReasonAndAcceptsTheCorrectedOne() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        apply(instance);

        review(instance, CORRECTIONS, "投保单未加盖公章，请补正");

        assertThat(instance).isWaitingAt(TASK_APPLY);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(builder.organization().groupId());
        assertThat(engine.getTaskService().getVariable(BpmnAwareTests.task(instance).getId(), VAR_REVIEW_REASON))
                .as("the application form shows the insurer's reason").isEqualTo("投保单未加盖公章，请补正");
        Quotation returned = underwriting.get(builder.user(), quotation.id());
        assertThat(returned.status()).isEqualTo(QuotationStatus.NEEDS_CORRECTION);
        assertThat(returned.reviewReason()).isEqualTo("投保单未加盖公章，请补正");

        var stampedFile = upload("stamped application form, corrected");
        String stampedForm = hashOf(stampedFile);
        Map<String, Object> corrected = applicationVariables();
        corrected.put(VAR_APPLICATION_FORM, stampedFile);
        complete(instance, builder.user(), corrected);
        assertThat(instance).isWaitingAt(TASK_REVIEW_APPLICATION);
        assertThat(underwriting.get(insurer.clerk(), quotation.id()).applicationFormHash()).isEqualTo(stampedForm);

        review(instance, ACCEPT, null);
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        assertThat(underwriting.get(builder.user(), quotation.id()).status()).isEqualTo(QuotationStatus.UNDERWRITTEN);
    }

    @Test
    void theReviewDeclinesOnlyWithAReasonAndTheCityBureauIsTold_N4_4() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        apply(instance);

        assertThatThrownBy(() -> review(instance, DECLINE, " "))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("理由");
        assertThat(instance).isWaitingAt(TASK_REVIEW_APPLICATION);
        assertThat(underwriting.get(builder.user(), quotation.id()).status()).isEqualTo(QuotationStatus.APPLIED);

        review(instance, DECLINE, "施工单位近三年发生较大生产安全事故");
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(TASK_REPORT_DECLINE, END_DECLINED).hasNotPassed(TASK_CONFIRM_PREMIUM);
        Quotation declined = underwriting.get(builder.user(), quotation.id());
        assertThat(declined.status()).isEqualTo(QuotationStatus.UNDERWRITING_DECLINED);
        assertThat(declined.reviewReason()).isEqualTo("施工单位近三年发生较大生产安全事故");
        List<NoticeDelivery> notices = notifications.list(new NoticeFilter(null, NoticeTemplates.UNDERWRITING_DECLINED,
                "quotation:" + quotation.id(), null), 0, 100).items();
        assertThat(notices).extracting(NoticeDelivery::recipient)
                .containsAll(groups.memberEmails(PlatformGroups.CITY_BUREAU)).contains(builder.email());
        assertThat(notices).allSatisfy(notice -> assertThat(notice.body()).contains("核保", "施工单位近三年发生较大生产安全事故"));
        assertThat(underwriting.policiesOfContract(project.constructionContract().id())).isEmpty();
    }

    @Test
    void thePremiumCallbackRefusesAPartialAmountAndIssuesThePolicyOnTheFullOne_N4_3() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        apply(instance);
        review(instance, ACCEPT, null);
        String premiumUrl = "/api/quotations/" + quotation.id() + "/premium";

        ResponseEntity<ApiError> partial = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .postForEntity(premiumUrl, Map.of("amount", 9000.00, "onePayment", true), ApiError.class);
        assertThat(partial.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(partial.getBody().fieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(VAR_PREMIUM_RECEIVED);
            assertThat(error.message()).contains("9000", "18000.00", "全额", "N4.3");
        });
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        Quotation unchanged = underwriting.get(insurer.clerk(), quotation.id());
        assertThat(unchanged.status()).isEqualTo(QuotationStatus.UNDERWRITTEN);
        assertThat(unchanged.premiumReceivedAt()).isNull();

        Insurer other = insurers.filed();
        assertThat(http.withBasicAuth(other.clerk().userId(), other.clerk().userId())
                .postForEntity(premiumUrl, Map.of("amount", 18000.00, "onePayment", true), ApiError.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth(builder.user().userId(), builder.user().userId())
                .postForEntity(premiumUrl, Map.of("amount", 18000.00, "onePayment", true), ApiError.class).getStatusCode())
                .as("the buyer sees the quotation but does not confirm its own payment").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);

        ResponseEntity<Void> full = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .postForEntity(premiumUrl, Map.of("amount", 18000.00, "onePayment", true), Void.class);
        assertThat(full.getStatusCode().is2xxSuccessful()).isTrue();
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(TASK_ISSUE_POLICY, END_POLICY_ISSUED);
        assertThat(underwriting.get(insurer.clerk(), quotation.id()).status()).isEqualTo(QuotationStatus.POLICY_ISSUED);
        Policy policy = underwriting.policiesOfContract(project.constructionContract().id()).get(0);
        assertThat(policy.premium()).isEqualByComparingTo("18000.00");
        assertThat(insurance(project).policyNumber()).isEqualTo(policy.policyNumber());
    }

    @Test
    void anInsurerSuspendedAfterTheBuilderAcceptedItsQuotationCannotConfirmThePremiumAndNoPolicyIsIssued_N5_2() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        apply(instance);
        review(instance, ACCEPT, null);
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);

        suspendThroughTheCreditList(insurer);
        assertThat(gate.isFiled(insurer.organization().id())).isFalse();

        String premiumUrl = "/api/quotations/" + quotation.id() + "/premium";
        ResponseEntity<ApiError> refused = http.withBasicAuth(insurer.clerk().userId(), insurer.clerk().userId())
                .postForEntity(premiumUrl, Map.of("amount", 18000.00, "onePayment", true), ApiError.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().message()).contains("备案", "暂停", "N5.2");
        assertThatThrownBy(() -> premium(instance, "18000.00", true))
                .as("the Tasklist form is refused the same way")
                .hasRootCauseInstanceOf(ForbiddenException.class).hasMessageContaining("N5.2");

        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        executeJobs(instance);
        assertThat(instance).hasNotPassed(TASK_ISSUE_POLICY);
        Quotation unchanged = underwriting.get(insurer.clerk(), quotation.id());
        assertThat(unchanged.status()).isEqualTo(QuotationStatus.UNDERWRITTEN);
        assertThat(unchanged.premiumReceivedAt()).isNull();
        assertThat(underwriting.effectivePolicy(project.constructionContract().id())).isEmpty();
        assertThat(underwriting.policiesOfContract(project.constructionContract().id())).isEmpty();
        assertThat(insurance(project).insured()).isFalse();
    }

    @Test
    void anInsurerSuspendedAfterThePremiumWasConfirmedIsIssuedNoPolicy_N5_2() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        apply(instance);
        review(instance, ACCEPT, null);
        premium(instance, "18000.00", true);
        assertThat(instance).isWaitingAt(TASK_ISSUE_POLICY);

        suspendThroughTheCreditList(insurer);
        Job issue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThatThrownBy(() -> engine.getManagementService().executeJob(issue.getId()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("N5.2");
        assertThat(engine.getManagementService().createJobQuery().jobId(issue.getId()).singleResult().getExceptionMessage())
                .as("the failed step says why, for the operator").contains("备案", "N5.2");

        assertThat(instance).isWaitingAt(TASK_ISSUE_POLICY);
        assertThat(underwriting.get(insurer.clerk(), quotation.id()).status()).isEqualTo(QuotationStatus.UNDERWRITTEN);
        assertThat(underwriting.effectivePolicy(project.constructionContract().id())).isEmpty();
        assertThat(underwriting.policiesOfContract(project.constructionContract().id())).isEmpty();
    }

    @Test
    void phasesSharingAConstructionContractShareItsOnePolicy_N2_4() {
        LocalDate secondStart = project.constructionContract().end().plusDays(1);
        Project secondPhase = projects.register(ADMIN, new NewProject("UW-" + suffix(), project.name() + "二期",
                project.siteAddress(), "140902", ProjectCategory.BUILDING, ProjectSubtype.RESIDENTIAL, CONTRACT_AMOUNT,
                secondStart, secondStart.plusMonths(12), PermitStatus.NONE, builder.organization().id(),
                project.constructionContract().number(), List.of(), List.of(), List.of()));
        assertThat(secondPhase.constructionContract().id()).isEqualTo(project.constructionContract().id());

        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        assertThat(underwriting.get(builder.user(), quotation.id()).premium())
                .as("the premium is on the whole contract, both phases").isEqualByComparingTo("36000.00");
        apply(instance);
        review(instance, ACCEPT, null);
        premium(instance, "36000.00", true);
        executeJobs(instance);
        Policy policy = underwriting.effectivePolicy(project.constructionContract().id()).orElseThrow();
        assertThat(policy.policyEnd()).isEqualTo(secondPhase.constructionContract().end());

        ResponseEntity<ApiError> refused = http.withBasicAuth(builder.user().userId(), builder.user().userId())
                .postForEntity("/api/quotation-requests", request(secondPhase, insurers.filed()), ApiError.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getBody().message()).contains(project.constructionContract().number(), "N2.4");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(VAR_PROJECT_ID, secondPhase.id()).count()).isZero();

        for (Project phase : List.of(project, secondPhase)) {
            ProjectInsurance insured = insurance(phase);
            assertThat(insured.insured()).as(phase.code()).isTrue();
            assertThat(insured.policyNumber()).isEqualTo(policy.policyNumber());
            assertThat(insured.insurerName()).isEqualTo(insurer.organization().name());
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    MimeMessage awaitMail(String recipient) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, recipient)).findFirst().orElse(null), message -> message != null);
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().contains(recipient));
        } catch (Exception e) {
            return false;
        }
    }

}
