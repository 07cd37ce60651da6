package org.anzexian.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.support.TestSmtp;
import org.anzexian.notification.NoticeDelivery;
import org.anzexian.notification.NoticeFilter;
import org.anzexian.notification.NoticeStatus;
import org.anzexian.notification.NotificationService;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.registry.CreditCode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The city bureau opens logins for an organization (#3 account decision); H2 and PostgreSQL. */
abstract class OrganizationAccountContract {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(TestSmtp.SETUP);

    private static final Actor ADMIN = new Actor("test", Set.of(PlatformGroups.ADMIN));

    @Autowired
    TestRestTemplate http;

    @Autowired
    OrganizationService organizations;

    @Autowired
    GroupDirectory groups;

    @Autowired
    IdentityService identityService;

    @Autowired
    NotificationService notifications;

    @Test
    void cityBureauCreatesTheFirstLoginOfAnUnfiledInsurerWhoIsMailedWithoutThePassword() throws Exception {
        Organization insurer = newOrganization(OrganizationType.INSURER);
        String userId = "acc" + suffix();
        String password = "Start" + suffix();

        ResponseEntity<JsonNode> created = http.withBasicAuth("city", "city").postForEntity(
                "/api/organizations/" + insurer.id() + "/users", body(userId, userId + "@example.test", password),
                JsonNode.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("userId").asText()).isEqualTo(userId);
        assertThat(identityService.checkPassword(userId, password)).isTrue();
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(insurer.groupId()).count()).isOne();
        assertThat(http.withBasicAuth(userId, password).getForEntity("/api/organizations/" + insurer.id(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        MimeMessage mail = awaitMailTo(userId + "@example.test");
        assertThat(mail.getSubject()).contains(insurer.name()).contains("账号已开通");
        assertThat((String) mail.getContent()).contains("登录名：" + userId).contains("王小明").doesNotContain(password);
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications
                .list(new NoticeFilter(NoticeStatus.SENT, null, "organization:" + insurer.id(), userId + "@example.test"), 0, 5)
                .items().stream().map(NoticeDelivery::status).toList().contains(NoticeStatus.SENT));

        JsonNode users = http.withBasicAuth("city", "city")
                .getForEntity("/api/organizations/" + insurer.id() + "/users", JsonNode.class).getBody().path("items");
        assertThat(users).hasSize(1);
        assertThat(users.get(0).get("email").asText()).isEqualTo(userId + "@example.test");
        assertThat(users.get(0).has("password")).isFalse();
    }

    @Test
    void existingLoginIsAConflictAndChangesNothing() {
        Organization organization = newOrganization(OrganizationType.SERVICE_ORG);
        String existing = "acc" + suffix();
        groups.ensureUser(existing, "旧", "用户", existing + "@example.test", existing);

        ResponseEntity<JsonNode> taken = http.withBasicAuth("city", "city").postForEntity(
                "/api/organizations/" + organization.id() + "/users", body(existing, "x" + suffix() + "@example.test",
                        "Password1"), JsonNode.class);

        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody().get("fieldErrors").get(0).get("field").asText()).isEqualTo("userId");
        assertThat(identityService.createUserQuery().userId(existing).singleResult().getEmail())
                .isEqualTo(existing + "@example.test");
        assertThat(groups.members(organization.groupId())).isEmpty();
    }

    @Test
    void badInputIsRefusedByFieldAndCreatesNoUser() {
        Organization organization = newOrganization(OrganizationType.SERVICE_ORG);
        String userId = "acc" + suffix();

        ResponseEntity<JsonNode> badId = post(organization, body("bad-id_" + suffix(), "ok@example.test", "Password1"));
        ResponseEntity<JsonNode> badMail = post(organization, body(userId, "not-a-mail", "Password1"));
        ResponseEntity<JsonNode> shortPassword = post(organization, body(userId, userId + "@example.test", "short"));

        assertThat(badId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badId.getBody().toString()).contains("userId").contains("字母和数字");
        assertThat(badMail.getBody().toString()).contains("email");
        assertThat(shortPassword.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(shortPassword.getBody().toString()).contains("password").contains("至少 8 位");
        assertThat(groups.userExists(userId)).isFalse();
        assertThat(groups.members(organization.groupId())).isEmpty();
    }

    @Test
    void onlyTheCityBureauOrAnAdministratorCreatesOrListsLogins() {
        Organization organization = newOrganization(OrganizationType.INSURER);
        String userId = "acc" + suffix();

        String member = "acc" + suffix();
        groups.ensureUser(member, "本", "单位", member + "@example.test", member);
        groups.ensureMembership(member, organization.groupId());

        assertThat(http.withBasicAuth(member, member).postForEntity("/api/organizations/" + organization.id() + "/users",
                body(userId, userId + "@example.test", "Password1"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(member, member).getForEntity("/api/organizations/" + organization.id() + "/users",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/organizations/" + organization.id() + "/users",
                body(userId, userId + "@example.test", "Password1"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("demo", "demo").postForEntity("/api/organizations/" + organization.id() + "/users",
                body(userId, userId + "@example.test", "Password1"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(http.withBasicAuth("city", "city").postForEntity("/api/organizations/999999999/users",
                body("acc" + suffix(), "y@example.test", "Password1"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<JsonNode> post(Organization organization, Map<String, String> body) {
        return http.withBasicAuth("city", "city").postForEntity("/api/organizations/" + organization.id() + "/users",
                body, JsonNode.class);
    }

    private static Map<String, String> body(String userId, String email, String password) {
        return Map.of("userId", userId, "firstName", "小明", "lastName", "王", "email", email, "password", password);
    }

    private Organization newOrganization(OrganizationType type) {
        String body = "91140900MA" + randomDigits(7);
        return organizations.register(ADMIN, new NewOrganization(type, "账号测试单位" + suffix(),
                CreditCode.withCheckCharacter(body), null, "负责人", null, null, "140902", null));
    }

    private MimeMessage awaitMailTo(String recipient) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(recipient).size() == 1);
        return mailsTo(recipient).get(0);
    }

    private static List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().equalsIgnoreCase(recipient));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String randomDigits(int length) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
