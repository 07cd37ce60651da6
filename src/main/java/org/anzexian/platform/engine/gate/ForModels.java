package org.anzexian.platform.engine.gate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose public methods a model may call in an expression, e.g. a schedule read by a timer:
 * {@code ${filingSchedule.correctionDeadline()}}. Besides these, models reach only the delegates and
 * listeners ({@link ModelBeans}); every other bean — the engine's services, the data source, our
 * services — is invisible to expressions (issue #11, DESIGN.md §2a).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForModels {
}
