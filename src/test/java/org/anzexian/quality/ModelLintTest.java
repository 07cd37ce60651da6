package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.anzexian.support.ExternalTool;
import org.anzexian.support.ExternalTool.Result;
import org.anzexian.support.ProjectFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bpmnlint with {@code bpmnlint:recommended} and {@code plugin:camunda-compat/camunda-platform-7-24}
 * (src/test/node/.bpmnlintrc) over every model in processes/ and the test models: no error, no warning.
 */
class ModelLintTest {

    private static final Path BPMNLINT = Path.of("node_modules", "bpmnlint", "bin", "bpmnlint.js");
    private static final Pattern PROBLEM = Pattern.compile("\\b(errors?|warnings?)\\b", Pattern.CASE_INSENSITIVE);

    @BeforeEach
    void nodeToolsInstalled() {
        ExternalTool.requireNodePackages("bpmnlint", "bpmnlint-plugin-camunda-compat");
    }

    @Test
    void everyModelPassesBpmnlintWithoutErrorsOrWarnings() {
        List<Path> models = ProjectFiles.bpmnModels();
        assertThat(models).as("models to lint (the probe at least)")
                .anyMatch(path -> path.endsWith(Path.of("platform", "platformProbe.bpmn")));

        Result lint = bpmnlint(models);

        assertThat(lint.output()).as("bpmnlint output").doesNotContainPattern(PROBLEM);
        assertThat(lint.exitCode()).as("bpmnlint exit code; output:%n%s", lint.output()).isZero();
    }

    @Test
    void bpmnlintReportsAModelWithoutDiagramOrHistoryTimeToLive() {
        Result lint = bpmnlint(List.of(ProjectFiles.BROKEN_FIXTURES.resolve("noDiagram.bpmn")));

        assertThat(lint.exitCode()).as("bpmnlint must fail on the broken fixture").isNotZero();
        // one rule of each configured set: recommended (DI) and camunda-compat (time-to-live)
        assertThat(lint.output())
                .contains("no-bpmndi")
                .contains("camunda-compat/history-time-to-live")
                .containsPattern(PROBLEM);
    }

    private static Result bpmnlint(List<Path> models) {
        List<String> command = new ArrayList<>(List.of("node", BPMNLINT.toString()));
        models.forEach(model -> command.add(model.toAbsolutePath().toString()));
        // run inside src/test/node so bpmnlint finds .bpmnlintrc and resolves the plugin there
        return ExternalTool.run(ProjectFiles.NODE_TOOLS, Duration.ofSeconds(120), command);
    }
}
