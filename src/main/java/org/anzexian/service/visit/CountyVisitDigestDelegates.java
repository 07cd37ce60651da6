package org.anzexian.service.visit;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate of {@code processes/countyVisitDigest.bpmn}, named {@code countyVisitDigest<Element>Delegate}. */
@Configuration
class CountyVisitDigestDelegates {

    /** {@code ServiceTask_SendDigests}. */
    @Bean
    JavaDelegate countyVisitDigestSendDigestsDelegate(VisitService visits, Clock clock) {
        return execution -> {
            // a run tells itself apart in Cockpit and any list by its day (#12); it has no user task
            execution.setVariable(CountyVisitDigestProcess.VAR_CASE_SUMMARY,
                    "全市 · 县级住建部门服务情况汇总 · " + LocalDate.now(clock));
            visits.sendDigests();
        };
    }
}
