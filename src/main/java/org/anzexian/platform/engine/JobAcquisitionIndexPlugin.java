package org.anzexian.platform.engine;

import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Two indexes the engine's schema lacks, which its job acquisition needs once the job table is large (#15,
 * docs/PERFORMANCE.md "Scale"): every overdue hazard, visit and claim keeps its future timers in
 * {@code ACT_RU_JOB}, and without an index on the due date each acquisition read the whole table to find the
 * few jobs due (tens of thousands of rows, several times per escalation in a storm); the second index serves
 * the acquisition's check that no other job of the same instance is locked. Created once the engine has
 * created or updated its schema (Flyway may run before the engine's tables exist), on H2 and PostgreSQL alike;
 * several nodes starting at once may race to create one, which is harmless.
 */
@Component
class JobAcquisitionIndexPlugin extends AbstractProcessEnginePlugin {

    static final List<String> INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS ANZ_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)",
            "CREATE INDEX IF NOT EXISTS ANZ_IDX_JOB_LOCK_EXP ON ACT_RU_JOB (LOCK_EXP_TIME_)");

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndexPlugin.class);

    private final DataSource dataSource;

    JobAcquisitionIndexPlugin(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String index : INDEXES) {
            try {
                jdbc.execute(index);
            } catch (DataAccessException raced) {
                // another node created it in the same moment (PostgreSQL reports the loser as a duplicate)
                log.info("Index not created here ({}): {}", raced.getMostSpecificCause().getMessage(), index);
            }
        }
    }
}
