package org.anzexian.underwriting;

import static org.anzexian.underwriting.PolicyEndorsementProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anzexian.filing.insurer.FiledInsurers.Insurer;
import org.anzexian.notification.NoticeTemplates;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.web.ApiError;
import org.anzexian.platform.web.ForbiddenException;
import org.anzexian.platform.web.InvalidRequestException;
import org.anzexian.registry.project.Project;
import org.anzexian.support.EngineDoors;
import org.anzexian.support.Processes;
import org.anzexian.support.TaskDeadlines;
import org.anzexian.support.EngineDoors.Door;
import org.anzexian.support.TestSmtp;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * #11 finding 11: a phase joining an insured construction contract needs an endorsement (批改) before
 * the permit check answers "insured" for it (N1.1), paid in full (N4.3) and confirmed by the policy's
 * insurer only, on every door; and a suspended insurer's open quotations are told to the builder, who
 * may choose another insurer (N5.2).
 */
abstract class PolicyEndorsementContract extends UnderwritingFixtures {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    @LocalServerPort int port;

    @Test
    void aPhaseBuiltAfterThePolicyEndsDoublingTheAmountIsNotInsuredUntilItsEndorsementIsPaidAndIssued_N1_1() throws Exception {
        Policy policy = issuedPolicy(builder, project);
        LocalDate secondStart = policy.policyEnd().plusDays(1);
        Project secondPhase = phase(secondStart, secondStart.plusMonths(12));

        ProjectInsurance answer = insurance(secondPhase);
        assertThat(answer.insured()).as("the finding: a phase beyond the policy was answered insured").isFalse();
        assertThat(answer.reason()).contains("施工期超出保单期间，须办理批改", "合同金额增加，须办理批改");
        assertThat(answer.policyNumber()).isEqualTo(policy.policyNumber());
        assertThat(answer.endorsementId()).isNotNull();
        assertThat(insurance(project).insured()).as("the first phase stays insured").isTrue();

        Endorsement endorsement = endorsementAs(builder.user().userId(), answer.endorsementId());
        assertThat(endorsement.status()).isEqualTo(EndorsementStatus.PENDING);
        assertThat(endorsement.oldContractAmount()).isEqualByComparingTo(CONTRACT_AMOUNT);
        assertThat(endorsement.newContractAmount()).isEqualByComparingTo(CONTRACT_AMOUNT.multiply(BigDecimal.valueOf(2)));
        assertThat(endorsement.newPolicyEnd()).isEqualTo(secondPhase.contractEnd());
        assertThat(endorsement.phaseProjectIds()).containsExactly(secondPhase.id());
        BigDecimal expected = expectedAdditionalPremium(policy, secondPhase.contractEnd());
        assertThat(endorsement.additionalPremium()).isEqualByComparingTo(expected);
        assertThat(expected).as("more than the amount part alone: the period grew too").isGreaterThan(new BigDecimal("18000.00"));
        assertThat(noticeTemplates("endorsement:" + endorsement.id()))
                .contains(NoticeTemplates.UNDERWRITING_ENDORSEMENT_REQUIRED);

        ProcessInstance instance = Processes.instance(engine, KEY, endorsement.id());
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup(insurer.organization().groupId());
        TaskDeadlines.assertDueAfterCreation(engine, instance, TASK_CONFIRM_PREMIUM, settings.premiumWithin(),
                insurer.clerk());
        Map<String, Object> shown = engine.getRuntimeService().getVariables(instance.getId());
        assertThat(shown).containsEntry(VAR_OLD_CONTRACT_AMOUNT, "¥12,000,000.00")
                .containsEntry(VAR_NEW_CONTRACT_AMOUNT, "¥24,000,000.00")
                .containsEntry(VAR_POLICY_NUMBER, policy.policyNumber());
        assertThat((String) shown.get(VAR_PHASES)).contains(secondPhase.code());

        assertThatThrownBy(() -> confirm(instance, insurer.clerk(), expected.subtract(BigDecimal.ONE), true))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("N4.3");
        assertThatThrownBy(() -> confirm(instance, insurer.clerk(), expected, false))
                .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("不得分期");
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        assertThat(insurance(secondPhase).insured()).isFalse();

        confirm(instance, insurer.clerk(), expected, true);
        executeJobs(instance);

        assertThat(instance).isEnded().hasPassed(TASK_ISSUE_ENDORSEMENT, TASK_REPORT_ENDORSEMENT, END_ISSUED);
        Endorsement issued = endorsementAs(insurer.clerk().userId(), endorsement.id());
        assertThat(issued.status()).isEqualTo(EndorsementStatus.ISSUED);
        assertThat(issued.endorsementNumber()).isEqualTo(policy.policyNumber() + "-P01");
        ProjectInsurance insured = insurance(secondPhase);
        assertThat(insured.insured()).isTrue();
        assertThat(insured.reason()).isNull();
        assertThat(insured.policyEnd()).isEqualTo(secondPhase.contractEnd());
        assertThat(insured.premium()).as("the new premium").isEqualByComparingTo(policy.premium().add(expected));
        Policy endorsed = underwriting.policy(policy.id());
        assertThat(endorsed.contractAmount()).isEqualByComparingTo(CONTRACT_AMOUNT.multiply(BigDecimal.valueOf(2)));
        assertThat(endorsed.premium()).isEqualByComparingTo(policy.premium().add(expected));
        assertThat(noticeTemplates("endorsement:" + endorsement.id())).contains(NoticeTemplates.UNDERWRITING_ENDORSEMENT_ISSUED);
        assertThat(awaitMail(builder.email(), issued.endorsementNumber()).getSubject()).contains(issued.endorsementNumber());
    }

    @Test
    void aPhaseWithinThePolicyPeriodDoublingTheAmountNeedsAnEndorsementAtTheFullRateOnTheIncrease_N1_1() {
        Policy policy = issuedPolicy(builder, project);
        Project secondPhase = phase(project.contractStart(), project.contractEnd());

        ProjectInsurance answer = insurance(secondPhase);
        assertThat(answer.insured()).isFalse();
        assertThat(answer.reason()).contains("合同金额增加，须办理批改").doesNotContain("施工期超出保单期间");
        Endorsement endorsement = endorsementAs(builder.user().userId(), answer.endorsementId());
        assertThat(endorsement.additionalPremium()).as("12,000,000 × 1.5‰, no extra days")
                .isEqualByComparingTo("18000.00").isEqualByComparingTo(expectedAdditionalPremium(policy, project.contractEnd()));

        String premiumUrl = "/api/endorsements/" + endorsement.id() + "/premium";
        Map<String, Object> payment = Map.of("amount", 18000.00, "onePayment", true);
        Insurer other = insurers.filed();
        assertThat(post(other.clerk().userId(), premiumUrl, payment).getStatusCode())
                .as("another insurer does not even see it").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(builder.user().userId(), premiumUrl, payment).getStatusCode())
                .as("the builder pays, the insurer confirms").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(insurance(secondPhase).insured()).isFalse();

        assertThat(post(insurer.clerk().userId(), premiumUrl, payment).getStatusCode()).isEqualTo(HttpStatus.OK);
        executeJobs(Processes.instance(engine, KEY, endorsement.id()));
        assertThat(insurance(secondPhase).insured()).isTrue();
        assertThat(insurance(secondPhase).premium()).isEqualByComparingTo("36000.00");
    }

    @Test
    void onlyThePolicysInsurerConfirmsTheEndorsementPremiumOnTheEngineDoors_N1_1_N4_3() {
        issuedPolicy(builder, project);
        Project secondPhase = phase(project.contractStart(), project.contractEnd());
        Endorsement endorsement = pendingEndorsement(secondPhase);
        ProcessInstance instance = Processes.instance(engine, KEY, endorsement.id());
        // the task lists tell cases apart (#12): the insured project, the policy, the additional premium
        assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), VAR_CASE_SUMMARY))
                .startsWith("忻府区 · " + project.code() + " " + project.name() + " · 批改 XZAZB-")
                .endsWith(" · 批改保费 ¥18,000.00");
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        Map<String, Object> form = Map.of(VAR_PREMIUM_RECEIVED, 18000.00, VAR_PAID_IN_ONE_PAYMENT, true);
        Insurer other = insurers.filed();
        EngineDoors doors = new EngineDoors(port);

        for (Door door : Door.values()) {
            for (String attacker : List.of(other.clerk().userId(), builder.user().userId())) {
                assertThat(doors.as(door, attacker, attacker).completeTask(task.getId(), form).status())
                        .as(door + ": " + attacker).isEqualTo(403);
            }
        }
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        assertThat(insurance(secondPhase).insured()).isFalse();

        EngineDoors.Answer twin = doors.as(Door.TASKLIST_API, insurer.clerk().userId(), insurer.clerk().userId())
                .completeTask(task.getId(), form);
        assertThat(twin.status()).as(twin.body()).isBetween(200, 204);
        executeJobs(instance);
        assertThat(insurance(secondPhase).insured()).isTrue();
    }

    @Test
    void aSuspendedInsurerConfirmsNoEndorsementPremiumAndThePhaseStaysUninsured_N5_2_N1_1() {
        issuedPolicy(builder, project);
        Project secondPhase = phase(project.contractStart(), project.contractEnd());
        Endorsement endorsement = pendingEndorsement(secondPhase);
        suspendThroughTheCreditList(insurer);

        ResponseEntity<ApiError> refused = post(insurer.clerk().userId(), "/api/endorsements/" + endorsement.id() + "/premium",
                Map.of("amount", 18000.00, "onePayment", true));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().message()).contains("备案", "N5.2");
        ProcessInstance instance = Processes.instance(engine, KEY, endorsement.id());
        assertThatThrownBy(() -> confirm(instance, insurer.clerk(), new BigDecimal("18000.00"), true))
                .as("the Tasklist form is refused the same way").hasRootCauseInstanceOf(ForbiddenException.class);
        assertThat(instance).isWaitingAt(TASK_CONFIRM_PREMIUM);
        assertThat(endorsementAs(builder.user().userId(), endorsement.id()).premiumReceivedAt()).isNull();
        assertThat(insurance(secondPhase).insured()).isFalse();
    }

    @Test
    void aFurtherPhaseSupersedesThePendingEndorsementWhichThenCoversBoth_N1_1() {
        Policy policy = issuedPolicy(builder, project);
        Project second = phase(project.contractStart(), project.contractEnd());
        Endorsement first = pendingEndorsement(second);
        ProcessInstance firstInstance = Processes.instance(engine, KEY, first.id());
        LocalDate thirdStart = policy.policyEnd().plusDays(1);
        Project third = phase(thirdStart, thirdStart.plusMonths(6));

        assertThat(firstInstance).isEnded().hasPassed(END_SUPERSEDED);
        assertThat(endorsementAs(builder.user().userId(), first.id()).status()).isEqualTo(EndorsementStatus.SUPERSEDED);
        Endorsement both = pendingEndorsement(third);
        assertThat(insurance(second).endorsementId()).isEqualTo(both.id());
        assertThat(both.phaseProjectIds()).containsExactlyInAnyOrder(second.id(), third.id());
        assertThat(both.oldContractAmount()).isEqualByComparingTo(CONTRACT_AMOUNT);
        assertThat(both.newContractAmount()).isEqualByComparingTo(CONTRACT_AMOUNT.multiply(BigDecimal.valueOf(3)));
        assertThat(both.additionalPremium()).isEqualByComparingTo(expectedAdditionalPremium(policy, third.contractEnd(),
                CONTRACT_AMOUNT.multiply(BigDecimal.valueOf(3))));
        assertThat(insurance(second).insured()).isFalse();
        assertThat(insurance(third).reason()).contains("施工期超出保单期间");
    }

    @Test
    void theBuilderIsToldOfASuspendedInsurersOpenQuotationAndAnotherInsurersAcceptanceLapsesIt_N5_2() throws Exception {
        Quotation suspendedOnes = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance suspendedInstance = instance(suspendedOnes.id());
        issueLetter(suspendedInstance, "1.5", "permille");
        apply(suspendedInstance);
        assertThat(suspendedInstance).isWaitingAt(PolicyUnderwritingProcess.TASK_REVIEW_APPLICATION);

        suspendThroughTheCreditList(insurer);

        assertThat(noticeTemplates("quotation:" + suspendedOnes.id()))
                .contains(NoticeTemplates.UNDERWRITING_INSURER_SUSPENDED);
        MimeMessage mail = awaitMail(builder.email(), "备案已暂停");
        assertThat(mail.getSubject()).contains(insurer.organization().name(), project.name());
        assertThat(String.valueOf(mail.getContent())).contains("另行选择已备案的保险机构", String.valueOf(suspendedOnes.id()));

        Insurer another = insurers.filed();
        Quotation chosen = underwriting.requestQuotations(builder.user(), request(project, another)).quotations().get(0);
        ProcessInstance chosenInstance = instance(chosen.id());
        complete(chosenInstance, another.clerk(), letterVariables("1.5", "permille"));
        apply(chosenInstance);

        assertThat(chosenInstance).isWaitingAt(PolicyUnderwritingProcess.TASK_REVIEW_APPLICATION);
        assertThat(underwriting.get(builder.user(), suspendedOnes.id()).status()).isEqualTo(QuotationStatus.LAPSED);
        assertThat(suspendedInstance).isEnded().hasPassed(PolicyUnderwritingProcess.END_LAPSED);
    }

    @Test
    void theBuilderCannotAcceptASuspendedInsurersQuotationButMayDeclineIt_N5_2() {
        Quotation quotation = underwriting.requestQuotations(builder.user(), request(project, insurer)).quotations().get(0);
        ProcessInstance instance = instance(quotation.id());
        issueLetter(instance, "1.5", "permille");
        suspendThroughTheCreditList(insurer);

        assertThatThrownBy(() -> apply(instance)).hasRootCauseInstanceOf(ForbiddenException.class)
                .hasMessageContaining("N5.2").hasMessageContaining("另选");
        assertThat(instance).isWaitingAt(PolicyUnderwritingProcess.TASK_APPLY);
        complete(instance, builder.user(), Map.of(PolicyUnderwritingProcess.VAR_APPLICATION_DECISION,
                PolicyUnderwritingProcess.NOT_ACCEPT));
        assertThat(instance).isEnded().hasPassed(PolicyUnderwritingProcess.END_NOT_ACCEPTED);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The formula of processes/policyEndorsement.bpmn, written out day by day for the test. */
    static BigDecimal expectedAdditionalPremium(Policy policy, LocalDate newEnd) {
        return expectedAdditionalPremium(policy, newEnd, policy.contractAmount().multiply(BigDecimal.valueOf(2)));
    }

    static BigDecimal expectedAdditionalPremium(Policy policy, LocalDate newEnd, BigDecimal newAmount) {
        BigDecimal rate = policy.premiumRatePermille().movePointLeft(3);
        long oldDays = ChronoUnit.DAYS.between(policy.policyStart(), policy.policyEnd()) + 1;
        long extraDays = Math.max(0, ChronoUnit.DAYS.between(policy.policyEnd(), newEnd));
        BigDecimal perDay = policy.contractAmount().multiply(rate).divide(BigDecimal.valueOf(oldDays), 20, RoundingMode.HALF_UP);
        return newAmount.subtract(policy.contractAmount()).multiply(rate)
                .add(perDay.multiply(BigDecimal.valueOf(extraDays))).setScale(2, RoundingMode.HALF_UP);
    }

    void confirm(ProcessInstance instance, Actor actor, BigDecimal amount, boolean onePayment) {
        complete(instance, actor, Map.of(VAR_PREMIUM_RECEIVED, amount.doubleValue(), VAR_PAID_IN_ONE_PAYMENT, onePayment));
    }

    ResponseEntity<ApiError> post(String userId, String url, Map<String, Object> body) {
        return http.withBasicAuth(userId, userId).postForEntity(url, body, ApiError.class);
    }

    MimeMessage awaitMail(String recipient, String subjectPart) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> isFor(message, recipient, subjectPart)).findFirst().orElse(null), message -> message != null);
    }

    private static boolean isFor(MimeMessage message, String recipient, String subjectPart) {
        try {
            return message.getSubject().contains(subjectPart) && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().contains(recipient));
        } catch (Exception e) {
            return false;
        }
    }
}
