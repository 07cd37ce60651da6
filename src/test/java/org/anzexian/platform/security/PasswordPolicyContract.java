package org.anzexian.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.anzexian.registry.organization.NewOrganization;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * #11 finding 4: Camunda's password policy holds for every password set — a login the city bureau
 * creates ({@code /api}), a user an administrator creates and a password changed on {@code /engine-rest}
 * or in Admin/Welcome — and the refusal lists the rules in Chinese; the demo logins keep working.
 */
abstract class PasswordPolicyContract {

    private static final String STRONG = "Xinzhou2026ok";
    private static final Actor ADMIN = new Actor("test", Set.of(PlatformGroups.ADMIN));

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identityService;

    @Autowired
    GroupDirectory groups;

    @Autowired
    OrganizationService organizations;

    Browser browser;
    String userId;

    @BeforeEach
    void newBrowser() {
        browser = new Browser(port);
        userId = "pw" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    @Test
    void cityBureauCreatesNoLoginWithAWeakPassword() throws Exception {
        Organization organization = organizations.register(ADMIN, new NewOrganization(OrganizationType.INSURER,
                "密码测试单位" + userId, CreditCode.withCheckCharacter("91140900MA" + userId.substring(2)), null, "负责人",
                null, null, "140902", null));
        String path = "/api/organizations/" + organization.id() + "/users";

        for (String weak : List.of("12345678", userId, "x" + userId + "A9", "NoDigitsHere", "Sh0rt")) {
            HttpResponse<String> refused = post(path, "city", "city", """
                    {"userId":"%s","firstName":"小明","lastName":"王","email":"%s@example.test","password":"%s"}
                    """.formatted(userId, userId, weak));
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(refused.body()).as(weak).contains("\"field\":\"password\"").contains("密码规则：至少 8 位")
                    .contains("不得包含登录名、姓名或电子邮箱").contains("未满足：");
        }
        assertThat(groups.userExists(userId)).isFalse();

        HttpResponse<String> created = post(path, "city", "city", """
                {"userId":"%s","firstName":"小明","lastName":"王","email":"%s@example.test","password":"%s"}
                """.formatted(userId, userId, STRONG));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(identityService.checkPassword(userId, STRONG)).isTrue();
    }

    @Test
    void administratorCreatesNoUserWithAWeakPasswordOnEngineRest() throws Exception {
        HttpResponse<String> noDigits = createOnEngineRest("NoDigitsHere");
        HttpResponse<String> ownId = createOnEngineRest(userId + "Ab1");

        assertThat(noDigits.statusCode()).as(noDigits.body()).isEqualTo(400);
        assertThat(noDigits.body()).contains("未满足：至少包含 1 个数字").contains("密码规则：");
        assertThat(ownId.statusCode()).isEqualTo(400);
        assertThat(ownId.body()).contains("未满足：不得包含登录名、姓名或电子邮箱");
        assertThat(groups.userExists(userId)).isFalse();

        HttpResponse<String> strong = createOnEngineRest(STRONG);
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
        assertThat(identityService.checkPassword(userId, STRONG)).isTrue();
        // the webapps read the policy to show it while the password is typed
        assertThat(browser.send(browser.request("/engine-rest/identity/password-policy")
                .header("Authorization", Browser.basic("demo", "demo"))).body()).contains("PASSWORD_POLICY_DIGIT");
    }

    @Test
    void userChangesOwnPasswordOnlyToAStrongOneOnEngineRest() throws Exception {
        groups.ensureUser(userId, "改", "密码", userId + "@example.test", STRONG);
        String path = "/engine-rest/user/" + userId + "/credentials";

        HttpResponse<String> weak = put(path, userId, STRONG, credentials("12345678", STRONG));
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).contains("未满足：至少包含 1 个小写字母").contains("未满足：至少包含 1 个大写字母");
        assertThat(identityService.checkPassword(userId, STRONG)).isTrue();

        HttpResponse<String> strong = put(path, userId, STRONG, credentials("Another2027pw", STRONG));
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
        assertThat(identityService.checkPassword(userId, "Another2027pw")).isTrue();
    }

    @Test
    void userChangesOwnPasswordOnlyToAStrongOneInWelcome() throws Exception {
        groups.ensureUser(userId, "欢", "迎", userId + "@example.test", STRONG);
        assertThat(browser.webappLogin("welcome", userId, STRONG, "127.0.0.1").statusCode()).isEqualTo(200);
        browser.openApp("welcome");
        HttpRequest.Builder change = browser.request("/camunda/api/engine/engine/default/user/" + userId + "/credentials")
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", browser.xsrfToken());

        HttpResponse<String> weak = browser.send(change.copy().PUT(HttpRequest.BodyPublishers.ofString(
                credentials("abcdefgh", STRONG))));
        assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
        assertThat(weak.body()).contains("未满足：至少包含 1 个数字");

        HttpResponse<String> strong = browser.send(change.copy().PUT(HttpRequest.BodyPublishers.ofString(
                credentials("Welcome2027pw", STRONG))));
        assertThat(strong.statusCode()).as(strong.body()).isEqualTo(204);
        assertThat(identityService.checkPassword(userId, "Welcome2027pw")).isTrue();
    }

    @Test
    void demoLoginsSeededWithTheirIdAsPasswordStillLogIn() {
        assertThat(identityService.checkPassword("city", "city")).isTrue();
        assertThat(identityService.checkPassword("owner", "owner")).isTrue();
        assertThat(identityService.checkPassword("demo", "demo")).isTrue();
    }

    private HttpResponse<String> createOnEngineRest(String password) throws Exception {
        return post("/engine-rest/user/create", "demo", "demo", """
                {"profile":{"id":"%s","firstName":"新","lastName":"用户","email":"%s@example.test"},
                 "credentials":{"password":"%s"}}
                """.formatted(userId, userId, password));
    }

    private static String credentials(String password, String current) {
        return "{\"password\":\"%s\",\"authenticatedUserPassword\":\"%s\"}".formatted(password, current);
    }

    private HttpResponse<String> post(String path, String user, String password, String json) throws Exception {
        return browser.send(browser.request(path).header("Authorization", Browser.basic(user, password))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> put(String path, String user, String password, String json) throws Exception {
        return browser.send(browser.request(path).header("Authorization", Browser.basic(user, password))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
