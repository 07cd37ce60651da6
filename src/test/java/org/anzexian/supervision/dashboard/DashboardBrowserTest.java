package org.anzexian.supervision.dashboard;

import static org.anzexian.support.PortalBrowser.Step.click;
import static org.anzexian.support.PortalBrowser.Step.expectUrl;
import static org.anzexian.support.PortalBrowser.Step.go;
import static org.anzexian.support.PortalBrowser.Step.read;
import static org.anzexian.support.PortalBrowser.Step.select;
import static org.anzexian.support.PortalBrowser.Step.shot;
import static org.anzexian.support.PortalBrowser.Step.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.PortalBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard in a Chinese browser (#14, N9.1): the city's and 忻府区's pages show the numbers of the
 * shared test database, counted here with SQL of our own (other tests add cases to it); the county sees only
 * its area; the page fetches nothing from another host; a link leads to the filtered list.
 */
@AnzexianTest
@Tag("browser")
class DashboardBrowserTest {

    private static final String XINFU = "140902";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void theCityBureauSeesTheWholeCitysFiguresNarrowsToOneAreaAndOpensItsUninsuredList() {
        PortalBrowser.Run run = new PortalBrowser(port).walk("city", "city",
                go("/portal"),
                waitFor(".chart[data-chart=hazards] canvas, .chart[data-chart=hazards].muted"),
                read("#coverage-table tfoot tr"),
                read("#hazard-table tfoot tr"),
                read("#hazard-table tbody tr:not(.empty) td:first-child"),
                shot("dashboard-city"),
                select("区县", "忻府区"),
                click("查看"),
                expectUrl("/portal?county=" + XINFU),
                read("h1 .scope"),
                click("未投保项目清单"),
                expectUrl("/portal/lists/uninsured?county=" + XINFU));

        run.assertOk();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> reads = run.reads();
        assertThat(reads.get(0)).isEqualTo(coverageFooter(null, now.toLocalDate()));
        assertThat(reads.get(1)).isEqualTo(hazardFooter(null, now));
        assertThat(reads.subList(2, reads.size() - 1)).isEqualTo(countiesWithOpenHazards(null));
        assertThat(reads.get(reads.size() - 1)).as("the city narrowed to one area").isEqualTo("忻府区");
    }

    @Test
    void aCountySeesOnlyItsAreaAndOpensItsOverdueHazards() {
        PortalBrowser.Run run = new PortalBrowser(port).walk("xinfu", "xinfu",
                go("/portal"),
                waitFor(".chart[data-chart=hazards] canvas, .chart[data-chart=hazards].muted"),
                read("h1 .scope"),
                read("#coverage-table tfoot tr"),
                read("#hazard-table tfoot tr"),
                read("#visit-table tbody tr:not(.empty)"),
                read("#coverage-table tbody tr:not(.empty) td:first-child, #hazard-table tbody tr:not(.empty) td:first-child, "
                        + "#closure-table tbody tr:not(.empty) td:first-child"),
                shot("dashboard-county"),
                click("逾期隐患清单"),
                expectUrl("/portal/lists/hazards?overdue=true&county=" + XINFU));

        run.assertOk();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<String> reads = run.reads();
        assertThat(reads.get(0)).isEqualTo("忻府区");
        assertThat(reads.get(1)).isEqualTo(coverageFooter(XINFU, now.toLocalDate()));
        assertThat(reads.get(2)).isEqualTo(hazardFooter(XINFU, now));
        List<String> visits = visitRows(XINFU, now);
        assertThat(reads.subList(3, 3 + visits.size())).isEqualTo(visits);
        assertThat(reads.subList(3 + visits.size(), reads.size())).as("every area row is 忻府区's")
                .allMatch("忻府区"::equals);
    }

    /** "合计 permitted insured uninsured percent%" counted project by project. */
    private String coverageFooter(String county, LocalDate today) {
        long permitted = 0;
        long insured = 0;
        for (Map<String, Object> project : jdbc.sql("""
                SELECT p.jurisdiction_code, (SELECT COUNT(*) FROM policy po WHERE po.contract_id = p.contract_id
                    AND po.status = 'ISSUED' AND po.policy_end >= :today) AS policies
                FROM project p WHERE p.permit_status = 'ISSUED'
                """).param("today", today).query().listOfRows()) {
            if (county == null || county.equals(project.get("jurisdiction_code"))) {
                permitted++;
                insured += ((Number) project.get("policies")).longValue() > 0 ? 1 : 0;
            }
        }
        String percent = permitted == 0 ? "—"
                : String.format("%.1f%%", Math.round(insured * 1000.0 / permitted) / 10.0);
        return "合计 " + permitted + " " + insured + " " + (permitted - insured) + " " + percent;
    }

    /** "合计" and the open hazards: major overdue / in time / submitted, general the same, all. */
    private String hazardFooter(String county, OffsetDateTime now) {
        long[] counts = new long[6];
        for (Map<String, Object> hazard : openHazards(county)) {
            int base = "MAJOR".equals(hazard.get("severity")) ? 0 : 3;
            OffsetDateTime deadline = deadline(hazard.get("deadline_at"));
            if ("SUBMITTED".equals(hazard.get("status"))) {
                counts[base + 2]++;
            } else if (deadline != null && deadline.isBefore(now)) {
                counts[base]++;
            } else if (deadline != null) {
                counts[base + 1]++;
            }
        }
        StringBuilder footer = new StringBuilder("合计");
        long all = 0;
        for (long count : counts) {
            footer.append(' ').append(count);
            all += count;
        }
        return footer.append(' ').append(all).toString();
    }

    private List<String> countiesWithOpenHazards(String county) {
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> hazard : openHazards(county)) {
            String code = (String) hazard.get("jurisdiction_code");
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return jdbc.sql("SELECT code, name FROM jurisdiction ORDER BY sort_order").query().listOfRows().stream()
                .filter(row -> codes.contains(row.get("code"))).map(row -> (String) row.get("name")).toList();
    }

    private List<Map<String, Object>> openHazards(String county) {
        return jdbc.sql("SELECT jurisdiction_code, severity, status, deadline_at FROM hazard WHERE status <> 'CLOSED'")
                .query().listOfRows().stream()
                .filter(row -> county == null || county.equals(row.get("jurisdiction_code"))).toList();
    }

    /** Per service organization with visits in the area, by id: "name due done late missed refused". */
    private List<String> visitRows(String county, OffsetDateTime now) {
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (Map<String, Object> visit : jdbc.sql("""
                SELECT v.service_org_id, o.name, v.status, v.due_at, v.arrived_at
                FROM visit v JOIN organization o ON o.id = v.service_org_id
                WHERE v.jurisdiction_code = :county ORDER BY v.service_org_id
                """).param("county", county).query().listOfRows()) {
            long org = ((Number) visit.get("service_org_id")).longValue();
            names.put(org, (String) visit.get("name"));
            long[] c = counts.computeIfAbsent(org, o -> new long[5]);
            String status = (String) visit.get("status");
            boolean open = status.equals("OPEN");
            boolean pastDue = deadline(visit.get("due_at")).isBefore(now);
            boolean done = status.equals("VISITED") || status.equals("REPORTED");
            c[0] += open && !pastDue ? 1 : 0;
            c[1] += done ? 1 : 0;
            OffsetDateTime arrived = deadline(visit.get("arrived_at"));
            c[2] += done && arrived != null && arrived.isAfter(deadline(visit.get("due_at"))) ? 1 : 0;
            c[3] += open && pastDue ? 1 : 0;
            c[4] += status.equals("REFUSED") ? 1 : 0;
        }
        List<String> rows = new ArrayList<>();
        counts.forEach((org, c) -> rows.add(names.get(org) + " " + c[0] + " " + c[1] + " " + c[2] + " " + c[3] + " " + c[4]));
        return rows;
    }

    private static OffsetDateTime deadline(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime at) {
            return at;
        }
        if (value instanceof java.sql.Timestamp at) {
            return at.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
