package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.anzexian.support.PostgresTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * #15 goal 3: two nodes acquiring jobs at the same moment on PostgreSQL take different jobs, and neither waits for
 * the other ({@link SkipLockedAcquisitionPlugin}); the engine's own acquisition still locks what it reads.
 */
@PostgresTest
class SkipLockedAcquisitionPostgresTest {

    private static final String PROBE = "skipLockedAcquisitionProbe";

    @Autowired ProcessEngine engine;

    private CommandExecutor commands;
    private String deployment;
    private Set<String> probeJobs;

    @BeforeEach
    void sixDueJobs() {
        commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
        deployment = engine.getRepositoryService().createDeployment().name("skip-locked-acquisition-probe")
                .addModelInstance(PROBE + ".bpmn", Bpmn.createExecutableProcess(PROBE).startEvent()
                        .serviceTask("ServiceTask_Probe").camundaAsyncBefore().camundaExpression("${true}")
                        .endEvent().done())
                .deploy().getId();
        IntStream.range(0, 6).forEach(i -> engine.getRuntimeService().startProcessInstanceByKey(PROBE));
        probeJobs = engine.getManagementService().createJobQuery().processDefinitionKey(PROBE).list().stream()
                .map(Job::getId).collect(Collectors.toSet());
        assertThat(probeJobs).hasSize(6);
    }

    @AfterEach
    void removeProbe() {
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void aSecondAcquisitionPassesOverTheJobsTheFirstIsReadingAndDoesNotWaitForIt() throws Exception {
        CountDownLatch firstHasRead = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        var firstNode = Executors.newSingleThreadExecutor();
        try {
            Command<Set<String>> readAndHold = context -> {
                Set<String> read = ids(context.getJobManager().findNextJobsToExecute(new Page(0, 1000)));
                firstHasRead.countDown();
                await(firstMayEnd);
                return read;
            };
            CompletableFuture<Set<String>> first = CompletableFuture.supplyAsync(() -> commands.execute(readAndHold),
                    firstNode);
            assertThat(firstHasRead.await(30, TimeUnit.SECONDS)).isTrue();

            // the first acquisition's transaction is still open and holds every due job it read
            Set<String> second = CompletableFuture.supplyAsync(this::readDueJobs).get(10, TimeUnit.SECONDS);
            firstMayEnd.countDown();
            Set<String> firstRead = first.get(30, TimeUnit.SECONDS);

            assertThat(firstRead).containsAll(probeJobs);
            assertThat(second).doesNotContainAnyElementsOf(firstRead);
        } finally {
            firstMayEnd.countDown();
            firstNode.shutdownNow();
        }
        // the jobs were only read, not acquired: the next acquisition finds them again
        assertThat(readDueJobs()).containsAll(probeJobs);
    }

    @Test
    void theEnginesAcquisitionLocksTheJobsItReadsThroughTheSkippingRead() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Set<String> acquired = commands.execute(new AcquireJobsCmd(configuration.getJobExecutor(), 1000))
                .getJobIdBatches().stream().flatMap(List::stream).collect(Collectors.toSet());

        assertThat(acquired).containsAll(probeJobs);
        assertThat(readDueJobs()).doesNotContainAnyElementsOf(probeJobs);
    }

    /** What the next acquisition would read, in a transaction of its own. */
    private Set<String> readDueJobs() {
        Command<Set<String>> read = context -> ids(context.getJobManager().findNextJobsToExecute(new Page(0, 1000)));
        return commands.execute(read);
    }

    private static Set<String> ids(List<AcquirableJobEntity> jobs) {
        return jobs.stream().map(AcquirableJobEntity::getId).collect(Collectors.toSet());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first acquisition end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
