package org.haven.api;

import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON bodies of Haven's operations (its records): parsed first as plain JSON, so that a
 * syntax error is answered with its line and column; compared with the record ({@link JsonShape}),
 * so that an unknown property or a value of the wrong type is answered with its path; only then
 * bound by JSON-B.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonBodies implements MessageBodyReader<Object> {

  /**
   * Made once: {@code Json.createReader} looks the provider up through the service loader on every
   * call, which was a twentieth of the CPU of registering a case.
   */
  private static final JsonReaderFactory READERS =
      JsonProvider.provider().createReaderFactory(Map.of());

  @Context Providers providers;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord() && type.getName().startsWith("org.haven.");
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream) {
    JsonValue value = parsed(entityStream);
    if (!JsonShape.fitsAtTheTop(value, genericType)) {
      throw new UnreadableBody(null, List.of());
    }
    List<Problem.FieldError> mismatches = JsonShape.mismatches(value, genericType);
    if (!mismatches.isEmpty()) {
      throw new UnreadableBody(null, mismatches);
    }
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    try {
      return jsonb(type).fromJson(value.toString(), genericType);
    } catch (JsonbException unbindable) {
      throw new UnreadableBody(null, List.of());
    }
  }

  private static JsonValue parsed(InputStream entityStream) {
    try (JsonReader reader =
        READERS.createReader(new InputStreamReader(entityStream, StandardCharsets.UTF_8))) {
      return reader.readValue();
    } catch (JsonParsingException syntax) {
      JsonLocation at = syntax.getLocation();
      throw new UnreadableBody(
          at == null ? null : "line " + at.getLineNumber() + ", column " + at.getColumnNumber(),
          List.of());
    } catch (RuntimeException unreadable) {
      // A status chosen while reading (the body size limit) is the answer; anything else is a body
      // that is not JSON at all (empty, cut off).
      for (Throwable t = unreadable; t != null; t = t.getCause()) {
        if (t instanceof WebApplicationException status) {
          throw status;
        }
      }
      throw new UnreadableBody(null, List.of());
    }
  }

  private Jsonb jsonb(Class<?> type) {
    ContextResolver<Jsonb> resolver =
        providers.getContextResolver(Jsonb.class, MediaType.APPLICATION_JSON_TYPE);
    Jsonb configured = resolver == null ? null : resolver.getContext(type);
    if (configured == null) {
      throw new IllegalStateException("no JSON-B configuration (JsonConfig) is registered");
    }
    return configured;
  }
}
