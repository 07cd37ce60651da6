package org.anzexian.supervision.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.InsuredProjects;
import org.anzexian.support.InsuredProjects.Party;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dashboard fixture written straight into the business tables: its own insurer, service organization and
 * construction unit, projects in {@link #COUNTY} (保德县, where no other test puts cases) and one hazard and
 * one visit in 忻府区, with known figures (see {@link DashboardContract}).
 */
final class DashboardCases {

    /** 保德县: the fixture's own area. */
    static final String COUNTY = "140931";
    static final String OTHER_COUNTY = "140902";

    final Party insurer;
    final Party serviceOrg;
    final Party builder;
    /** A county officer of {@link #COUNTY} (user id = password). */
    final String countyUser;
    final OffsetDateTime now;
    long insuredProject;
    long insuredPolicy;
    long assessmentId;

    private final JdbcClient jdbc;

    DashboardCases(ApplicationContext context) {
        this.jdbc = context.getBean(JdbcClient.class);
        InsuredProjects parties = new InsuredProjects(context);
        this.insurer = parties.party(OrganizationType.INSURER, COUNTY);
        this.serviceOrg = parties.party(OrganizationType.SERVICE_ORG, COUNTY);
        this.builder = parties.party(OrganizationType.CONSTRUCTION_UNIT, COUNTY);
        this.countyUser = "dash" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        GroupDirectory groups = context.getBean(GroupDirectory.class);
        groups.ensureUser(countyUser, "保德", "住建", countyUser + "@fixture.anzexian.local", countyUser);
        groups.ensureMembership(countyUser, PlatformGroups.county(COUNTY));
        this.now = OffsetDateTime.now(context.getBean(Clock.class));
        build();
    }

    private void build() {
        LocalDate today = now.toLocalDate();
        // coverage: permitted = ISSUED (as the uninsured list, N1.3); insured = policy in force today on the contract
        insuredProject = project("ISSUED");
        insuredPolicy = policy(insuredProject, today.plusYears(1));
        long applied = project("APPLIED");
        policy(applied, today.plusYears(1));
        project("ISSUED"); // no policy
        long expired = project("ISSUED");
        policy(expired, today.minusDays(1));
        project("NONE"); // no permit applied for: not counted
        project("APPLIED"); // applying for a permit without a policy (N1.1)

        // open hazards in the fixture's county
        hazard(COUNTY, "MAJOR", "OPEN", days(-10), days(-1), null);       // overdue
        hazard(COUNTY, "MAJOR", "OPEN", days(-8), days(5), null);         // in time
        hazard(COUNTY, "GENERAL", "SUBMITTED", days(-6), days(-2), null); // awaits verification
        hazard(COUNTY, "GENERAL", "OPEN", days(-4), days(-1), null);      // overdue
        // closed: raised in the period, 15 days to close, by its deadline
        hazard(COUNTY, "GENERAL", "CLOSED", days(-20), days(-3), days(-5));
        // closed in the period, raised before it: 190 days, late
        hazard(COUNTY, "MAJOR", "CLOSED", days(-200), days(-180), days(-10));
        // closed long ago: outside the period altogether
        hazard(COUNTY, "GENERAL", "CLOSED", days(-300), days(-280), days(-200));
        // the same parties in another county
        hazard(OTHER_COUNTY, "GENERAL", "OPEN", days(-3), days(-1), null);

        visit(COUNTY, 1, "OPEN", false, null);          // due
        visit(COUNTY, 2, "OPEN", true, null);           // missed
        visit(COUNTY, 3, "REPORTED", false, days(-20)); // done, late (due -21)
        visit(COUNTY, 4, "VISITED", false, days(-25));  // done in time
        visit(COUNTY, 5, "REFUSED", false, null);       // refused
        visit(OTHER_COUNTY, 6, "OPEN", true, null);     // missed, other county

        long c1 = claim("REPORTED");
        breach(c1, "ACKNOWLEDGEMENT");
        long c2 = claim("AGREED");
        breach(c2, "DECISION");
        breach(c2, "PAYMENT");
        claim("CLOSED");

        // an assessment of an old period: the insurer's latest (the city's latest is another's)
        jdbc.sql("""
                INSERT INTO assessment (organization_id, org_kind, period_start, period_end, score, grade, rank_no,
                    ranked_of, assessed_at)
                VALUES (:org, 'INSURER', DATE '2001-01-01', DATE '2001-04-01', 88.50, '良好', 1, 1, :at)
                """).param("org", insurer.id()).param("at", now).update();
        assessmentId = lastId("assessment");
    }

    OffsetDateTime days(int offset) {
        return now.plusDays(offset);
    }

    private long project(String permit) {
        String code = "DB-" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        LocalDate today = now.toLocalDate();
        jdbc.sql("""
                INSERT INTO construction_contract (contract_number, general_contractor_id, amount, start_date, end_date)
                VALUES (:number, :builder, 1000000, :start, :end)
                """).param("number", "HT-" + code).param("builder", builder.id()).param("start", today)
                .param("end", today.plusYears(1)).update();
        long contract = lastId("construction_contract");
        jdbc.sql("""
                INSERT INTO project (project_code, name, site_address, jurisdiction_code, category, subtype,
                    contract_amount, contract_start, contract_end, permit_status, construction_unit_id, contract_id,
                    created_at)
                VALUES (:code, :name, '保德县测试路', :county, 'BUILDING', 'RESIDENTIAL', 1000000, :start, :end, :permit,
                    :builder, :contract, :at)
                """).param("code", code).param("name", "概览测试工程" + code).param("county", COUNTY)
                .param("start", today).param("end", today.plusYears(1)).param("permit", permit)
                .param("builder", builder.id()).param("contract", contract).param("at", now).update();
        return lastId("project");
    }

    private long policy(long projectId, LocalDate end) {
        long contract = jdbc.sql("SELECT contract_id FROM project WHERE id = :id").param("id", projectId)
                .query(Long.class).single();
        jdbc.sql("""
                INSERT INTO quotation_request (project_id, contract_id, buyer_org_id, conversion, requested_by, requested_at)
                VALUES (:project, :contract, :builder, FALSE, 'fixture', :at)
                """).param("project", projectId).param("contract", contract).param("builder", builder.id())
                .param("at", now).update();
        long request = lastId("quotation_request");
        jdbc.sql("""
                INSERT INTO quotation (request_id, project_id, contract_id, insurer_org_id, status, updated_at)
                VALUES (:request, :project, :contract, :insurer, 'POLICY_ISSUED', :at)
                """).param("request", request).param("project", projectId).param("contract", contract)
                .param("insurer", insurer.id()).param("at", now).update();
        long quotation = lastId("quotation");
        jdbc.sql("""
                INSERT INTO policy (policy_number, quotation_id, project_id, contract_id, insurer_org_id, buyer_org_id,
                    jurisdiction_code, project_name, site_address, contract_amount, contract_start, contract_end,
                    policy_start, policy_end, premium_rate_permille, premium, death_disability_limit, total_limit,
                    insurance_plan, prevention_plan, prevention_fee_percent, conversion, status, premium_confirmed_by,
                    premium_received_at, issued_at)
                VALUES (:number, :quotation, :project, :contract, :insurer, :builder, :county, '概览测试工程', '保德县测试路',
                    1000000, :start, :end, :start, :end, 1.5, 1500, 1000000, 10000000, '主险', '每月一次', 20, FALSE,
                    'ISSUED', 'fixture', :at, :at)
                """).param("number", "DBP" + quotation).param("quotation", quotation).param("project", projectId)
                .param("contract", contract).param("insurer", insurer.id()).param("builder", builder.id())
                .param("county", COUNTY).param("start", end.minusYears(1)).param("end", end).param("at", now).update();
        return lastId("policy");
    }

    private void hazard(String county, String severity, String status, OffsetDateTime raised, OffsetDateTime deadline,
            OffsetDateTime closed) {
        jdbc.sql("""
                INSERT INTO hazard (project_id, policy_id, insurer_org_id, jurisdiction_code, construction_unit_id,
                    verifier_org_id, source, source_id, category, severity, description, location, photos,
                    proposed_measure, status, raised_by, raised_at, round, deadline_at, closed_at)
                VALUES (:project, :policy, :insurer, :county, :builder, :verifier, 'VISIT', 0, 'OTHER', :severity,
                    '概览测试隐患', '现场', '', '整改', :status, 'fixture', :raised, 1, :deadline, :closed)
                """).param("project", insuredProject).param("policy", insuredPolicy).param("insurer", insurer.id())
                .param("county", county).param("builder", builder.id()).param("verifier", serviceOrg.id())
                .param("severity", severity).param("status", status).param("raised", raised)
                .param("deadline", deadline).param("closed", closed).update();
    }

    private void visit(String county, int seq, String status, boolean missed, OffsetDateTime arrived) {
        OffsetDateTime due = arrived == null ? days(seq == 1 ? 10 : -10) : (seq == 3 ? days(-21) : days(-24));
        jdbc.sql("""
                INSERT INTO visit (policy_id, project_id, service_org_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, kind, seq, status, due_at, reminder_at, missed_at, missed, arrived_at,
                    recorded_at, report_late, created_at)
                VALUES (:policy, :project, :service, :insurer, :builder, :county, 'REGULAR', :seq, :status, :due, :due,
                    :missedAt, :missed, :arrived, :arrived, FALSE, :at)
                """).param("policy", insuredPolicy).param("project", insuredProject).param("service", serviceOrg.id())
                .param("insurer", insurer.id()).param("builder", builder.id()).param("county", county)
                .param("seq", seq).param("status", status).param("due", due).param("missedAt", due.plusDays(3))
                .param("missed", missed).param("arrived", arrived).param("at", now).update();
    }

    private long claim(String status) {
        jdbc.sql("""
                INSERT INTO claim (policy_id, policy_number, project_id, insurer_org_id, construction_unit_id,
                    jurisdiction_code, accident_at, reported_at, place, accident_type, deaths, injuries, description,
                    reporter_name, reporter_phone, channel, reported_by, late, status, acknowledgement_due_at)
                VALUES (:policy, 'DBP', :project, :insurer, :builder, :county, :at, :at, '现场', 'FALL_FROM_HEIGHT', 0, 1, '概览测试',
                    '张三', '13800000000', 'PHONE', 'fixture', FALSE, :status, :at)
                """).param("policy", insuredPolicy).param("project", insuredProject).param("insurer", insurer.id())
                .param("builder", builder.id()).param("county", COUNTY).param("at", days(-30)).param("status", status)
                .update();
        return lastId("claim");
    }

    private void breach(long claimId, String kind) {
        jdbc.sql("""
                INSERT INTO claim_breach (claim_id, insurer_org_id, kind, due_at, recorded_at)
                VALUES (:claim, :insurer, :kind, :at, :at)
                """).param("claim", claimId).param("insurer", insurer.id()).param("kind", kind).param("at", days(-29))
                .update();
    }

    private long lastId(String table) {
        return jdbc.sql("SELECT MAX(id) FROM " + table).query(Long.class).single();
    }
}
