package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.anzexian.support.ProjectFiles;
import org.junit.jupiter.api.Test;

/** docs/RULES.md has one row per rule id, and everything a row names exists. */
class RulesTableTest {

    private final RulesTable table = new RulesTable(ProjectFiles.ROOT);

    @Test
    void everyRuleHasOneRowAndEveryReferenceExists() throws IOException {
        String markdown = Files.readString(ProjectFiles.ROOT.resolve("docs/RULES.md"));

        assertThat(table.check(markdown)).isEmpty();
    }

    @Test
    void ruleIdsAreThoseOfTheRequirements() {
        assertThat(RulesTable.ruleIds()).hasSize(49).startsWith("N1.1", "N1.2").contains("N3.9", "N6.7", "N8.9")
                .endsWith("N9.3").doesNotContain("N1.4", "N9.4");
    }

    @Test
    void reportsMissingDuplicateAndBogusRows() {
        String rows = RulesTable.ruleIds().stream()
                .filter(id -> !id.equals("N2.1") && !id.equals("N5.1"))
                .map(id -> "| " + id + " | short | — | open (#9) |")
                .collect(Collectors.joining("\n"));
        String markdown = """
                | Rule | Requirement (short) | Enforced by | Proven by |
                |---|---|---|---|
                %s
                | N5.1 | filing | `GroupDirectory#ensureGroup` | `ModelLintTest#everyModelPassesBpmnlintWithoutErrorsOrWarnings` |
                | N5.1 | filing again | `GroupDirectory#noSuchMethod` | `NoSuchTest#rejectsUnfiledInsurer_N5_2` |
                | N2.1 | choice | `processes/none.bpmn#UserTask_Choose` | `GroupDirectory#ensureGroup` |
                | N9.9 | not a rule | — | — |
                | N6.3 | x | `src/test/resources/platform/platformProbe.bpmn#UserTask_Missing` | `RulesTableTest#reportsMissingDuplicateAndBogusRows`, `somethingVague` |
                """.formatted(rows);

        List<String> problems = table.check(markdown);

        assertThat(problems).containsExactlyInAnyOrder(
                "N5.1 enforced by `GroupDirectory#noSuchMethod`: no method or field noSuchMethod in "
                        + "org.anzexian.platform.identity.GroupDirectory",
                "N5.1 proven by `NoSuchTest#rejectsUnfiledInsurer_N5_2`: no class NoSuchTest under src/test/java",
                "N2.1 enforced by `processes/none.bpmn#UserTask_Choose`: no file processes/none.bpmn",
                "N2.1 proven by `GroupDirectory#ensureGroup`: no class GroupDirectory under src/test/java",
                "N9.9: not a rule of REQUIREMENTS.md",
                "N6.3 enforced by `src/test/resources/platform/platformProbe.bpmn#UserTask_Missing`: "
                        + "no element UserTask_Missing in src/test/resources/platform/platformProbe.bpmn",
                "N6.3: 2 rows, expected exactly one",
                "N6.3 proven by `somethingVague`: not a reference of the form Class#member, path.bpmn#Element_Id "
                        + "or path.dmn#decisionId",
                "N5.1: 2 rows, expected exactly one");
    }
}
