package org.anzexian.platform.engine.gate;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.util.ClassUtils;

/**
 * The engine's expression manager (issue #11): an expression sees process variables, the engine's
 * functions ({@code now()}, {@code currentUser()}, …) and the {@link ModelBeans} only — not the whole
 * Spring context, which the starter's {@code SpringExpressionManager} would expose. Methods and
 * properties are reached only on {@link ForModels} beans and on plain values (text, numbers, dates);
 * {@code getClass()} never, so no expression walks from a string or an engine object into Java
 * ({@code ''.getClass().forName(…)}, {@code execution.processEngineServices.identityService}). The
 * deployment gate refuses such models before they are deployed; this holds for any that got in before.
 */
class ModelExpressionManager extends JuelExpressionManager {

    ModelExpressionManager(ModelBeans beans) {
        super(beans.asMap());
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new ValuesAndModelBeans());
        return resolver;
    }

    /** Java bean access restricted to {@link ForModels} beans and plain values; read-only. */
    static final class ValuesAndModelBeans extends BeanELResolver {

        private static final Set<String> NEVER = Set.of("class", "getClass", "notify", "notifyAll", "wait");

        ValuesAndModelBeans() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            check(base, property);
            return super.getValue(context, base, property);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            check(base, property);
            return super.getType(context, base, property);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            check(base, method);
            if (base != null && ModelBeans.isForModels(base)
                    && !ModelBeans.callableMethods(ClassUtils.getUserClass(base)).contains(String.valueOf(method))) {
                throw refused(base, method);
            }
            return super.invoke(context, base, method, paramTypes, params);
        }

        private static void check(Object base, Object member) {
            if (base != null && (NEVER.contains(String.valueOf(member)) || !(isValue(base) || ModelBeans.isForModels(base)))) {
                throw refused(base, member);
            }
        }

        private static ELException refused(Object base, Object member) {
            return new ELException("Models may not reach '" + member + "' of " + base.getClass().getName()
                    + " (issue #11: expressions reach only variables, values and beans meant for models)");
        }

        static boolean isValue(Object base) {
            return base instanceof String || base instanceof Number || base instanceof Boolean || base instanceof Character
                    || base instanceof Date || base instanceof TemporalAccessor || base instanceof TemporalAmount
                    // dateTime() of the engine's functions, e.g. ${dateTime().plusDays(1).toDate()}
                    || base.getClass().getName().startsWith("org.joda.time.");
        }
    }
}
