package org.anzexian.filing.creditlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anzexian.platform.access.Actor;
import org.anzexian.platform.identity.PlatformGroups;
import org.anzexian.support.PortalClient;
import org.anzexian.support.TestCreditCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The credit-list import in the portal (#14, N3.7, N7.3): a preview that writes nothing, "确认导入" that
 * applies exactly the previewed file — or nothing, when the file or the list changed since — and "取消".
 */
abstract class CreditListPagesContract {

    private static final Actor ADMIN = new Actor("demo", Set.of(PlatformGroups.ADMIN));
    private static final Pattern FINGERPRINT = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]{64})\"");
    private static final String PAGE = "/portal/admin/credit-list";

    @LocalServerPort
    int port;

    @Autowired
    CreditListService creditLists;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePreviewShowsWhatTheImportWouldDoAndWritesNothing() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String fresh = TestCreditCodes.unique();
        String known = TestCreditCodes.unique();
        creditLists.importCsv(ADMIN, csv(line("SERIOUS_DISHONESTY", known, "已列入公司", "2025-01-02")));
        long importsBefore = imports();

        HttpResponse<String> upload = upload(city, csv(
                line("SERIOUS_DISHONESTY", fresh, "新列入公司", "2025-03-01"),
                line("SERIOUS_DISHONESTY", known, "已列入公司", "2025-01-02"),
                line("SERIOUS_DISHONESTY", fresh, "新列入公司", "2025-03-01")));

        assertThat(upload.statusCode()).isEqualTo(302);
        String previewPath = location(upload);
        assertThat(previewPath).matches("/portal/admin/credit-list/preview/[0-9a-f]{64}");
        HttpResponse<String> preview = city.get(previewPath);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("预览不写入任何内容", "确认导入", "取消", "新列入公司", "已列入公司",
                "已在名单中，不重复导入", "与文件中前面的行重复");
        assertThat(figure(preview.body(), "ADD")).isEqualTo("1");
        assertThat(figure(preview.body(), "ALREADY_LISTED")).isEqualTo("1");
        assertThat(figure(preview.body(), "REPEATED_IN_FILE")).isEqualTo("1");
        assertThat(figure(preview.body(), "PROBLEMS")).isEqualTo("0");
        assertThat(creditLists.entriesFor(fresh, Set.of(), null)).isEmpty();
        assertThat(creditLists.entriesFor(known, Set.of(), null)).hasSize(1);
        assertThat(imports()).isEqualTo(importsBefore);
    }

    @Test
    void confirmingAppliesExactlyThePreviewedFileOnce() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String first = TestCreditCodes.unique();
        String second = TestCreditCodes.unique();
        String previewPath = location(upload(city, csv(
                line("DISHONEST_JUDGMENT_DEBTOR", first, "甲公司", "2025-02-01"),
                line("ENFORCEMENT_OR_BAD_CONDUCT", second, "乙公司", "2024-12-01"))));
        String fingerprint = fingerprint(city.get(previewPath).body());

        HttpResponse<String> confirmed = city.post(previewPath, previewPath + "/confirm", Map.of("fingerprint", fingerprint));

        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(location(confirmed)).isEqualTo(PAGE);
        assertThat(city.get(PAGE).body()).contains("已导入", "新增 2 条", "失信被执行人 1 条");
        assertThat(creditLists.entriesFor(first, Set.of(), null)).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo(CreditListType.DISHONEST_JUDGMENT_DEBTOR);
            assertThat(entry.importedBy()).isEqualTo("city");
            assertThat(entry.listedOn()).isEqualTo(LocalDate.of(2025, 2, 1));
        });
        assertThat(creditLists.entriesFor(second, Set.of(), null)).hasSize(1);

        long importsAfter = imports();
        HttpResponse<String> again = city.post(PAGE, previewPath + "/confirm", Map.of("fingerprint", fingerprint));
        assertThat(again.statusCode()).as("a preview is applied once").isEqualTo(404);
        assertThat(again.body()).contains("该预览已失效", "未导入任何内容");
        assertThat(imports()).isEqualTo(importsAfter);
    }

    @Test
    void aListThatChangedSinceThePreviewAppliesNothingAndShowsTheNewPreview() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        String file = csv(line("SERIOUS_DISHONESTY", code, "丙公司", "2025-04-01"));
        String previewPath = location(upload(city, file));
        String fingerprint = fingerprint(city.get(previewPath).body());
        creditLists.importCsv(ADMIN, file);
        long importsBefore = imports();

        HttpResponse<String> confirmed = city.post(previewPath, previewPath + "/confirm", Map.of("fingerprint", fingerprint));

        assertThat(confirmed.statusCode()).isEqualTo(409);
        assertThat(confirmed.body()).contains("预览之后文件或信用名单已有变化", "已在名单中，不重复导入");
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).singleElement()
                .satisfies(entry -> assertThat(entry.importedBy()).isEqualTo("demo"));

        HttpResponse<String> forged = city.post(previewPath, previewPath + "/confirm", Map.of("fingerprint", "0".repeat(64)));
        assertThat(forged.statusCode()).isEqualTo(409);
        assertThat(imports()).isEqualTo(importsBefore);
    }

    @Test
    void aFileWithBadLinesIsPreviewedWithItsReasonsAndCannotBeImported() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String good = TestCreditCodes.unique();
        String bad = TestCreditCodes.withWrongCheckCharacter(TestCreditCodes.unique());
        String file = csv(
                line("SERIOUS_DISHONESTY", good, "丁公司", "2025-01-05"),
                line("BLACKLIST", bad, "戊公司", "2025-13-01"));
        String previewPath = location(upload(city, file));

        HttpResponse<String> preview = city.get(previewPath);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("文件有错误，不能导入", "第 3 行 type", "第 3 行 creditCode", "校验位错误",
                "第 3 行 listedOn").doesNotContain("确认导入");
        assertThat(figure(preview.body(), "PROBLEMS")).isEqualTo("3");
        long importsBefore = imports();
        HttpResponse<String> forced = city.post(previewPath, previewPath + "/confirm",
                Map.of("fingerprint", creditLists.preview(ADMIN, file).fingerprint()));
        assertThat(forced.statusCode()).isEqualTo(400);
        assertThat(forced.body()).contains("第 3 行 type");
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(creditLists.entriesFor(good, Set.of(), null)).isEmpty();
    }

    @Test
    void cancellingAppliesNothingAndEndsThePreview() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        String previewPath = location(upload(city, csv(line("SERIOUS_DISHONESTY", code, "己公司", "2025-05-01"))));
        long importsBefore = imports();

        HttpResponse<String> cancelled = city.post(previewPath, previewPath + "/cancel", Map.of());

        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(city.get(PAGE).body()).contains("已取消导入，信用名单没有任何变化");
        assertThat(city.get(previewPath).statusCode()).isEqualTo(404);
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).isEmpty();
    }

    @Test
    void theTemplateHasTheHeaderAndAFileNotInUtf8IsRefusedInChinese() {
        PortalClient city = PortalClient.loggedIn(port, "city");

        HttpResponse<byte[]> template = city.getBytes(PAGE + "/template.csv");
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(new String(template.body(), StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + CreditListCsv.HEADER + "\r\n");

        HttpResponse<String> gbk = city.postFile(PAGE, PAGE + "/preview", Map.of(), "file", "gbk.csv",
                csv(line("SERIOUS_DISHONESTY", TestCreditCodes.unique(), "庚公司", "2025-01-01")).getBytes(Charset.forName("GBK")));
        assertThat(gbk.statusCode()).isEqualTo(400);
        assertThat(gbk.body()).contains("文件须为 UTF-8 编码的 CSV");
        HttpResponse<String> none = city.postFile(PAGE, PAGE + "/preview", Map.of(), "file", "empty.csv", new byte[0]);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("请选择要导入的 CSV 文件");
    }

    @Test
    void countyOfficersAndInsurersCanNeitherPreviewNorImport() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        String file = csv(line("SERIOUS_DISHONESTY", code, "辛公司", "2025-01-01"));
        String cityPreview = location(upload(city, file));
        long importsBefore = imports();
        for (String user : new String[] {"xinfu", "picc"}) {
            PortalClient portal = PortalClient.loggedIn(port, user);
            assertThat(portal.get(PAGE).statusCode()).isEqualTo(403);
            assertThat(portal.get(PAGE).body()).contains("只有市住建局或系统管理员");
            assertThat(portal.postFile("/portal", PAGE + "/preview", Map.of(), "file", "list.csv",
                    file.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);
            assertThat(portal.get(cityPreview).statusCode()).isEqualTo(403);
            assertThat(portal.post("/portal", cityPreview + "/confirm", Map.of("fingerprint", "x")).statusCode())
                    .isEqualTo(403);
        }
        assertThat(imports()).isEqualTo(importsBefore);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).isEmpty();
        assertThat(city.get(cityPreview).statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedConfirmationWithoutTheCsrfTokenIsRefused() {
        PortalClient city = PortalClient.loggedIn(port, "city");
        String code = TestCreditCodes.unique();
        String previewPath = location(upload(city, csv(line("SERIOUS_DISHONESTY", code, "壬公司", "2025-01-01"))));
        String fingerprint = fingerprint(city.get(previewPath).body());

        HttpResponse<String> forged = city.postWithoutPage(previewPath + "/confirm", Map.of("fingerprint", fingerprint));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).isEmpty();
        assertThat(city.post(previewPath, previewPath + "/confirm", Map.of("fingerprint", fingerprint)).statusCode())
                .isEqualTo(302);
        assertThat(creditLists.entriesFor(code, Set.of(), null)).hasSize(1);
    }

    private HttpResponse<String> upload(PortalClient portal, String csv) {
        return portal.postFile(PAGE, PAGE + "/preview", Map.of(), "file", "list.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private long imports() {
        return jdbc.sql("SELECT COUNT(*) FROM credit_list_import").query(Long.class).single();
    }

    static String csv(String... lines) {
        return CreditListCsv.HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    static String line(String type, String code, String name, String listedOn) {
        return type + "," + code + "," + name + "," + listedOn + ",列入原因,信用中国";
    }

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static String fingerprint(String page) {
        Matcher matcher = FINGERPRINT.matcher(page);
        assertThat(matcher.find()).as("the preview offers 确认导入").isTrue();
        return matcher.group(1);
    }

    private static String figure(String page, String outcome) {
        Matcher matcher = Pattern.compile("data-outcome=\"" + outcome + "\">(\\d+)<").matcher(page);
        assertThat(matcher.find()).as("figure %s", outcome).isTrue();
        return matcher.group(1);
    }
}
