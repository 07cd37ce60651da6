package org.anzexian.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** #13: the why of a deployment is taken out of the multipart body; the model files stay byte for byte. */
class DeploymentCommentTest {

    private static final String BOUNDARY = "----modeler42";

    @Test
    void theCommentPartIsTakenOutAndTheRestStaysAsItWas() {
        String withComment = part("deployment-name", null, "整改提醒提前") + part("comment", null, "提醒提前到第 3 天\r\n第二行")
                + part("processes/a.bpmn", "processes/a.bpmn", "<bpmn/>") + end();
        String without = part("deployment-name", null, "整改提醒提前") + part("processes/a.bpmn", "processes/a.bpmn", "<bpmn/>")
                + end();

        DeploymentComment.Stripped stripped = DeploymentComment.strip(bytes(withComment), BOUNDARY);

        assertThat(stripped.comment()).isEqualTo("提醒提前到第 3 天\r\n第二行");
        assertThat(new String(stripped.body(), StandardCharsets.UTF_8)).isEqualTo(without);
    }

    @Test
    void aBodyWithoutACommentOrWithAFileNamedCommentIsLeftAlone() {
        String plain = part("deployment-name", null, "修订") + part("processes/a.bpmn", "processes/a.bpmn", "<bpmn/>") + end();
        String fileNamedComment = part("comment", "comment.png", "PNG") + end();

        assertThat(DeploymentComment.strip(bytes(plain), BOUNDARY).comment()).isNull();
        assertThat(DeploymentComment.strip(bytes(plain), BOUNDARY).body()).isEqualTo(bytes(plain));
        assertThat(DeploymentComment.strip(bytes(fileNamedComment), BOUNDARY).body()).isEqualTo(bytes(fileNamedComment));
    }

    private static String part(String name, String fileName, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n" + content + "\r\n";
    }

    private static String end() {
        return "--" + BOUNDARY + "--\r\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
