package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.platform.identity.GroupDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #11 finding 3: guessing passwords is slowed per source and per source and account, but nothing a
 * stranger sends locks a rightful user out, and administrators see the failed attempts. Sources are
 * set through X-Forwarded-For, as the trusted proxy of the test profile passes them on.
 */
abstract class LoginThrottleContract {

    private static final String PASSWORD = "Throttle2026ok";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    GroupDirectory groups;

    Browser browser;
    String userId;

    /** Buckets refill with the business clock: it stands still unless the test moves it. */
    @BeforeEach
    void newUser() {
        ClockUtil.setCurrentTime(new Date());
        browser = new Browser(port);
        userId = "th" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        groups.ensureUser(userId, "节", "流", userId + "@example.test", PASSWORD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void guessingFromOneSourceIsHeldBackWhileTheRightfulUserGetsInFromElsewhereAtOnce() throws Exception {
        String guesser = source();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(guesser, "guess" + i).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> held = basic(guesser, PASSWORD);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.body()).contains("登录失败次数过多");
        long retryAfter = Long.parseLong(held.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 3L);

        assertThat(basic(source(), PASSWORD).statusCode()).isEqualTo(200);

        moveClock(Duration.ofSeconds(retryAfter));
        assertThat(basic(guesser, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theWebappLoginFormIsHeldBackTheSameWay() throws Exception {
        String guesser = source();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.webappLogin("tasklist", userId, "guess" + i, guesser).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> held = browser.webappLogin("tasklist", userId, PASSWORD, guesser);
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(new Browser(port).webappLogin("welcome", userId, PASSWORD, source()).statusCode()).isEqualTo(200);
    }

    @Test
    void fiftyWrongPasswordsFromAnywhereNeverLockTheAccount() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(basic(source(), "wrong" + i).statusCode()).isEqualTo(401);
            assertThat(identityService.checkPassword(userId, "wrong" + i)).isFalse();
        }

        assertThat(basic(source(), PASSWORD).statusCode()).isEqualTo(200);
        assertThat(identityService.checkPassword(userId, PASSWORD)).isTrue();
    }

    @Test
    void administratorsSeeWhoFailedFromWhereAndOthersDoNot() throws Exception {
        String guesser = source();
        basic(guesser, "guess1");
        browser.webappLogin("tasklist", userId, "guess2", guesser);

        HttpResponse<String> seen = browser.send(browser.request("/api/login-failures?userId=" + userId)
                .header("Authorization", Browser.basic("demo", "demo")));
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        JsonNode page = new ObjectMapper().readTree(seen.body());
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").findValuesAsText("source")).containsOnly(guesser);
        assertThat(page.get("items").findValuesAsText("door")).containsExactlyInAnyOrder("basic", "webapp");

        assertThat(browser.send(browser.request("/api/login-failures")
                .header("Authorization", Browser.basic("city", "city"))).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> basic(String source, String password) throws Exception {
        return browser.send(browser.request("/engine-rest/user/" + userId + "/profile")
                .header("Authorization", Browser.basic(userId, password))
                .header("X-Forwarded-For", source));
    }

    /** A documentation address (RFC 5737) of its own for each source. */
    private static String source() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
    }
}
