package org.anzexian.support;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

/** The job executor is off in tests: they run an engine batch's jobs themselves. */
public final class Batches {

    private Batches() {
    }

    /** Runs the batch's seed, work and monitor jobs until none is left, as the job executor would. */
    public static void run(ProcessEngine engine, String batchId) {
        Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId).singleResult();
        List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId());
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().list().stream()
                    // jobs without a definition (the history cleanup job, #15) belong to no batch
                    .filter(job -> job.getJobDefinitionId() != null && definitions.contains(job.getJobDefinitionId())).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("batch " + batchId + " keeps creating jobs");
    }
}
