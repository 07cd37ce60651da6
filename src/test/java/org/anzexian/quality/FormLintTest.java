package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.support.ExternalTool;
import org.anzexian.support.ExternalTool.Result;
import org.anzexian.support.ProjectFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Camunda's own form linter ({@code @camunda/form-linting}, src/test/node/form-lint.mjs) with the rules of
 * the form-js the 7.24 Tasklist bundles, over every Camunda Form of forms/ and the test forms: no finding
 * (#12) — e.g. a field meant for display is {@code readonly}, not {@code disabled}.
 */
class FormLintTest {

    /** The schema version the form-js of the Tasklist renders; form-lint.mjs lints with that form-js line (1.8). */
    private static final String TASKLIST_FORM_SCHEMA = "schemaVersion=16,";

    @BeforeEach
    void nodeToolsInstalled() {
        ExternalTool.requireNodePackages("@camunda/form-linting");
    }

    @Test
    void everyCamundaFormPassesCamundasFormLinter() {
        List<Path> forms = new ArrayList<>(ProjectFiles.find(ProjectFiles.FORMS, ".form"));
        forms.addAll(ProjectFiles.testModels(".form"));
        // against an empty glob; #12 turns forms that need files or fetched context into embedded HTML
        assertThat(forms).as("Camunda Forms to lint").isNotEmpty();

        Result lint = formLint(forms);

        assertThat(lint.output()).as("form linter output").contains("0 finding(s) in " + forms.size() + " form(s)");
        assertThat(lint.exitCode()).as("form linter exit code; output:%n%s", lint.output()).isZero();
    }

    @Test
    void theLinterReportsADisabledFieldWhereReadonlyIsMeant() {
        Result lint = formLint(List.of(ProjectFiles.BROKEN_FIXTURES.resolve("disabledField.form")));

        assertThat(lint.exitCode()).as("the linter must fail on the fixture; output:%n%s", lint.output()).isNotZero();
        assertThat(lint.output()).contains("disabledField.form: warn Field_Shown").contains("read-only");
    }

    /** The linter's rules are chosen by form-js version; this pins the one the running Tasklist has. */
    @Test
    void theTasklistRendersTheFormSchemaTheLinterChecks() throws IOException {
        try (InputStream deps = getClass().getResourceAsStream("/META-INF/resources/webjars/camunda/lib/deps.js")) {
            assertThat(deps).as("the Tasklist's bundled libraries on the class path").isNotNull();
            assertThat(new String(deps.readAllBytes(), StandardCharsets.UTF_8)).contains(TASKLIST_FORM_SCHEMA);
        }
    }

    private static Result formLint(List<Path> forms) {
        List<String> command = new ArrayList<>(List.of("node", "form-lint.mjs"));
        forms.forEach(form -> command.add(form.toAbsolutePath().toString()));
        return ExternalTool.run(ProjectFiles.NODE_TOOLS, Duration.ofSeconds(120), command);
    }
}
