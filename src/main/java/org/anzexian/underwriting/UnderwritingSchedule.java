package org.anzexian.underwriting;

import org.anzexian.platform.engine.gate.ForModels;
import org.springframework.stereotype.Component;

/** Timer values of {@code processes/policyUnderwriting.bpmn}, read when a timer is created. */
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
}
