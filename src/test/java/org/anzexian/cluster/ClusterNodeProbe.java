package org.anzexian.cluster;

import java.util.List;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
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
    void ready() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        System.out.println(LOCK_OWNER + configuration.getJobExecutor().getLockOwner());
        int storm = environment.getProperty("anzexian.test.cluster.storm", Integer.class, 0);
        if (storm > 0) {
            raise(storm);
            System.out.println(STORM_RAISED + storm);
        }
        System.out.flush();
    }

    /** General hazards spread over the demo projects (each project's archive is its own hash chain). */
    private void raise(int count) {
        List<Long> projects = jdbc.queryForList("SELECT id FROM project ORDER BY id", Long.class);
        Long verifier = jdbc.queryForObject(
                "SELECT MIN(id) FROM organization WHERE org_type = 'SERVICE_ORG'", Long.class);
        if (projects.isEmpty() || verifier == null) {
            throw new IllegalStateException("cluster storm: the demo data has no project or no service organization");
        }
        HazardCategory[] categories = HazardCategory.values();
        for (int i = 0; i < count; i++) {
            long project = projects.get(i % projects.size());
            hazards.raise(new NewHazard(project, 0L, HazardSource.VISIT, 0L, categories[i % categories.length],
                    HazardSeverity.GENERAL, "集群测试隐患 " + i, "集群测试部位 " + i, List.of(), "立即整改", verifier,
                    "cluster-test"));
        }
    }
}
