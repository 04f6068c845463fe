package org.haven.database.control;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Lets Bean Validation read every property without asking the persistence provider first
 * (META-INF/validation.xml, WEB-INF/validation.xml). The default resolver asks JPA, property by
 * property, whether the value is loaded, through the provider lookup: a twentieth of the CPU of
 * registering a case. What Haven validates by method are request bodies and new entities, which
 * have nothing unloaded to spare; an entity is validated before it is written by Hibernate, with
 * its own resolver, which this does not change.
 */
public class LoadedOrNot implements TraversableResolver {

  @Override
  public boolean isReachable(
      Object bean,
      Path.Node property,
      Class<?> rootBeanType,
      Path pathToProperty,
      ElementType elementType) {
    return true;
  }

  @Override
  public boolean isCascadable(
      Object bean,
      Path.Node property,
      Class<?> rootBeanType,
      Path pathToProperty,
      ElementType elementType) {
    return true;
  }
}
