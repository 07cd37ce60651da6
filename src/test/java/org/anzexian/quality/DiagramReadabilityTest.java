package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.anzexian.support.ProjectFiles;
import org.junit.jupiter.api.Test;

/** #13: the diagrams in processes/ read well in Cockpit and Modeler ({@link DiagramReadabilityChecker}). */
class DiagramReadabilityTest {

    private final DiagramReadabilityChecker checker = new DiagramReadabilityChecker();

    @Test
    void everyProcessIsNamedInChineseWithoutOverlapsAndDescribesItsTasksForTheirUsers() {
        List<Path> models = ProjectFiles.find(ProjectFiles.PROCESSES, ".bpmn");
        assertThat(models).anyMatch(path -> path.endsWith("hazardRectification.bpmn"));

        assertThat(models.stream().flatMap(model -> checker.check(model).stream())).isEmpty();
    }

    @Test
    void reportsMissingNamesOverlapsAndAnUndescribedTask() {
        List<String> problems = checker.check(ProjectFiles.BROKEN_FIXTURES.resolve("unreadable.bpmn"));

        assertThat(problems)
                .anyMatch(problem -> problem.endsWith("Task_Unnamed has no Chinese name"))
                .anyMatch(problem -> problem.endsWith("branch Flow_Unnamed of Gateway_Split has no Chinese name"))
                .anyMatch(problem -> problem.endsWith("shapes of Task_Unnamed and Task_Covering overlap"))
                .anyMatch(problem -> problem.endsWith("the label of Gateway_Split overlaps the shape of Task_Covering"))
                .anyMatch(problem -> problem.endsWith("user task Task_Unnamed has no Chinese userDescription for its user"))
                .noneMatch(problem -> problem.contains("Task_Described has no"));
    }
}
