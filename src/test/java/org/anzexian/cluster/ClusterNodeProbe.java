package org.anzexian.cluster;

import org.anzexian.hazard.HazardService;
import org.anzexian.support.HazardStorm;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test-only part of a node started by {@link ClusterPostgresTest} (the node runs on the test classpath):
 * prints its job executor's lock owner, so the test knows which locked jobs belong to the node it kills,
 * and on the first node raises the storm of hazards through the real {@link HazardService#raise}. Only
 * active with {@code anzexian.test.cluster.node} set, so never in the ordinary test contexts.
 */
@Component
@ConditionalOnProperty("anzexian.test.cluster.node")
class ClusterNodeProbe {

    static final String LOCK_OWNER = "CLUSTER-NODE LOCK-OWNER ";
    static final String STORM_RAISED = "CLUSTER-NODE STORM-RAISED ";

    private final ProcessEngine engine;
    private final HazardService hazards;
    private final JdbcTemplate jdbc;
    private final Environment environment;

    ClusterNodeProbe(ProcessEngine engine, HazardService hazards, JdbcTemplate jdbc, Environment environment) {
        this.engine = engine;
        this.hazards = hazards;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    /** After the demo data (DemoData runs at order 10). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(1000)
    void ready() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        System.out.println(LOCK_OWNER + configuration.getJobExecutor().getLockOwner());
        int storm = environment.getProperty("anzexian.test.cluster.storm", Integer.class, 0);
        if (storm > 0) {
            HazardStorm.raise(hazards, jdbc, storm, 1, "集群测试");
            System.out.println(STORM_RAISED + storm);
        }
        System.out.flush();
    }
}
