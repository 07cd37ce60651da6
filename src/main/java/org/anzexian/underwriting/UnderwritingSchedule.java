package org.anzexian.underwriting;

import org.anzexian.platform.engine.gate.ForModels;
import org.springframework.stereotype.Component;

/**
 * Timer values and task due dates of {@code processes/policyUnderwriting.bpmn} and
 * {@code processes/policyEndorsement.bpmn}, read when a timer or task is created (a duration as a due date
 * counts from the task's creation).
 */
@ForModels
@Component("underwritingSchedule")
public class UnderwritingSchedule {

    private final UnderwritingProperties properties;

    UnderwritingSchedule(UnderwritingProperties properties) {
        this.properties = properties;
    }

    /** ISO 8601 duration, e.g. {@code PT72H}. */
    public String quotationReminder() {
        return properties.quotationReminder().toString();
    }

    public String quotationEscalation() {
        return properties.quotationEscalation().toString();
    }

    public String reviewDue() {
        return properties.reviewWithin().toString();
    }

    public String premiumDue() {
        return properties.premiumWithin().toString();
    }
}
