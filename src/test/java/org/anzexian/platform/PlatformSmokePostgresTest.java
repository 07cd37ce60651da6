package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.anzexian.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

@PostgresTest
class PlatformSmokePostgresTest extends PlatformSmokeContract {

    /** README "Engine and pool settings": the pool's connections plan for SSD, so a group's tasks are found by index. */
    @Test
    void theApplicationsConnectionsPlanWithTheConfiguredPageCost() {
        assertThat(new JdbcTemplate(dataSource).queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    }
}
