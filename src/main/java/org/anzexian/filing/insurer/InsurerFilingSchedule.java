package org.anzexian.filing.insurer;

import org.anzexian.filing.FilingProperties;
import org.springframework.stereotype.Component;

/**
 * The timer values of {@code processes/insurerFiling.bpmn} and {@code processes/insurerFilingWatch.bpmn},
 * read from configuration when a timer is created: e.g. {@code ${insurerFilingSchedule.correctionDeadline()}}.
 */
@Component("insurerFilingSchedule")
public class InsurerFilingSchedule {

    private final FilingProperties properties;

    InsurerFilingSchedule(FilingProperties properties) {
        this.properties = properties;
    }

    /** ISO 8601 duration, e.g. {@code P30D}. */
    public String correctionDeadline() {
        return properties.correctionDeadline().toString();
    }

    public String reviewReminder() {
        return properties.reviewReminder().toString();
    }

    /** A Camunda time cycle; read when the watch process is deployed and each time its timer is due. */
    public String watchCycle() {
        return properties.watchCycle();
    }
}
