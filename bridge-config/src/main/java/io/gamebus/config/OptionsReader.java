package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Typed access to an endpoint's protocol-specific {@code options}, for the protocol's verticle.
 * Errors are {@link ConfigException}s with the full path, like every other configuration error;
 * {@link #done()} reports options the verticle did not ask for, so typos do not pass silently.
 *
 * <pre>{@code OptionsReader o = endpoint.optionsReader();
 * int ping = o.integer("pingIntervalSeconds", 45, 1, 3600);
 * o.done();}</pre>
 */
public final class OptionsReader {

  private final JsonFields fields;

  OptionsReader(JsonFields fields) {
    this.fields = fields;
  }

  /** A string; {@code def} (may be null) when absent. */
  public String string(String key, String def) {
    return fields.string(key, def);
  }

  public boolean bool(String key, boolean def) {
    return fields.bool(key, def);
  }

  /** A whole number in {@code [min, max]}. */
  public int integer(String key, int def, int min, int max) {
    return fields.integer(key, def, min, max);
  }

  /** A whole number in {@code [min, max]}. */
  public long longValue(String key, long def, long min, long max) {
    return fields.number(key, def, min, max);
  }

  /** Any number in {@code [min, max]}. */
  public double decimal(String key, double def, double min, double max) {
    return fields.decimal(key, def, min, max);
  }

  /** A nested object as it is (a copy); {@code def} when absent. */
  public JsonObject object(String key, JsonObject def) {
    return fields.rawObject(key, def);
  }

  /** A list of strings; {@code def} when absent. */
  public List<String> strings(String key, List<String> def) {
    return fields.list(key, def, JsonFields::strings);
  }

  /** An error at {@code options.<key>} of this endpoint, for checks the typed reads cannot express. */
  public ConfigException error(String key, String reason) {
    return fields.error(key, reason);
  }

  /** Fails on the first option that was never read. */
  public void done() {
    fields.done();
  }
}
