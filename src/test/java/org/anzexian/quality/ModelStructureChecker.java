package org.anzexian.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * The structural rules of DESIGN.md §3 for models process owners edit: diagram interchange for every
 * element, a history time-to-live (the engine refuses to deploy without one), and a form for every
 * user task that will actually be found at run time. Each check returns readable problems, none when
 * the file is fine.
 */
final class ModelStructureChecker {

    static final String EMBEDDED_PREFIX = "embedded:deployment:";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where deployment-bound resources live: the roots of processes/ + forms/ and of the test models. */
    private final List<Path> resourceRoots;
    private final List<Path> formFolders;

    ModelStructureChecker(List<Path> resourceRoots, List<Path> formFolders) {
        this.resourceRoots = List.copyOf(resourceRoots);
        this.formFolders = List.copyOf(formFolders);
    }

    static ModelStructureChecker forProject() {
        return new ModelStructureChecker(List.of(ProjectFiles.ROOT, ProjectFiles.TEST_RESOURCES),
                List.of(ProjectFiles.FORMS));
    }

    List<String> checkBpmn(Path file) {
        String name = ProjectFiles.relative(file);
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromFile(file.toFile());
        } catch (RuntimeException e) {
            return List.of(name + ": does not parse: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        checkDiagram(model, problems);
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && blank(process.getCamundaHistoryTimeToLiveString())) {
                problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
            }
        }
        Map<String, Path> forms = formsById(file.getParent());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkForm(task, forms, problems);
        }
        return problems.stream().map(problem -> name + ": " + problem).toList();
    }

    private static void checkDiagram(BpmnModelInstance model, List<String> problems) {
        if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
            problems.add("has no BPMNDiagram");
        }
        Set<String> shapes = new HashSet<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            if (element != null && shape.getBounds() != null) {
                shapes.add(element.getId());
            }
        }
        Set<String> edges = new HashSet<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            BaseElement element = edge.getBpmnElement();
            if (element != null && edge.getWaypoints().size() >= 2) {
                edges.add(element.getId());
            }
        }
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            if (!shapes.contains(node.getId())) {
                problems.add("no BPMNShape with bounds for " + node.getId());
            }
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (!edges.contains(flow.getId())) {
                problems.add("no BPMNEdge with waypoints for " + flow.getId());
            }
        }
    }

    private void checkForm(UserTask task, Map<String, Path> forms, List<String> problems) {
        String formRef = task.getCamundaFormRef();
        String formKey = task.getCamundaFormKey();
        if (!blank(formRef)) {
            if (!"deployment".equals(task.getCamundaFormRefBinding())) {
                problems.add("user task " + task.getId() + ": camunda:formRefBinding must be \"deployment\"");
            }
            if (!forms.containsKey(formRef)) {
                problems.add("user task " + task.getId() + ": no .form with id \"" + formRef + "\" in "
                        + formFolders.stream().map(ProjectFiles::relative).toList() + " or beside the model");
            }
        } else if (!blank(formKey)) {
            if (!formKey.startsWith(EMBEDDED_PREFIX)) {
                problems.add("user task " + task.getId() + ": form key \"" + formKey + "\" is neither a Camunda "
                        + "Form (camunda:formRef) nor " + EMBEDDED_PREFIX + "…");
            } else if (!deployedResourceExists(formKey.substring(EMBEDDED_PREFIX.length()))) {
                problems.add("user task " + task.getId() + ": embedded form " + formKey + " not found");
            }
        } else {
            problems.add("user task " + task.getId() + " has no form (camunda:formRef or camunda:formKey)");
        }
    }

    private boolean deployedResourceExists(String resourceName) {
        return resourceRoots.stream().anyMatch(root -> Files.isRegularFile(root.resolve(resourceName)));
    }

    /** Camunda Forms a formRef can reach: the form folders and the model's own folder. */
    private Map<String, Path> formsById(Path modelFolder) {
        Map<String, Path> byId = new HashMap<>();
        Stream.concat(formFolders.stream().flatMap(folder -> ProjectFiles.find(folder, ".form").stream()),
                        ProjectFiles.find(modelFolder, ".form").stream())
                .forEach(form -> {
                    String id = formId(form);
                    if (id != null) {
                        byId.putIfAbsent(id, form);
                    }
                });
        return byId;
    }

    List<String> checkDmn(Path file) {
        String name = ProjectFiles.relative(file);
        DmnModelInstance model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Dmn.readModelFromStream(in);
        } catch (IOException | RuntimeException e) {
            return List.of(name + ": does not parse: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        var decisions = model.getModelElementsByType(Decision.class);
        if (decisions.isEmpty()) {
            problems.add(name + ": has no decision");
        }
        for (Decision decision : decisions) {
            if (blank(decision.getCamundaHistoryTimeToLiveString())) {
                problems.add(name + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
            }
        }
        return problems;
    }

    List<String> checkForm(Path file) {
        String name = ProjectFiles.relative(file);
        String expectedId = file.getFileName().toString().replaceFirst("\\.form$", "");
        JsonNode form;
        try {
            form = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return List.of(name + ": is not valid JSON: " + e.getMessage());
        }
        if (form == null || !form.isObject()) {
            return List.of(name + ": is not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        String id = form.path("id").asText(null);
        if (!expectedId.equals(id)) {
            problems.add(name + ": id is \"" + id + "\", must equal the file name \"" + expectedId + "\"");
        }
        if (!form.path("components").isArray()) {
            problems.add(name + ": has no components array");
        }
        return problems;
    }

    private static String formId(Path form) {
        try {
            return JSON.readTree(form.toFile()).path("id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
