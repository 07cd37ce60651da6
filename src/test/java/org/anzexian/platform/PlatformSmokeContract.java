package org.anzexian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Start-up, health and the closed doors; run on H2 and on PostgreSQL. */
abstract class PlatformSmokeContract {

    @Autowired
    TestRestTemplate http;

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
