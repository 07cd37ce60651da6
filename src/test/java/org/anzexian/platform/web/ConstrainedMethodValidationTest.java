package org.anzexian.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolationException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.anzexian.hazard.HazardCategory;
import org.anzexian.hazard.HazardService;
import org.anzexian.hazard.HazardSeverity;
import org.anzexian.hazard.HazardSource;
import org.anzexian.hazard.NewHazard;
import org.anzexian.support.AnzexianTest;
import org.junit.jupiter.api.Test;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.validation.beanvalidation.MethodValidationInterceptor;

/**
 * #15 goal 1: a validated service validates the calls of its methods that declare something to validate, and
 * only those; a timer step's call ({@code escalateToCounty(long, int)}) no longer passes through the validator.
 */
@AnzexianTest
class ConstrainedMethodValidationTest {

    @Autowired
    HazardService hazards;

    @Test
    void aMethodWithNothingToValidateIsNotValidatedOneWithARequestIs() throws Exception {
        PointcutAdvisor validation = Arrays.stream(((Advised) hazards).getAdvisors())
                .filter(advisor -> advisor.getAdvice() instanceof MethodValidationInterceptor)
                .map(PointcutAdvisor.class::cast).findFirst().orElseThrow();
        Method escalate = HazardService.class.getMethod("escalateToCounty", long.class, int.class);
        Method raise = HazardService.class.getMethod("raise", NewHazard.class);

        assertThat(validation.getPointcut().getMethodMatcher().matches(escalate, HazardService.class)).isFalse();
        assertThat(validation.getPointcut().getMethodMatcher().matches(raise, HazardService.class)).isTrue();
    }

    @Test
    void aRequestThatBreaksItsConstraintsIsStillRefusedBeforeTheServiceActs() {
        NewHazard blank = new NewHazard(1, 1L, HazardSource.VISIT, 1, HazardCategory.SCAFFOLDING,
                HazardSeverity.GENERAL, " ", "三号楼", List.of(), "加固", 1, "inspector");

        assertThatThrownBy(() -> hazards.raise(blank)).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("description");
    }
}
