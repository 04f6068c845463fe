package org.haven.api;

import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Whole-number and yes/no parameters, read so that a wrong one is a 400 naming it ({@code
 * ?page=abc}): JAX-RS would answer a query or path parameter it cannot convert with 404, which
 * sends a client looking for a resource that is there.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

  @Override
  @SuppressWarnings("unchecked")
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = nameOf(annotations);
    if (name == null) {
      return null;
    }
    if (rawType == int.class || rawType == Integer.class) {
      return (ParamConverter<T>)
          converter(name, rawType.isPrimitive() ? 0 : null, Integer::valueOf, "a whole number");
    }
    if (rawType == long.class || rawType == Long.class) {
      return (ParamConverter<T>)
          converter(name, rawType.isPrimitive() ? 0L : null, Long::valueOf, "a whole number");
    }
    if (rawType == boolean.class || rawType == Boolean.class) {
      return (ParamConverter<T>)
          converter(
              name,
              rawType.isPrimitive() ? false : null,
              ParameterConverters::yesNo,
              "true or false");
    }
    return null;
  }

  private static Boolean yesNo(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static <V> ParamConverter<V> converter(
      String name, V absent, Function<String, V> parse, String what) {
    return new ParamConverter<>() {
      @Override
      public V fromString(String value) {
        if (value == null) {
          return absent;
        }
        try {
          return parse.apply(value.strip());
        } catch (IllegalArgumentException wrong) {
          throw new InvalidParameter(name, "must be " + what);
        }
      }

      @Override
      public String toString(V value) {
        return String.valueOf(value);
      }
    };
  }

  private static String nameOf(Annotation[] annotations) {
    for (Annotation a : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
      if (a instanceof PathParam p) {
        return p.value();
      }
      if (a instanceof HeaderParam h) {
        return h.value();
      }
      if (a instanceof FormParam f) {
        return f.value();
      }
    }
    return null;
  }
}
