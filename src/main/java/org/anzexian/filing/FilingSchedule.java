package org.anzexian.filing;

import org.anzexian.platform.engine.gate.ForModels;
import org.springframework.stereotype.Component;

/**
 * The timer values of both filings — {@code processes/insurerFiling.bpmn},
 * {@code processes/insurerFilingWatch.bpmn} and {@code processes/serviceOrgFiling.bpmn} — read from
 * {@link FilingProperties} when a timer is created: e.g. {@code ${filingSchedule.correctionDeadline()}}.
 * No duration travels in a process variable (DESIGN.md §2a: a deadline never comes from user input).
 */
@ForModels
@Component("filingSchedule")
public class FilingSchedule {

    private final FilingProperties properties;

    FilingSchedule(FilingProperties properties) {
        this.properties = properties;
    }

    /** ISO 8601 duration, e.g. {@code P30D}. */
    public String correctionDeadline() {
        return properties.correctionDeadline().toString();
    }

    public String reviewReminder() {
        return properties.reviewReminder().toString();
    }

    /** When the review of a licence change falls due, after its proposal (ISO 8601 duration). */
    public String licenseChangeReview() {
        return properties.licenseChangeReview().toString();
    }

    /** A Camunda time cycle; read when the watch process is deployed and each time its timer is due. */
    public String watchCycle() {
        return properties.watchCycle();
    }
}
