package org.anzexian.service.visit;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate of {@code processes/countyVisitDigest.bpmn}, named {@code countyVisitDigest<Element>Delegate}. */
@Configuration
class CountyVisitDigestDelegates {

    /** {@code ServiceTask_SendDigests}. */
    @Bean
    JavaDelegate countyVisitDigestSendDigestsDelegate(VisitService visits) {
        return execution -> visits.sendDigests();
    }
}
