package org.anzexian.platform.engine.gate;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The beans a model's expressions may reach: every {@link JavaDelegate}, {@link TaskListener} and
 * {@link ExecutionListener} bean (a {@code delegateExpression}'s target), and the beans marked
 * {@link ForModels} (schedules, whose public methods timers call). The engine's expression manager
 * resolves no other bean name, and the deployment gate refuses a model naming one.
 */
@Component
public class ModelBeans {

    private static final Set<Class<?>> DELEGATE_TYPES = Set.of(JavaDelegate.class, TaskListener.class,
            ExecutionListener.class);

    private final ListableBeanFactory beans;
    private volatile Set<String> delegates;
    private volatile Set<String> forModels;

    public ModelBeans(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Delegate and listener beans: what a {@code delegateExpression} may name. */
    public Set<String> delegates() {
        if (delegates == null) {
            // no eager initialization: the engine asks while its own bean is being created
            delegates = DELEGATE_TYPES.stream().flatMap(type -> Arrays.stream(beans.getBeanNamesForType(type, false, false)))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        return delegates;
    }

    /** Beans marked {@link ForModels}: what an expression may call a method of. */
    public Set<String> forModels() {
        if (forModels == null) {
            forModels = new TreeSet<>(Arrays.asList(beans.getBeanNamesForAnnotation(ForModels.class)));
        }
        return forModels;
    }

    public boolean isAllowed(String name) {
        return delegates().contains(name) || forModels().contains(name);
    }

    /** Whether a bean exists under this name at all, allowed or not. */
    public boolean exists(String name) {
        return beans.containsBean(name);
    }

    /** The public methods a model may call on a {@link ForModels} bean: those its own class declares. */
    public Set<String> methodsOf(String name) {
        if (!forModels().contains(name)) {
            return Set.of();
        }
        return callableMethods(ClassUtils.getUserClass(beans.getType(name, false)));
    }

    /** Whether an object met while evaluating an expression is a {@link ForModels} bean. */
    static boolean isForModels(Object base) {
        return AnnotationUtils.findAnnotation(ClassUtils.getUserClass(base), ForModels.class) != null;
    }

    static Set<String> callableMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The allowed beans as the engine's expression manager and scripts see them: looked up on use. */
    Map<Object, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && isAllowed(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? beans.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                Set<String> names = new TreeSet<>(delegates());
                names.addAll(forModels());
                return names.stream().<Entry<Object, Object>>map(name -> new SimpleImmutableEntry<>(name, beans.getBean(name)))
                        .collect(Collectors.toSet());
            }
        };
    }
}
