package org.anzexian.platform.portal;

import static org.anzexian.support.PortalBrowser.Step.click;
import static org.anzexian.support.PortalBrowser.Step.expectText;
import static org.anzexian.support.PortalBrowser.Step.fill;
import static org.anzexian.support.PortalBrowser.Step.go;
import static org.anzexian.support.PortalBrowser.Step.select;
import static org.anzexian.support.PortalBrowser.Step.shot;
import static org.anzexian.support.PortalBrowser.Step.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.anzexian.filing.creditlist.CreditListEntry;
import org.anzexian.filing.creditlist.CreditListService;
import org.anzexian.filing.creditlist.CreditListType;
import org.anzexian.registry.organization.Organization;
import org.anzexian.registry.organization.OrganizationService;
import org.anzexian.registry.organization.OrganizationType;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.PortalBrowser;
import org.anzexian.support.PortalClient;
import org.anzexian.support.TestCreditCodes;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The city bureau's administration in a Chinese browser (#14): organizations, logins, a credit-list import. */
@AnzexianTest
@Tag("browser")
class AdministrationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    OrganizationService organizations;

    @Autowired
    CreditListService creditLists;

    @Autowired
    IdentityService identityService;

    @BeforeAll
    static void browser() {
        PortalBrowser.requireBrowser();
    }

    @Test
    void theCityBureauCreatesAnOrganizationAndItsLoginAndImportsACreditListWithAPreviewAllInTheBrowser() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String name = "浏览器登记服务机构" + suffix;
        String code = TestCreditCodes.unique();
        String userId = "browser" + suffix;
        String password = "Welcome" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String listed = TestCreditCodes.unique();
        Path csv = Files.createTempFile("credit-list", ".csv");
        Files.writeString(csv, "type,creditCode,name,listedOn,reason,source\n"
                + "ENFORCEMENT_OR_BAD_CONDUCT," + code + "," + name + ",2025-06-01,\"现场检查不合格,行政处罚\",忻州市住建局\n"
                + "SERIOUS_DISHONESTY," + listed + ",某失信建设公司,2025-05-20,虚假承诺,信用中国\n", StandardCharsets.UTF_8);
        try {
            PortalBrowser.Run run = new PortalBrowser(port).walk("city", "city",
                    go("/portal/admin"),
                    click("单位与账号"),
                    click("登记单位"),
                    select("单位类型", "第三方技术服务机构"),
                    fill("单位名称", name),
                    fill("统一社会信用代码", TestCreditCodes.withWrongCheckCharacter(code)),
                    fill("负责人", "王五"),
                    select("所在县区", "原平市"),
                    click("登记"),
                    expectText("校验位错误"),
                    fill("统一社会信用代码", code),
                    click("登记"),
                    expectText("已登记单位"),
                    fill("登录名", userId),
                    fill("姓氏", "赵"),
                    fill("名字", "六"),
                    fill("个人电子邮箱", userId + "@browser.test.anzexian.local"),
                    fill("初始密码", password),
                    click("开通账号"),
                    expectText("已开通登录账号 " + userId),
                    shot("admin-organization"),
                    go("/portal/admin/credit-list"),
                    upload("名单 CSV 文件", csv),
                    click("上传并预览"),
                    expectText("导入预览"),
                    expectText("某失信建设公司"),
                    shot("admin-credit-preview"),
                    click("确认导入"),
                    expectText("新增 2 条"));

            run.assertOk();
        } finally {
            Files.deleteIfExists(csv);
        }

        Organization organization = organizations.findByCreditCode(code).orElseThrow();
        assertThat(organization.name()).isEqualTo(name);
        assertThat(organization.type()).isEqualTo(OrganizationType.SERVICE_ORG);
        assertThat(organization.jurisdictionCode()).isEqualTo("140981");
        assertThat(identityService.createUserQuery().userId(userId).memberOfGroup(organization.groupId()).count()).isOne();
        PortalClient newcomer = new PortalClient(port);
        assertThat(newcomer.login(userId, password).statusCode()).as("the new login works").isEqualTo(302);
        assertThat(newcomer.get("/portal").body()).contains(userId);
        assertThat(creditLists.entriesFor(code, Set.of(CreditListType.ENFORCEMENT_OR_BAD_CONDUCT), null))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.reason()).isEqualTo("现场检查不合格,行政处罚");
                    assertThat(entry.importedBy()).isEqualTo("city");
                });
        assertThat(creditLists.entriesFor(listed, Set.of(), null)).extracting(CreditListEntry::name)
                .containsExactly("某失信建设公司");
    }
}
