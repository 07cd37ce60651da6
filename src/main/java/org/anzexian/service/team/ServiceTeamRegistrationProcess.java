package org.anzexian.service.team;

import org.anzexian.platform.engine.Records;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of process {@code serviceTeamRegistration} that Java and the BPMN share (one place, no typos). */
public final class ServiceTeamRegistrationProcess {

    public static final String KEY = "serviceTeamRegistration";
    public static final String RESOURCE = "processes/serviceTeamRegistration.bpmn";
    public static final String DECISION_KEY = "registrationDeadline";
    public static final String DECISION_RESOURCE = "processes/registrationDeadline.dmn";

    /** The start message the underwriting process correlates; business key = the policy id. */
    public static final String MESSAGE_POLICY_ISSUED = "PolicyIssued";

    public static final String START_EVENT = "StartEvent_PolicyIssued";
    public static final String TASK_OPEN_REGISTRATION = "ServiceTask_OpenRegistration";
    public static final String TASK_REGISTER_SERVICE_TEAM = "UserTask_RegisterServiceTeam";
    public static final String TIMER_FIRST_REMINDER = "Timer_FirstReminder";
    public static final String TIMER_SECOND_REMINDER = "Timer_SecondReminder";
    public static final String TASK_FIRST_REMINDER = "ServiceTask_FirstReminder";
    public static final String TASK_SECOND_REMINDER = "ServiceTask_SecondReminder";
    public static final String TIMER_REGISTRATION_OVERDUE = "Timer_RegistrationOverdue";
    public static final String TASK_MARK_OVERDUE = "ServiceTask_MarkOverdue";
    public static final String TASK_FOLLOW_UP_OVERDUE = "UserTask_FollowUpOverdueRegistration";
    public static final String TASK_ANNOUNCE_REGISTRATION = "ServiceTask_AnnounceRegistration";
    public static final String END_TEAM_REGISTERED = "EndEvent_TeamRegistered";
    public static final String END_FOLLOWED_UP = "EndEvent_FollowedUp";

    /** Start variables (the contract with {@code policyUnderwriting}). */
    public static final String VAR_POLICY_ID = "policyId";
    public static final String VAR_PROJECT_ID = "projectId";
    public static final String VAR_INSURER_ORG_ID = "insurerOrgId";
    public static final String VAR_POLICY_ISSUED_AT = "policyIssuedAt";

    /** String: candidate groups of the insurer's task and of the county's follow-up task. */
    public static final String VAR_INSURER_GROUP = "insurerGroup";
    public static final String VAR_COUNTY_GROUP = "countyGroup";
    /** Date: when the timers fire, fixed at the start from DMN {@code registrationDeadline}. */
    public static final String VAR_FIRST_REMINDER_AT = "firstReminderAt";
    public static final String VAR_SECOND_REMINDER_AT = "secondReminderAt";
    public static final String VAR_DEADLINE_AT = "deadlineAt";
    /** String ≤ 120 chars for the task list: county · project · policy number (#12). */
    public static final String VAR_CASE_SUMMARY = "caseSummary";
    /** String, ISO-8601 duration from {@code anzexian.service-team.follow-up-within}: the county follow-up's due date. */
    public static final String VAR_FOLLOW_UP_WITHIN = "followUpWithin";

    /** The policy of an execution or task: the business key (ADR 0007). */
    public static long policyId(VariableScope scope) {
        return Records.idOf(scope);
    }

    private ServiceTeamRegistrationProcess() {
    }
}
