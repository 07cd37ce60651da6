package org.anzexian.platform.engine.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.anzexian.platform.engine.ModelDeploymentPlugin;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * What a deployment made at run time — from the Modeler, {@code /engine-rest}, the webapps — must be
 * (issue #11, DESIGN.md §2a), every resource checked and every reason reported:
 * <ul>
 * <li>no script of any kind: no script task, no {@code camunda:script} (listeners, input/output), no
 * condition in a script language, no script resource, no connector;</li>
 * <li>expressions as {@link ModelExpressions} allows them, a {@code delegateExpression} naming a delegate
 * or listener bean, Java classes ({@code camunda:class}, listener {@code class}, form validators) of our
 * own packages only;</li>
 * <li>BPMN valid against the schema, each executable process with a history time to live, each user task
 * with a form, each element drawn (the lint that matters at run time; {@code mvn verify} runs the full
 * bpmnlint on the repository's models);</li>
 * <li>DMN in FEEL only, compiling (the table and each FEEL expression and test);</li>
 * <li>Camunda Forms valid JSON; an embedded HTML form, which runs script in the user's browser, exactly
 * as the system ships it; no other kind of file but diagram images.</li>
 * </ul>
 */
@Component
public class DeploymentGate {

    private static final String OUR_PACKAGES = "org.anzexian.";
    private static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression", "variableMappingDelegateExpression");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelExpressions expressions;
    private final FeelEngineApi feel = FeelEngineBuilder.create().build();
    private volatile List<byte[]> shippedHtml;

    DeploymentGate(ModelBeans beans) {
        this.expressions = new ModelExpressions(beans);
    }

    /** Every reason to refuse these resources (name → content); empty if they may be deployed. */
    public List<String> refusals(Map<String, byte[]> resources, DmnEngine dmn) {
        List<String> reasons = new ArrayList<>();
        Set<String> processIds = processIds(resources);
        resources.forEach((name, bytes) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (isBpmn(name)) {
                checkBpmn(name, bytes, processIds, reasons);
            } else if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
                checkDmn(name, bytes, dmn, reasons);
            } else if (lower.endsWith(".form")) {
                checkForm(name, bytes, reasons);
            } else if (lower.endsWith(".html") || lower.endsWith(".htm")) {
                checkEmbeddedForm(name, bytes, reasons);
            } else if (!lower.endsWith(".png")) {
                reasons.add(new Reason("只能部署 BPMN、DMN、表单（.form、系统自带的 .html）和 PNG 图片，不接受此类文件",
                        "only BPMN, DMN, forms (.form, the system's own .html) and PNG images may be deployed")
                        .at(name, null));
            }
        });
        return reasons;
    }

    // --- BPMN ----------------------------------------------------------------------------------------

    private static boolean isBpmn(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml");
    }

    /** The processes this deployment defines: the only ones its call activities may call. */
    private static Set<String> processIds(Map<String, byte[]> resources) {
        Set<String> ids = new HashSet<>();
        resources.forEach((name, bytes) -> {
            if (isBpmn(name)) {
                Document document = parseXml(name, bytes, new ArrayList<>());
                var processes = document == null ? null : document.getElementsByTagNameNS("*", "process");
                for (int i = 0; processes != null && i < processes.getLength(); i++) {
                    ids.add(((Element) processes.item(i)).getAttribute("id"));
                }
            }
        });
        return ids;
    }

    private void checkBpmn(String name, byte[] bytes, Set<String> processIds, List<String> reasons) {
        Document document = parseXml(name, bytes, reasons);
        if (document == null) {
            return;
        }
        walkBpmn(name, document.getDocumentElement(), processIds, reasons);
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            reasons.add(new Reason("不是有效的 BPMN 2.0 模型：" + e.getMessage(), "not a valid BPMN 2.0 model: " + e.getMessage())
                    .at(name, null));
            return;
        }
        lintBpmn(name, model, document, reasons);
    }

    private void walkBpmn(String name, Element element, Set<String> processIds, List<String> reasons) {
        String where = locate(element);
        String local = element.getLocalName();
        if (local.equals("callActivity") && !processIds.contains(element.getAttribute("calledElement"))) {
            // it would start one of the system's processes with a record and variables of the model's choosing
            reasons.add(new Reason("调用活动只能调用本次部署中的流程，不能调用「" + element.getAttribute("calledElement") + "」",
                    "a call activity may call only a process of this deployment, not '"
                            + element.getAttribute("calledElement") + "'").at(name, where));
        }
        if (local.equals("signalEventDefinition") && element.getParentNode() instanceof Element event
                && (event.getLocalName().equals("intermediateThrowEvent") || event.getLocalName().equals("endEvent"))) {
            reasons.add(new Reason("不允许发出信号：信号会触发系统的其他流程", "throwing a signal is not allowed: it reaches the system's other processes")
                    .at(name, where));
        }
        if (local.equals("scriptTask") || local.equals("script")) {
            reasons.add(scripts().at(name, where));
            return;
        }
        if (local.equals("connector") && CAMUNDA_BPMN.equals(element.getNamespaceURI())) {
            reasons.add(new Reason("不允许使用连接器", "connectors are not allowed").at(name, where));
            return;
        }
        if (local.equals("constraint") && "validator".equals(element.getAttribute("name"))) {
            String config = element.getAttribute("config");
            if (!ModelExpressions.holdsExpression(config) && !config.startsWith(OUR_PACKAGES)) {
                reasons.add(foreignClass(config).at(name, where));
            }
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkBpmnAttribute((Attr) attributes.item(i), name, where, reasons);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walkBpmn(name, childElement, processIds, reasons);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions.check(child.getNodeValue()).forEach(reason -> reasons.add(reason.at(name, where)));
            }
        }
    }

    private void checkBpmnAttribute(Attr attribute, String name, String where, List<String> reasons) {
        String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (local.equals("language") || local.equals("scriptFormat")
                || (local.equals("resource") && CAMUNDA_BPMN.equals(attribute.getNamespaceURI()))) {
            reasons.add(scripts().at(name, where));
        } else if (local.equals("class") || local.endsWith("Class")) {
            if (!value.startsWith(OUR_PACKAGES)) {
                reasons.add(foreignClass(value).at(name, where));
            }
        } else if (DELEGATE_ATTRIBUTES.contains(local)) {
            expressions.checkDelegate(value).ifPresent(reason -> reasons.add(reason.at(name, where)));
        } else {
            expressions.check(value).forEach(reason -> reasons.add(reason.at(name, where)));
        }
    }

    /** Schema-valid, and what matters when running it: history time to live, a form per user task, the diagram. */
    private static void lintBpmn(String name, BpmnModelInstance model, Document document, List<String> reasons) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                reasons.add(new Reason("流程没有设置历史保留期（historyTimeToLive）", "the process sets no history time to live")
                        .at(name, process.getId()));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormKey() == null && task.getCamundaFormRef() == null) {
                reasons.add(new Reason("用户任务没有表单", "the user task has no form").at(name, task.getId()));
            }
        }
        Set<String> drawn = drawnElements(document);
        List<ModelElementInstance> elements = new ArrayList<>(model.getModelElementsByType(FlowNode.class));
        elements.addAll(model.getModelElementsByType(SequenceFlow.class));
        for (ModelElementInstance element : elements) {
            String id = element.getAttributeValue("id");
            if (!drawn.contains(id)) {
                reasons.add(new Reason("元素没有画在图中（缺少图形信息）", "the element is not drawn (no diagram interchange)")
                        .at(name, id));
            }
        }
    }

    private static Set<String> drawnElements(Document document) {
        Set<String> drawn = new HashSet<>();
        for (String tag : List.of("BPMNShape", "BPMNEdge")) {
            var nodes = document.getElementsByTagNameNS("*", tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                drawn.add(((Element) nodes.item(i)).getAttribute("bpmnElement"));
            }
        }
        return drawn;
    }

    // --- DMN -----------------------------------------------------------------------------------------

    private void checkDmn(String name, byte[] bytes, DmnEngine dmn, List<String> reasons) {
        Document document = parseXml(name, bytes, reasons);
        if (document == null) {
            return;
        }
        int before = reasons.size();
        checkExpressionLanguages(name, document.getDocumentElement(), reasons);
        if (reasons.size() > before) {
            return;
        }
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
            dmn.parseDecisionRequirementsGraph(model);
        } catch (RuntimeException e) {
            reasons.add(new Reason("决策表无法编译：" + e.getMessage(), "the decision does not compile: " + e.getMessage())
                    .at(name, null));
            return;
        }
        for (LiteralExpression expression : model.getModelElementsByType(LiteralExpression.class)) {
            compileFeel(name, expression, expression.getText(), feel::parseExpression, reasons);
        }
        for (UnaryTests tests : model.getModelElementsByType(UnaryTests.class)) {
            compileFeel(name, tests, tests.getText(), feel::parseUnaryTests, reasons);
        }
    }

    /** Only FEEL: another language (JUEL, JavaScript, Groovy) reaches Java or runs a script. */
    private static void checkExpressionLanguages(String name, Element element, List<String> reasons) {
        String language = element.getAttribute("expressionLanguage");
        if (!language.isEmpty() && !isFeel(language)) {
            reasons.add(new Reason("决策表只能使用 FEEL，不能使用「" + language + "」",
                    "decisions may use FEEL only, not '" + language + "'").at(name, locate(element)));
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                checkExpressionLanguages(name, childElement, reasons);
            }
        }
    }

    private static boolean isFeel(String language) {
        return language.equalsIgnoreCase("feel") || language.matches("https?://www\\.omg\\.org/spec/DMN/\\d+/FEEL/?");
    }

    private static void compileFeel(String name, ModelElementInstance element, Text text,
            Function<String, ParseResult> parse, List<String> reasons) {
        String feelText = text == null ? null : text.getTextContent();
        if (feelText != null && !feelText.isBlank() && parse.apply(feelText).isFailure()) {
            reasons.add(new Reason("FEEL 表达式有误：" + feelText, "the FEEL expression does not compile: " + feelText)
                    .at(name, element.getAttributeValue("id")));
        }
    }

    // --- forms ---------------------------------------------------------------------------------------

    private static void checkForm(String name, byte[] bytes, List<String> reasons) {
        try {
            JSON.readTree(bytes);
        } catch (IOException e) {
            reasons.add(new Reason("表单文件不是有效的 Camunda 表单（JSON）", "the form is not a valid Camunda Form (JSON)")
                    .at(name, null));
        }
    }

    private void checkEmbeddedForm(String name, byte[] bytes, List<String> reasons) {
        if (shippedHtml().stream().noneMatch(ours -> Arrays.equals(ours, bytes))) {
            reasons.add(new Reason("嵌入式 HTML 表单在用户浏览器中运行脚本，只能随系统发布，须与系统自带的表单文件完全一致",
                    "an embedded HTML form runs script in the user's browser: it ships with the system and must equal one of the system's forms")
                    .at(name, null));
        }
    }

    /** The embedded forms the system ships, whatever name a deployment gives them. */
    private List<byte[]> shippedHtml() {
        if (shippedHtml == null) {
            shippedHtml = ModelDeploymentPlugin.scanModels().entrySet().stream()
                    .filter(entry -> entry.getKey().endsWith(".html")).map(Map.Entry::getValue).toList();
        }
        return shippedHtml;
    }

    // --- shared --------------------------------------------------------------------------------------

    private static Reason scripts() {
        return new Reason("不允许使用脚本", "scripts are not allowed");
    }

    private static Reason foreignClass(String className) {
        return new Reason("只能引用本系统（org.anzexian）的 Java 类，不能引用「" + className + "」",
                "only Java classes of this system (org.anzexian) may be named, not '" + className + "'");
    }

    /** The id of the element or of its nearest ancestor that has one. */
    private static String locate(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static Document parseXml(String name, byte[] bytes, List<String> reasons) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            reasons.add(new Reason("不是有效的 XML：" + e.getMessage(), "not valid XML: " + e.getMessage()).at(name, null));
            return null;
        }
    }
}
