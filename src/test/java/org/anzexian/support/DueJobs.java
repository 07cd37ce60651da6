package org.anzexian.support;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** The job executor is off in tests: they run due jobs (timers, async steps) themselves. */
public final class DueJobs {

    private DueJobs() {
    }

    /** Jobs of the instance that are due now by the engine's (possibly moved) clock. */
    public static List<Job> of(ProcessEngine engine, ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
    }

    /** Executes due jobs until none is left; a process that keeps creating due jobs fails the test. */
    public static void run(ProcessEngine engine, ProcessInstance instance) {
        for (int round = 0; round < 10; round++) {
            List<Job> due = of(engine, instance);
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + instance.getId());
    }
}
