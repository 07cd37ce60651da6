package org.anzexian.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;

/**
 * What makes a diagram readable for the people who work with it and the process owners who revise it
 * (#13): every step, event and decision named in Chinese, the branches of a decision named, no shape
 * drawn over another and no label over a shape or another label, and each user task described for its
 * user ({@code userDescription}) apart from the developers' documentation.
 */
final class DiagramReadabilityChecker {

    /** Labels may touch; a few pixels of overlap are not noticed at Cockpit's default zoom. */
    private static final double TOLERANCE = 2;

    List<String> check(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> problems = new ArrayList<>();
        checkNames(model, problems);
        checkUserDescriptions(model, problems);
        checkOverlaps(model, problems);
        String name = ProjectFiles.relative(file);
        return problems.stream().map(problem -> name + ": " + problem).toList();
    }

    private static void checkNames(BpmnModelInstance model, List<String> problems) {
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            boolean needsName = node instanceof Activity || node instanceof Event
                    || (splits(node) && !(node instanceof ParallelGateway));
            if (needsName && !chinese(node.getName())) {
                problems.add(node.getId() + " has no Chinese name");
            }
            if ((node instanceof ExclusiveGateway || node instanceof InclusiveGateway) && splits(node)) {
                for (SequenceFlow branch : node.getOutgoing()) {
                    if (!chinese(branch.getName())) {
                        problems.add("branch " + branch.getId() + " of " + node.getId() + " has no Chinese name");
                    }
                }
            }
        }
    }

    private static boolean splits(FlowNode node) {
        return node instanceof Gateway && node.getOutgoing().size() > 1;
    }

    private static void checkUserDescriptions(BpmnModelInstance model, List<String> problems) {
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            boolean described = task.getExtensionElements() != null && task.getExtensionElements()
                    .getElementsQuery().filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class)
                    .list().stream().flatMap(properties -> properties.getCamundaProperties().stream())
                    .anyMatch(property -> "userDescription".equals(property.getCamundaName())
                            && chinese(property.getCamundaValue()));
            if (!described) {
                problems.add("user task " + task.getId() + " has no Chinese userDescription for its user");
            }
        }
    }

    private static void checkOverlaps(BpmnModelInstance model, List<String> problems) {
        List<Box> shapes = new ArrayList<>();
        List<Box> labels = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnElement() instanceof FlowNode node && shape.getBounds() != null) {
                shapes.add(new Box(node, shape.getBounds(), false));
                label(shape.getBpmnLabel(), node).ifPresent(labels::add);
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnElement() instanceof SequenceFlow flow && !blank(flow.getName())) {
                label(edge.getBpmnLabel(), flow).ifPresent(labels::add);
            }
        }
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                Box a = shapes.get(i);
                Box b = shapes.get(j);
                if (!nested(a.element(), b.element()) && a.overlaps(b)) {
                    problems.add("shapes of " + a.id() + " and " + b.id() + " overlap");
                }
            }
        }
        for (Box label : labels) {
            for (Box shape : shapes) {
                if (label.element() != shape.element() && !(shape.element() instanceof SubProcess) && label.overlaps(shape)) {
                    problems.add(label + " overlaps the shape of " + shape.id());
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).overlaps(labels.get(j))) {
                    problems.add(labels.get(i) + " overlaps " + labels.get(j));
                }
            }
        }
    }

    /** A boundary event sits on its activity's edge; a subprocess holds its own steps. */
    private static boolean nested(FlowElement a, FlowElement b) {
        return attached(a, b) || attached(b, a) || a.getParentElement() == b || b.getParentElement() == a;
    }

    private static boolean attached(FlowElement event, FlowElement activity) {
        return event instanceof BoundaryEvent boundary && boundary.getAttachedTo() == activity;
    }

    private static java.util.Optional<Box> label(BpmnLabel label, FlowElement element) {
        return label == null || label.getBounds() == null
                ? java.util.Optional.empty() : java.util.Optional.of(new Box(element, label.getBounds(), true));
    }

    static boolean chinese(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private record Box(FlowElement element, double x, double y, double width, double height, boolean isLabel) {

        Box(FlowElement element, Bounds bounds, boolean isLabel) {
            this(element, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight(), isLabel);
        }

        String id() {
            return element.getId();
        }

        boolean overlaps(Box other) {
            return x + width - TOLERANCE > other.x && other.x + other.width - TOLERANCE > x
                    && y + height - TOLERANCE > other.y && other.y + other.height - TOLERANCE > y;
        }

        @Override
        public String toString() {
            return "the label of " + id();
        }
    }
}
