package org.anzexian.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * General hazards raised through the real {@link HazardService#raise} in bulk, spread over the projects of
 * the database (each project's archive is its own hash chain, so threads on different projects do not wait
 * for each other): the storm of the cluster test and the scale benchmark (#15). Their overdue timers carry
 * the real deadlines of DMN {@code hazardDeadline}; {@link #fallDueNow} moves them to now.
 */
public final class HazardStorm {

    /** The overdue timer's jobs: the boundary event's id starts the job's handler configuration. */
    public static final String OVERDUE_TIMER_JOBS =
            "handler_type_ = 'timer-transition' AND handler_cfg_ LIKE 'Timer_RectificationOverdue%'";

    private HazardStorm() {
    }

    /** Raises {@code count} hazards on up to {@code threads} threads (one project is never on two); returns the highest hazard id before them. */
    public static long raise(HazardService hazards, JdbcTemplate jdbc, int count, int threads, String label)
            throws Exception {
        Long before = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM hazard", Long.class);
        List<Long> projects = jdbc.queryForList("SELECT id FROM project ORDER BY id", Long.class);
        Long verifier = jdbc.queryForObject(
                "SELECT MIN(id) FROM organization WHERE org_type = 'SERVICE_ORG'", Long.class);
        if (projects.isEmpty() || verifier == null) {
            throw new IllegalStateException("hazard storm: the database has no project or no service organization");
        }
        HazardCategory[] categories = HazardCategory.values();
        int workers = Math.min(threads, projects.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < workers; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    // thread t takes the projects t, t + threads, …: no two threads append to one chain
                    List<Long> own = new ArrayList<>();
                    for (int p = thread; p < projects.size(); p += workers) {
                        own.add(projects.get(p));
                    }
                    for (int i = thread; i < count; i += workers) {
                        long project = own.get((i / workers) % own.size());
                        hazards.raise(new NewHazard(project, 0L, HazardSource.VISIT, 0L,
                                categories[i % categories.length], HazardSeverity.GENERAL, label + "隐患 " + i,
                                label + "部位 " + i, List.of(), "立即整改", verifier, "storm"));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return before;
    }

    /** The deadline of every hazard after {@code afterId}, and its overdue timer, move to now: all fall due at once. */
    public static void fallDueNow(JdbcTemplate jdbc, long afterId) {
        jdbc.update("UPDATE hazard SET deadline_at = now() WHERE id > ?", afterId);
        jdbc.update("UPDATE hazard_round SET deadline_at = now() WHERE hazard_id > ?", afterId);
        jdbc.update("UPDATE act_ru_job SET duedate_ = now() WHERE " + OVERDUE_TIMER_JOBS);
    }
}
