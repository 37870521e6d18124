package io.itinera.gateway.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One line of human text: no control characters (NUL, line breaks, escape sequences...) and no bidirectional
 * overrides or isolates, which make text display differently from what it is (a "Trojan Source" name). Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control or bidirectional-override characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
