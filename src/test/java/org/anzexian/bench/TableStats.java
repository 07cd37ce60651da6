package org.anzexian.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a storm's time goes, as PostgreSQL counts it: commits of the database and, per table, sequential scans
 * and the rows they read, index scans and rows written — read before and after, so the report can say per
 * escalation how many transactions and which tables were scanned whole (a missing index shows at once).
 */
final class TableStats {

    private final long commits;
    private final Map<String, long[]> tables;

    private TableStats(long commits, Map<String, long[]> tables) {
        this.commits = commits;
        this.tables = tables;
    }

    static TableStats read(JdbcTemplate jdbc) throws InterruptedException {
        // the server publishes a backend's counters when its transaction ends or within a second of idling
        Thread.sleep(1_200);
        Long commits = jdbc.queryForObject(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", Long.class);
        Map<String, long[]> tables = new HashMap<>();
        jdbc.query("SELECT relname, seq_scan, seq_tup_read, COALESCE(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del"
                + " FROM pg_stat_user_tables", row -> {
                    tables.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7)});
                });
        return new TableStats(commits == null ? 0 : commits, tables);
    }

    /**
     * Per item of work ({@code items} hazards or instances) since {@code before}: commits, table accesses (scans and
     * rows written, all tables: a statement touches one or more) and every table touched, busiest first.
     */
    String since(TableStats before, int items) {
        List<String> busiest = new ArrayList<>();
        long[] accesses = new long[1];
        tables.entrySet().stream().map(entry -> {
            long[] then = before.tables.getOrDefault(entry.getKey(), new long[6]);
            long[] now = entry.getValue();
            long[] delta = new long[6];
            for (int i = 0; i < 6; i++) {
                delta[i] = now[i] - then[i];
            }
            return Map.entry(entry.getKey(), delta);
        }).filter(entry -> entry.getValue()[0] + entry.getValue()[2] + entry.getValue()[3] + entry.getValue()[4]
                + entry.getValue()[5] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1] + b.getValue()[2], a.getValue()[1] + a.getValue()[2]))
                .forEach(entry -> {
                    long[] d = entry.getValue();
                    accesses[0] += d[0] + d[2] + d[3] + d[4] + d[5];
                    busiest.add(String.format(Locale.ROOT, "%s seq %.1f (rows %.0f) idx %.1f ins %.1f upd %.1f del %.1f",
                            entry.getKey(), d[0] / (double) items, d[1] / (double) items, d[2] / (double) items,
                            d[3] / (double) items, d[4] / (double) items, d[5] / (double) items));
                });
        return String.format(Locale.ROOT, "per item: %.1f commits, %.1f table accesses; %s",
                (commits - before.commits) / (double) items, accesses[0] / (double) items, String.join("; ", busiest));
    }
}
