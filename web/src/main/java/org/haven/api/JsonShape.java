package org.haven.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a request body with the record it must become, before JSON-B binds it: each property the
 * record does not have, and each value of the wrong kind, is named by its path, so that a client
 * learns which field to fix without Haven reading any library's error messages.
 */
final class JsonShape {

  static final String UNKNOWN = "unknown property";
  static final String WRONG_TYPE = "value of the wrong type";
  static final String CONTROL = "must be text without control characters";

  private static final Set<Class<?>> WHOLE_NUMBERS =
      Set.of(
          int.class,
          long.class,
          short.class,
          byte.class,
          Integer.class,
          Long.class,
          Short.class,
          Byte.class,
          BigInteger.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(double.class, float.class, Double.class, Float.class, BigDecimal.class);

  private JsonShape() {}

  /** The fields of {@code value} that cannot become a {@code type}; empty when it fits. */
  static List<Problem.FieldError> mismatches(JsonValue value, Type type) {
    List<Problem.FieldError> errors = new ArrayList<>();
    check(value, type, "", errors);
    return errors;
  }

  /** Whether the body as a whole is of the right kind (an object for a record, and so on). */
  static boolean fitsAtTheTop(JsonValue value, Type type) {
    return value.getValueType() == JsonValue.ValueType.NULL || fits(value, raw(type));
  }

  private static void check(JsonValue value, Type type, String path, List<Problem.FieldError> out) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return;
    }
    Class<?> raw = raw(type);
    if (!fits(value, raw)) {
      if (!path.isEmpty()) {
        out.add(Problem.FieldError.of(path, WRONG_TYPE));
      }
      return;
    }
    if (value.getValueType() == JsonValue.ValueType.STRING
        && holdsControl(((JsonString) value).getString())) {
      out.add(Problem.FieldError.of(path.isEmpty() ? "body" : path, CONTROL));
      return;
    }
    if (raw.isRecord()) {
      JsonObject object = value.asJsonObject();
      for (Map.Entry<String, JsonValue> property : object.entrySet()) {
        String at = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
        Type component = PROPERTIES.get(raw).get(property.getKey());
        if (component == null) {
          out.add(Problem.FieldError.of(at, UNKNOWN));
        } else {
          check(property.getValue(), component, at, out);
        }
      }
    } else if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
      JsonArray array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        check(array.get(i), p.getActualTypeArguments()[0], path + "." + i, out);
      }
    }
  }

  /**
   * A control character other than tab and line breaks, in any string of any body: no field of the
   * API holds one, and PostgreSQL refuses a NUL byte in text (a 500 otherwise, for every plain
   * column such as a provider's name). Fields of one line refuse line breaks on their own.
   */
  private static boolean holdsControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static boolean fits(JsonValue value, Class<?> raw) {
    JsonValue.ValueType kind = value.getValueType();
    if (raw == String.class
        || raw.isEnum()
        || TemporalAccessor.class.isAssignableFrom(raw)
        || raw == Character.class
        || raw == char.class) {
      return kind == JsonValue.ValueType.STRING;
    }
    if (WHOLE_NUMBERS.contains(raw)) {
      return kind == JsonValue.ValueType.NUMBER && ((JsonNumber) value).isIntegral();
    }
    if (NUMBERS.contains(raw)) {
      return kind == JsonValue.ValueType.NUMBER;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return kind == JsonValue.ValueType.TRUE || kind == JsonValue.ValueType.FALSE;
    }
    if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
      return kind == JsonValue.ValueType.ARRAY;
    }
    if (raw.isRecord() || Map.class.isAssignableFrom(raw)) {
      return kind == JsonValue.ValueType.OBJECT;
    }
    return true; // JsonValue and anything JSON-B adapts on its own
  }

  /**
   * Each record's JSON properties (by {@code @JsonbProperty} or by the component's own name) and
   * their types, worked out once per record: reflecting on every request body showed in the profile
   * of registering cases.
   */
  private static final ClassValue<Map<String, Type>> PROPERTIES =
      new ClassValue<>() {
        @Override
        protected Map<String, Type> computeValue(Class<?> record) {
          Map<String, Type> properties = new HashMap<>();
          for (RecordComponent c : record.getRecordComponents()) {
            JsonbProperty renamed = c.getAccessor().getAnnotation(JsonbProperty.class);
            properties.put(
                renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName(),
                c.getGenericType());
          }
          return Map.copyOf(properties);
        }
      };

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }
}
