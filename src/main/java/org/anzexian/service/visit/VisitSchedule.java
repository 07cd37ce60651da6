package org.anzexian.service.visit;

import org.anzexian.platform.engine.gate.ForModels;
import org.springframework.stereotype.Component;

/** Timer values of {@code processes/countyVisitDigest.bpmn} from configuration: {@code ${visitSchedule.digestCycle()}}. */
@ForModels
@Component("visitSchedule")
public class VisitSchedule {

    private final VisitProperties properties;

    VisitSchedule(VisitProperties properties) {
        this.properties = properties;
    }

    /** A Camunda time cycle (cron); read when the digest process is deployed and each time its timer fires. */
    public String digestCycle() {
        return properties.digestCycle();
    }
}
