package io.gamebus.faf;

import io.gamebus.config.ConfigException;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * The FAF-specific {@code options} of an endpoint.
 *
 * <ul>
 *   <li>{@code pingIntervalSeconds} (45, like the real server; 0 disables): server role pings
 *       authenticated clients; client role pings after this long without inbound traffic.</li>
 *   <li>{@code loginHandlerTimeoutMs} (5000): how long the server waits for the bus handler that
 *       builds the login sequence.</li>
 *   <li>{@code binaryFrames} (true): server role sends binary WebSocket frames, which every FAF
 *       client reads (the PyQt client reads nothing else).</li>
 *   <li>{@code userAgent} ("gamebus"), {@code version} ("0.1.0"), {@code uniqueId} (""): what the
 *       client role sends in {@code ask_session} and {@code auth}.</li>
 * </ul>
 */
public record FafOptions(int pingIntervalSeconds, long loginHandlerTimeoutMs, boolean binaryFrames,
                         String userAgent, String version, String uniqueId) {

  private static final Set<String> FIELDS =
    Set.of("pingIntervalSeconds", "loginHandlerTimeoutMs", "binaryFrames", "userAgent", "version", "uniqueId");

  public static FafOptions defaults() {
    return fromJson(new JsonObject(), "options");
  }

  /** @param path the JSON path of the options object, for error messages */
  public static FafOptions fromJson(JsonObject json, String path) {
    for (String field : json.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw new ConfigException(path + "." + field, "unknown field for protocol faf");
      }
    }
    return new FafOptions(
      (int) nonNegative(json, path, "pingIntervalSeconds", 45),
      nonNegative(json, path, "loginHandlerTimeoutMs", 5_000),
      bool(json, path, "binaryFrames", true),
      string(json, path, "userAgent", "gamebus"),
      string(json, path, "version", "0.1.0"),
      string(json, path, "uniqueId", ""));
  }

  private static long nonNegative(JsonObject json, String path, String field, long fallback) {
    Object value = json.getValue(field, fallback);
    if (!(value instanceof Number n) || n.longValue() < 0 || n.doubleValue() != n.longValue()) {
      throw new ConfigException(path + "." + field, "expected a non-negative integer, got " + value);
    }
    return n.longValue();
  }

  private static boolean bool(JsonObject json, String path, String field, boolean fallback) {
    Object value = json.getValue(field, fallback);
    if (!(value instanceof Boolean b)) {
      throw new ConfigException(path + "." + field, "expected true or false, got " + value);
    }
    return b;
  }

  private static String string(JsonObject json, String path, String field, String fallback) {
    Object value = json.getValue(field, fallback);
    if (!(value instanceof String s)) {
      throw new ConfigException(path + "." + field, "expected a string, got " + value);
    }
    return s;
  }
}
