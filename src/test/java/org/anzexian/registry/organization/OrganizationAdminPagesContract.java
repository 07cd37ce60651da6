package org.anzexian.registry.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.GroupDirectory;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.platform.web.PageQuery;
import org.anzexian.support.PortalClient;
import org.anzexian.support.TestCreditCodes;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The city bureau's organizations and logins in the portal (#14): the pages end in the same service
 * methods as {@code /api/organizations}, so the same checks apply; a refused form keeps what was typed,
 * shows the Chinese reasons and creates nothing; everybody but the city bureau and admins gets 403.
 */
abstract class OrganizationAdminPagesContract {

    private static final Actor CITY = new Actor("city", Set.of(PlatformGroups.CITY_BUREAU));

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    OrganizationAccountService accounts;

    @Autowired
    GroupDirectory groups;

    @Autowired
    IdentityService identityService;

    @Test
    void theIndexLeadsTheCityBureauToEachAdministrationPage() {
        HttpResponse<String> index = PortalClient.loggedIn(port, "city").get("/portal/admin");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("href=\"/portal/admin/organizations\"", "href=\"/portal/admin/credit-list\"",
                "href=\"/portal/admin/filings\"", "href=\"/portal/admin/policies\"");
        assertThat(PortalClient.loggedIn(port, "demo").get("/portal/admin").statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = PortalClient.loggedIn(port, "city").get("/portal/admin/organizations/987654321");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("单位不存在", "管理");
    }

    @Test
    void cityBureauRegistersAnOrganizationInTheFormAndFindsIt() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        String name = "门户登记测试保险忻州分公司" + suffix();

        HttpResponse<String> form = city.get("/portal/admin/organizations/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("保险机构", "第三方技术服务机构", "忻府区", "县区主管部门：原平市");
        HttpResponse<String> created = city.post("/portal/admin/organizations/new", "/portal/admin/organizations",
                organizationFields("INSURER", name, code, "140981"));

        assertThat(created.statusCode()).isEqualTo(302);
        Organization organization = organizations.findByCreditCode(code).orElseThrow();
        assertThat(organization.name()).isEqualTo(name);
        assertThat(organization.type()).isEqualTo(OrganizationType.INSURER);
        assertThat(organization.jurisdictionCode()).isEqualTo("140981");
        assertThat(groups.groupExists(organization.groupId())).isTrue();
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/portal/admin/organizations/" + organization.id());
        HttpResponse<String> page = city.get("/portal/admin/organizations/" + organization.id());
        assertThat(page.body()).contains(name, code, "原平市", "已登记单位", "尚无登录账号");

        HttpResponse<String> byName = city.get("/portal/admin/organizations?name=" + encode(name));
        HttpResponse<String> byCode = city.get("/portal/admin/organizations?creditCode=" + code.substring(0, 14));
        HttpResponse<String> otherType = city.get("/portal/admin/organizations?type=CONSTRUCTION_UNIT&name=" + encode(name));
        assertThat(byName.body()).contains(name).contains("共 1 条");
        assertThat(byCode.body()).contains(name);
        assertThat(otherType.body()).doesNotContain("/portal/admin/organizations/" + organization.id() + "\"")
                .contains("没有符合条件的单位");
    }

    @Test
    void anInvalidOrganizationComesBackWithTheInputAndChineseReasonsAndNothingIsCreated() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        String name = "填错表的单位" + suffix();
        Map<String, String> fields = organizationFields("", name, code, "140902");
        fields.put("principal", " ");
        fields.put("email", "not-a-mail");

        HttpResponse<String> refused = city.post("/portal/admin/organizations/new", "/portal/admin/organizations", fields);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("未保存任何内容", "必须选择单位类型", "必须填写负责人", "电子邮箱格式不正确");
        assertThat(refused.body()).contains("value=\"" + name + "\"", "value=\"" + code + "\"", "value=\"not-a-mail\"")
                .containsPattern("<option value=\"140902\"\\s+selected");
        assertThat(organizations.findByCreditCode(code)).isEmpty();
        assertThat(organizations.list(new OrganizationFilter(null, name, null), new PageQuery(0, 5)).total()).isZero();
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedAsTheApiRefusesIt() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.withWrongCheckCharacter(TestCreditCodes.unique());
        String name = "输错代码的单位" + suffix();

        HttpResponse<String> refused = city.post("/portal/admin/organizations/new", "/portal/admin/organizations",
                organizationFields("SERVICE_ORG", name, code, "140902"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("统一社会信用代码校验位错误", "value=\"" + name + "\"", "value=\"" + code + "\"")
                .containsPattern("<option value=\"SERVICE_ORG\"\\s+selected");
        assertThat(organizations.findByCreditCode(code)).isEmpty();
        assertThat(organizations.list(new OrganizationFilter(null, name, null), new PageQuery(0, 5)).total()).isZero();
    }

    @Test
    void aCreditCodeRegisteredAlreadyIsRefusedAsTheApiRefusesIt() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        city.post("/portal/admin/organizations/new", "/portal/admin/organizations",
                organizationFields("CONSTRUCTION_UNIT", "先登记的施工单位" + suffix(), code, "140902"));
        String second = "后登记的施工单位" + suffix();

        HttpResponse<String> refused = city.post("/portal/admin/organizations/new", "/portal/admin/organizations",
                organizationFields("CONSTRUCTION_UNIT", second, code, "140902"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("该统一社会信用代码已登记为", "value=\"" + second + "\"");
        assertThat(organizations.list(new OrganizationFilter(null, second, null), new PageQuery(0, 5))
                .total()).isZero();
    }

    @Test
    void cityBureauOpensALoginThatWorksAndAWeakPasswordIsRefusedNextToItsField() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        Organization organization = registered();
        String page = "/portal/admin/organizations/" + organization.id();
        String userId = "portal" + suffix();

        HttpResponse<String> weak = city.post(page, page + "/users", loginFields(userId, "weakpass"));

        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("密码不符合要求", "未满足", "value=\"" + userId + "\"", "value=\"张\"")
                .doesNotContain("weakpass");
        assertThat(groups.userExists(userId)).isFalse();

        String password = "Start" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        HttpResponse<String> created = city.post(page, page + "/users", loginFields(userId, password));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(identityService.checkPassword(userId, password)).isTrue();
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(organization.groupId()).count()).isOne();
        assertThat(city.get(page).body()).contains(userId, "已开通登录账号", "张三");
        assertThat(accounts.usersOf(CITY, organization.id())).extracting(OrganizationUser::userId).containsExactly(userId);
        PortalClient newcomer = new PortalClient(port);
        assertThat(newcomer.login(userId, password).statusCode()).isEqualTo(302);
        assertThat(newcomer.get("/portal").statusCode()).isEqualTo(200);
        assertThat(newcomer.get("/portal/admin").statusCode()).as("an insurer's clerk is no administrator").isEqualTo(403);

        HttpResponse<String> taken = city.post(page, page + "/users", loginFields(userId, password));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("该登录名已被使用");
    }

    @Test
    void countyOfficersAndInsurersGetTheRefusalPageAndChangeNothing() {
        Organization organization = registered();
        String code = TestCreditCodes.unique();
        for (String user : new String[] {"xinfu", "picc"}) {
            PortalClient portal = PortalClient.loggedIn(port, user);
            for (String path : new String[] {"/portal/admin", "/portal/admin/organizations",
                    "/portal/admin/organizations/new", "/portal/admin/organizations/" + organization.id()}) {
                HttpResponse<String> page = portal.get(path);
                assertThat(page.statusCode()).as("%s on %s", user, path).isEqualTo(403);
                assertThat(page.body()).contains("无权查看", "只有市住建局或系统管理员");
            }
            // a real token of this user's session, from a page it may see
            HttpResponse<String> register = portal.post("/portal", "/portal/admin/organizations",
                    organizationFields("INSURER", "越权登记" + suffix(), code, "140902"));
            HttpResponse<String> login = portal.post("/portal", "/portal/admin/organizations/" + organization.id() + "/users",
                    loginFields("sneak" + suffix(), "Start123456"));
            assertThat(register.statusCode()).isEqualTo(403);
            assertThat(login.statusCode()).isEqualTo(403);
        }
        assertThat(organizations.findByCreditCode(code)).isEmpty();
        assertThat(accounts.usersOf(CITY, organization.id())).isEmpty();
        assertThat(PortalClient.loggedIn(port, "city").get("/portal/admin/organizations/" + organization.id()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aForgedPostWithoutTheCsrfTokenIsRefusedAndCreatesNothing() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();

        HttpResponse<String> forged = city.postWithoutPage("/portal/admin/organizations",
                organizationFields("INSURER", "伪造请求单位" + suffix(), code, "140902"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(organizations.findByCreditCode(code)).isEmpty();
        assertThat(city.post("/portal/admin/organizations/new", "/portal/admin/organizations",
                organizationFields("INSURER", "正当请求单位" + suffix(), code, "140902")).statusCode()).isEqualTo(302);
        assertThat(organizations.findByCreditCode(code)).isPresent();
    }

    @Test
    void aFormStillPostsAfterThePageLoadedItsStylesheetsAsABrowserDoes() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String token = PortalClient.csrfTokenOf(city.get("/portal/admin/organizations/new").body());
        city.get("/portal/assets/portal.css");
        city.get("/portal/assets/admin.css");
        String code = TestCreditCodes.unique();
        Map<String, String> fields = organizationFields("PARTICIPANT", "样式表之后提交的单位" + suffix(), code, "140902");
        fields.put("_csrf", token);

        assertThat(city.postWithoutPage("/portal/admin/organizations", fields).statusCode()).isEqualTo(302);
        assertThat(organizations.findByCreditCode(code)).isPresent();
    }

    private Organization registered() {
        return organizations.register(CITY, new NewOrganization(OrganizationType.INSURER, "账号测试保险" + suffix(),
                TestCreditCodes.unique(), null, "负责人", null, null, "140902", null));
    }

    static Map<String, String> organizationFields(String type, String name, String code, String county) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("name", name);
        fields.put("creditCode", code);
        fields.put("principal", "李四");
        fields.put("email", "");
        fields.put("phone", "0350-3030303");
        fields.put("jurisdictionCode", county);
        fields.put("bureauGroup", "");
        return fields;
    }

    private static Map<String, String> loginFields(String userId, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("userId", userId);
        fields.put("lastName", "张");
        fields.put("firstName", "三");
        fields.put("email", userId + "@portal.test.anzexian.local");
        fields.put("password", password);
        return fields;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
