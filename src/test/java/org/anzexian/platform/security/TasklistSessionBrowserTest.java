package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.TasklistScript;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist session outlives the forms that read our /api (#12, done-when journey 5): headless
 * Chromium opens the quotation start form, which loads the builder's projects and the filed insurers
 * with two /api calls at once, twenty times as the demo builder {@code sijian}. Each /api call used to
 * renew the session, and of two calls at once one carried a dead id: the Tasklist logged the user out.
 */
@Tag("browser")
@AnzexianTest
class TasklistSessionBrowserTest {

    private static final int OPENINGS = 20;

    @LocalServerPort
    int port;

    @BeforeEach
    void browserAvailable() {
        TasklistScript.requireBrowser();
    }

    @Test
    void twentyOpeningsOfAFormWithParallelApiCallsKeepTheBuilderLoggedIn() {
        // the demo data: sijian's project XF-2025-001 and the filed insurer picc (README "Demo logins")
        JsonNode result = new TasklistScript(port).run("start-form", "sijian", "sijian",
                "--process-key", "quotationRequest", "--openings", String.valueOf(OPENINGS),
                "--expect-text", "XF-2025-001", "--expect-text", "中国人民财产保险股份有限公司忻州市分公司").result();

        assertThat(result.path("opened").asInt()).as(result.toString()).isEqualTo(OPENINGS);
        assertThat(result.path("loggedOut")).as(result.toString()).isEmpty();
        assertThat(result.path("incomplete")).as(result.toString()).isEmpty();
        assertThat(result.path("api").path("calls").asInt()).as("two /api reads per opening")
                .isGreaterThanOrEqualTo(2 * OPENINGS);
        assertThat(result.path("api").path("failed")).as(result.toString()).isEmpty();
        assertThat(result.path("api").path("setSessionCookie")).as(result.toString()).isEmpty();
        assertThat(result.path("ok").asBoolean()).as(result.toString()).isTrue();
    }
}
