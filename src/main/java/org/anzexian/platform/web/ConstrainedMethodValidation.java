package org.anzexian.platform.web;

import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.stream.Stream;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcher;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.validation.beanvalidation.FilteredMethodValidationPostProcessor;
import org.springframework.boot.validation.beanvalidation.MethodValidationExcludeFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.validation.beanvalidation.MethodValidationPostProcessor;

/**
 * Method validation of a {@code @Validated} service ({@code @Valid} requests, constrained parameters) runs on the
 * methods that declare something to validate, not on every call of the service. Spring Boot's own post-processor,
 * which this one replaces with the same settings, validates every call: for the timer steps of a hazard
 * ({@code escalateToCounty(long, int)} and the like, nothing to validate) that was a fifth of the escalation's
 * service call in a storm (#15 goal 1, docs/PERFORMANCE.md "Twenty-eighth run"). Whether a method has something
 * to validate is the validator's own answer (its metadata: a constraint on a parameter, the return value or across
 * the parameters, or a cascade), asked once per method when the proxy is made.
 */
@Configuration(proxyBeanMethods = false)
class ConstrainedMethodValidation {

    @Bean
    static MethodValidationPostProcessor methodValidationPostProcessor(Environment environment,
            ObjectProvider<Validator> validator, ObjectProvider<MethodValidationExcludeFilter> excludeFilters) {
        ConstrainedMethodsOnly processor = new ConstrainedMethodsOnly(excludeFilters.orderedStream(), validator);
        processor.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
        processor.setAdaptConstraintViolations(
                environment.getProperty("spring.validation.method.adapt-constraint-violations", Boolean.class, false));
        processor.setValidatorProvider(validator);
        return processor;
    }

    static final class ConstrainedMethodsOnly extends FilteredMethodValidationPostProcessor {

        private final ObjectProvider<Validator> validator;

        ConstrainedMethodsOnly(Stream<? extends MethodValidationExcludeFilter> excludeFilters,
                ObjectProvider<Validator> validator) {
            super(excludeFilters);
            this.validator = validator;
        }

        @Override
        public void afterPropertiesSet() {
            super.afterPropertiesSet();
            DefaultPointcutAdvisor validation = (DefaultPointcutAdvisor) this.advisor;
            validation.setPointcut(new ComposablePointcut(validation.getPointcut()).intersection(new StaticMethodMatcher() {
                @Override
                public boolean matches(Method method, Class<?> targetClass) {
                    Class<?> type = targetClass != null ? targetClass : method.getDeclaringClass();
                    return validator.getObject().getConstraintsForClass(type)
                            .getConstraintsForMethod(method.getName(), method.getParameterTypes()) != null;
                }
            }));
        }
    }
}
