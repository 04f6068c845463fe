package org.haven.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B as the API wants it: a property the API does not know is an error, not silently dropped,
 * so a client that misspells a field learns it at once instead of losing the data.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

  // Yasson's switch (WildFly's JSON-B implementation); other implementations ignore it.
  private static final String FAIL_ON_UNKNOWN = "jsonb.fail-on-unknown-properties";

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().setProperty(FAIL_ON_UNKNOWN, true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
