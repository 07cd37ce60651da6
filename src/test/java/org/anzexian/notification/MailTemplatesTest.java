package org.anzexian.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void organizationRegisteredNamesTheOrganizationInChinese() {
        MailTemplates.RenderedMail mail = templates.render(NoticeTemplates.ORGANIZATION_REGISTERED, Map.of(
                "organizationName", "忻州市安建保险代理有限公司",
                "creditCode", "91140900MA0K12345X",
                "organizationType", "保险机构",
                "baseUrl", "https://anzexian.example.test"));

        assertThat(mail.subject()).isEqualTo("【忻州市安责险】忻州市安建保险代理有限公司 已登记");
        assertThat(mail.body()).startsWith("忻州市安建保险代理有限公司：\n")
                .contains("统一社会信用代码：91140900MA0K12345X")
                .contains("https://anzexian.example.test")
                .doesNotContain("${");
    }

    @Test
    void everyMainTemplateHasAKeyInNoticeTemplatesAndEveryKeyATemplate() throws Exception {
        Set<String> keys = new HashSet<>();
        for (Field field : NoticeTemplates.class.getFields()) {
            keys.add((String) field.get(null));
        }
        Set<String> files = new HashSet<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:mail-templates/*.txt")) {
            if (!file.getURL().toString().contains("/test-classes/")) {
                files.add(file.getFilename().replaceFirst("\\.txt$", ""));
            }
        }
        assertThat(files).isEqualTo(keys);
    }

    @Test
    void valuesAreInsertedLiterallyEvenWithDollarSignsAndBackslashes() {
        MailTemplates.RenderedMail mail = templates.render("test-notice",
                Map.of("name", "$1 \\ ${x}", "project", "项目", "deadline", "明天"));

        assertThat(mail.subject()).isEqualTo("测试通知：$1 \\ ${x} 的隐患整改");
    }

    @Test
    void aLineBreakInTheSubjectIsRefused() {
        assertThatThrownBy(() -> templates.render("test-notice",
                Map.of("name", "张三\nBcc: someone@example.test", "project", "项目", "deadline", "明天")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
    }

    @Test
    void unknownOrMalformedTemplateKeysAreRefusedByName() {
        assertThatThrownBy(() -> templates.render("no-such-template", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-template");
        assertThatThrownBy(() -> templates.render("../application", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../application");
    }

    @Test
    void aMissingVariableIsRefusedByName() {
        assertThatThrownBy(() -> templates.render("test-notice", Map.of("name", "张三", "project", "项目")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
    }
}
