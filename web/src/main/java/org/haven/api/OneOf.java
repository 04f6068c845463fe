package org.haven.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A coded value in a request body: one of the constants of an enum. Request records take codes as
 * strings with this constraint, so that a wrong code is reported as a validation error naming the
 * field and the allowed codes, rather than as an unreadable body.
 */
@Documented
@Constraint(validatedBy = OneOf.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneOf {

  Class<? extends Enum<?>> value();

  String message() default "must be one of {codes}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Accepts null (use {@code @NotNull} to require a value) and the enum's constant names. */
  class Validator implements ConstraintValidator<OneOf, String> {
    private Enum<?>[] constants;

    @Override
    public void initialize(OneOf annotation) {
      constants = annotation.value().getEnumConstants();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || Arrays.stream(constants).anyMatch(c -> c.name().equals(value))) {
        return true;
      }
      String codes = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              context.getDefaultConstraintMessageTemplate().replace("{codes}", codes))
          .addConstraintViolation();
      return false;
    }
  }
}
