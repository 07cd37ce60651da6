package org.anzexian.service.visit;

import org.anzexian.service.team.ServiceTeamRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a policy's visit schedule when its service team is registered. A plain (synchronous)
 * listener: it runs in the registration's transaction, so the schedule and the registration commit
 * or roll back together, and a failure retries the registration's announce job.
 */
@Component
class VisitScheduleListener {

    private final VisitService visits;

    VisitScheduleListener(VisitService visits) {
        this.visits = visits;
    }

    @EventListener
    void on(ServiceTeamRegistered registered) {
        visits.startSchedule(registered.policyId());
    }
}
