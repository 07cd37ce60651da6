package org.anzexian.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anzexian.platform.PlatformProbeModel;
import org.anzexian.support.AnzexianTest;
import org.anzexian.support.ProjectFiles;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Java and BPMN do not drift apart: every {@code delegateExpression} in processes/ — of service tasks
 * and of task and execution listeners — names a bean, and every element id a per-process names class
 * carries exists in the model its {@code RESOURCE} names.
 * A names class is a final class with {@code public static final String RESOURCE = "….bpmn"} (the
 * classpath name, e.g. {@code processes/insurerFiling.bpmn}), optionally {@code KEY} (the process id)
 * and element-id constants whose values follow {@code Type_Meaning} ({@link #ELEMENT_ID}).
 */
@AnzexianTest
class ProcessModelTest {

    static final Pattern ELEMENT_ID = Pattern.compile("^(UserTask|ServiceTask|SendTask|ReceiveTask|ScriptTask"
            + "|BusinessRuleTask|CallActivity|SubProcess|Gateway|Event|Timer|Message|Signal|Error|Boundary|Start|End)"
            + "_[A-Za-z0-9]+$");
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("delegateExpression\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern BEAN_NAME = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    @Autowired
    ApplicationContext context;

    @Test
    void everyDelegateExpressionInProcessesNamesABean() {
        List<String> missing = new ArrayList<>();
        for (Path model : ProjectFiles.find(ProjectFiles.PROCESSES, ".bpmn")) {
            missingBeans(read(model)).forEach(expression -> missing.add(ProjectFiles.relative(model) + ": " + expression));
        }

        assertThat(missing).as("delegate expressions that name no bean").isEmpty();
    }

    @Test
    void reportsADelegateExpressionWithoutABean() {
        String xml = """
                <bpmn:serviceTask id="ServiceTask_Notify" camunda:delegateExpression="${ noSuchNoticeDelegate }" />
                <camunda:taskListener delegateExpression="${absentReminderDelegate}" event="create" />
                <camunda:taskListener delegateExpression="${absentFormListener}" event="complete" />
                <camunda:executionListener delegateExpression="${ absentStartListener }" event="start" />
                <camunda:executionListener delegateExpression="${groupDirectory.listener()}" event="end" />
                <camunda:taskListener delegateExpression="${groupDirectory}" event="complete" />
                <camunda:executionListener expression="${groupDirectory.hashCode()}" event="start" />
                """;

        assertThat(missingBeans(xml)).containsExactly("${ noSuchNoticeDelegate }", "${absentReminderDelegate}",
                "${absentFormListener}", "${ absentStartListener }", "${groupDirectory.listener()}");
    }

    @Test
    void everyElementIdNamedInJavaExistsInItsModel() {
        List<Class<?>> namesClasses = namesClasses();
        assertThat(namesClasses).as("names classes found").contains(PlatformProbeModel.class);

        List<String> problems = new ArrayList<>();
        for (Class<?> type : namesClasses) {
            if (!Modifier.isFinal(type.getModifiers())) {
                problems.add(type.getName() + " names a process model but is not a final class");
            }
            problems.addAll(missingIds(type.getSimpleName(), constants(type)));
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void reportsAnElementIdOrKeyMissingFromTheModel() {
        Map<String, String> constants = new LinkedHashMap<>(constants(PlatformProbeModel.class));
        constants.put("USER_TASK_TYPO", "UserTask_Handel");
        constants.put("KEY", "platformProbeOld");

        assertThat(missingIds("ProbeWithTypos", constants)).containsExactly(
                "ProbeWithTypos.KEY = platformProbeOld: no process with that id in platform/platformProbe.bpmn",
                "ProbeWithTypos.USER_TASK_TYPO = UserTask_Handel: no such element in platform/platformProbe.bpmn");
        assertThat(missingIds("ProbeAsIs", constants(PlatformProbeModel.class))).isEmpty();
    }

    /** The delegate expressions of service tasks and listeners that are not {@code ${bean}} of an existing bean. */
    private List<String> missingBeans(String xml) {
        Set<String> expressions = new LinkedHashSet<>();
        Matcher matcher = DELEGATE_EXPRESSION.matcher(xml);
        while (matcher.find()) {
            expressions.add(matcher.group(1));
        }
        return expressions.stream().filter(expression -> {
            Matcher bean = BEAN_NAME.matcher(expression);
            return !bean.matches() || !context.containsBean(bean.group(1));
        }).toList();
    }

    /** Classes under org.anzexian, main and test, whose RESOURCE constant names a .bpmn. */
    private static List<Class<?>> namesClasses() {
        List<Class<?>> found = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter().importPackages("org.anzexian")) {
            if (javaClass.tryGetField("RESOURCE").isEmpty()) {
                continue;
            }
            Class<?> type = javaClass.reflect();
            String resource = constants(type).get("RESOURCE");
            if (resource != null && resource.endsWith(".bpmn")) {
                found.add(type);
            }
        }
        return found;
    }

    /** The public static final String constants of a class, by field name. */
    private static Map<String, String> constants(Class<?> type) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == String.class && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                    && Modifier.isPublic(modifiers)) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    /** The id constants (and KEY) of one names class that its model lacks. */
    static List<String> missingIds(String owner, Map<String, String> constants) {
        String resource = constants.get("RESOURCE");
        BpmnModelInstance model = readModel(resource);
        if (model == null) {
            return List.of(owner + ".RESOURCE = " + resource + ": no such model on the classpath");
        }
        List<String> problems = new ArrayList<>();
        constants.forEach((name, value) -> {
            if (name.equals("KEY")) {
                if (!(model.getModelElementById(value) instanceof Process)) {
                    problems.add(owner + ".KEY = " + value + ": no process with that id in " + resource);
                }
            } else if (ELEMENT_ID.matcher(value).matches() && model.getModelElementById(value) == null) {
                problems.add(owner + "." + name + " = " + value + ": no such element in " + resource);
            }
        });
        return problems;
    }

    private static BpmnModelInstance readModel(String resource) {
        try (InputStream in = ProcessModelTest.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : Bpmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
