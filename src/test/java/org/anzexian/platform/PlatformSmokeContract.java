package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.identity.Role;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;

/** Start-up, health and the closed doors; run on H2 and on PostgreSQL. */
abstract class PlatformSmokeContract {

    @Autowired
    TestRestTemplate http;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    GroupDirectory directory;

    /** #15: job acquisition finds the due jobs by index, not by reading every future timer. */
    @Test
    void theJobTableHasTheIndexesJobAcquisitionNeeds() throws Exception {
        Set<String> indexed = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
                try (ResultSet indexes = meta.getIndexInfo(null, null, table, false, false)) {
                    while (indexes.next()) {
                        if (indexes.getString("COLUMN_NAME") != null) {
                            indexed.add(indexes.getString("INDEX_NAME").toUpperCase(Locale.ROOT) + ":"
                                    + indexes.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertThat(indexed).contains("ANZ_IDX_JOB_DUEDATE:DUEDATE_", "ANZ_IDX_JOB_LOCK_EXP:LOCK_EXP_TIME_");
    }

    /**
     * #15: an authorization check takes the user's groups as given; the engine's own narrowing read every group
     * id of ACT_RU_AUTHORIZATION once per command (45 ms at 100,000 open tasks). A group without authorizations
     * stays in the list and matches nothing, so who sees what is unchanged (EngineAuthorizationTest).
     */
    @Test
    void authorizationChecksTakeTheUsersGroupsAsGiven() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> groups = configuration.getCommandExecutorTxRequired().execute(context -> context
                .getAuthorizationManager()
                .filterAuthenticatedGroupIds(List.of("groupWithoutAuthorizations", PlatformGroups.CITY_BUREAU,
                        "groupWithoutAuthorizations")));
        assertThat(groups).containsExactly("groupWithoutAuthorizations", PlatformGroups.CITY_BUREAU);
    }

    /**
     * #15: our services and the engine share the transaction manager that reports a commit which lost its
     * connection as in doubt (TransactionManagementTest), not Spring Boot's default.
     */
    @Test
    void servicesAndEngineShareTheTransactionManagerThatKnowsCommitsInDoubt() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration).isInstanceOf(SpringProcessEngineConfiguration.class);
        assertThat(((SpringProcessEngineConfiguration) configuration).getTransactionManager())
                .isSameAs(transactions).extracting(Object::getClass).extracting(Class::getSimpleName)
                .isEqualTo("InDoubtCommits");
    }

    /** #15: the decisions evaluate through the FEEL fast path (FeelFastPathTest), FEEL's own engine behind it. */
    @Test
    void decisionsEvaluateThroughTheFeelFastPath() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine().getClass().getName())
                .isEqualTo("org.anzexian.platform.decision.FeelFastPath$Engine");
    }

    /** #15: the engine's commands insert through the entity manager whose id check describes no valid row. */
    @Test
    void engineCommandsUseTheEntityManagerThatChecksIdsWithoutDescribingRows() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String manager = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager().getClass().getName());
        assertThat(manager).isEqualTo("org.anzexian.platform.engine.InsertIdCheckPlugin$Manager");
    }

    /**
     * #15: a group's member addresses are read with one statement of our own; they are what the engine's user query
     * gives for every group, members without a usable address left out.
     */
    @Test
    void groupMemberAddressesAreThoseTheEnginesUserQueryGives() {
        IdentityService identity = engine.getIdentityService();
        String group = "smokeMembers" + System.nanoTime();
        directory.ensureGroup(group, "成员地址", Role.BUILDER);
        Map<String, String> members = new LinkedHashMap<>();
        members.put(group + "B", "b@smoke.example");
        members.put(group + "A", "a@smoke.example");
        members.put(group + "N", null);
        members.put(group + "E", " ");
        for (Map.Entry<String, String> member : members.entrySet()) {
            directory.ensureUser(member.getKey(), "成员", "测试", member.getValue(), "Smoke-Members-2026x");
            directory.ensureMembership(member.getKey(), group);
        }
        assertThat(directory.memberEmails(group)).containsExactly("a@smoke.example", "b@smoke.example");
        assertThat(directory.memberEmails("noSuchGroup")).isEmpty();
        for (Group each : identity.createGroupQuery().list()) {
            assertThat(directory.memberEmails(each.getId())).as(each.getId()).isEqualTo(identity.createUserQuery()
                    .memberOfGroup(each.getId()).orderByUserId().asc().list().stream().map(User::getEmail)
                    .filter(email -> email != null && !email.isBlank()).toList());
        }
    }

    @Test
    void healthReportsDatabaseAndEngineUp() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"processEngine\"");
    }

    @Test
    void anonymousCallsToApiAndEngineRestAreRefused() {
        assertThat(http.getForEntity("/api/organizations", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void otherActuatorEndpointsAreClosed() {
        assertThat(http.getForEntity("/actuator/env", String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(http.getForEntity("/actuator/beans", String.class).getStatusCode().is2xxSuccessful()).isFalse();
    }
}
