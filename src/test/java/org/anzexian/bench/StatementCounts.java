package org.anzexian.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a piece of work sent to PostgreSQL, per item, as {@code pg_stat_statements} counts them: how many
 * and which, busiest first. Only where the server loads the extension ({@code shared_preload_libraries}); a stock
 * server has none, and the benchmark then says so and goes on without.
 */
final class StatementCounts {

    /** Statements of the counting itself, and the vacuum between measurements: not the work's. */
    private static final String OWN_QUERIES = "(?i).*(pg_stat_|vacuum|analyze).*";

    private final JdbcTemplate jdbc;

    private StatementCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The counter of this database, empty when the server does not load {@code pg_stat_statements}. */
    static Optional<StatementCounts> of(JdbcTemplate jdbc) {
        try {
            jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            jdbc.queryForObject("SELECT count(*) FROM pg_stat_statements", Long.class);
            return Optional.of(new StatementCounts(jdbc));
        } catch (DataAccessException notLoaded) {
            return Optional.empty();
        }
    }

    /** Forgets what was counted so far, in every database of the server (the extension keeps one table). */
    void reset() {
        jdbc.queryForObject("SELECT pg_stat_statements_reset()", Object.class);
    }

    /**
     * Statements per item since the last {@link #reset}: their number and the {@code top} busiest with their text and
     * the rows they read or wrote per item (an update that wrote fewer rows than its calls lost an optimistic lock,
     * e.g. a job that another node locked first).
     */
    String perItem(int items, int top) {
        List<String> busiest = new ArrayList<>();
        long[] total = new long[1];
        jdbc.query("SELECT s.calls, s.total_exec_time, s.query, s.rows FROM pg_stat_statements s JOIN pg_database d"
                + " ON d.oid = s.dbid WHERE d.datname = current_database() ORDER BY s.calls DESC", row -> {
                    String query = row.getString(3).replaceAll("\\s+", " ").strip();
                    if (query.matches(OWN_QUERIES)) {
                        return;
                    }
                    long calls = row.getLong(1);
                    total[0] += calls;
                    if (busiest.size() < top) {
                        busiest.add(String.format(Locale.ROOT, "%.2f× %.3f ms %.2f rows %s", calls / (double) items,
                                row.getDouble(2) / calls, row.getLong(4) / (double) items, query.length() > 110 ? query.substring(0, 110) + "…" : query));
                    }
                });
        return String.format(Locale.ROOT, "%.1f statements per item; busiest: %s", total[0] / (double) items,
                String.join(" | ", busiest));
    }
}
