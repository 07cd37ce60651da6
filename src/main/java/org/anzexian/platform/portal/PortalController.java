package org.anzexian.platform.portal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of the portal's pages under {@code /portal}: its model gets the user and the navigation,
 * and its refusals are rendered as a Chinese page instead of the API's JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PortalController {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
