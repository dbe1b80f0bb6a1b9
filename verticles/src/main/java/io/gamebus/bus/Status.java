package io.gamebus.bus;

import io.vertx.core.json.JsonObject;

/**
 * One lifecycle event of an endpoint, as published on {@code <endpoint>.status}:
 * {@code {protocol, endpoint, node, connection?, state, ts, detail?}}.
 *
 * @param connection the connection it concerns, or null for the endpoint itself
 * @param event      the event; null only for a {@code state} this version does not know
 * @param state      the {@code state} string as published
 * @param ts         when it happened, milliseconds since the epoch
 * @param detail     free text (an address, a reason), or null
 */
public record Status(String protocol, String endpoint, String node, String connection, StatusEvent event,
                     String state, long ts, String detail) {

  /** Reads the JSON form; unknown fields are ignored, absent ones are null (ts 0). */
  public static Status fromJson(JsonObject json) {
    String state = json.getValue("state") instanceof String s ? s : null;
    return new Status(string(json, "protocol"), string(json, "endpoint"), string(json, "node"),
      string(json, "connection"), state == null ? null : StatusEvent.fromWireName(state), state,
      json.getValue("ts") instanceof Number n ? n.longValue() : 0L, string(json, "detail"));
  }

  /** The JSON form, as {@link io.gamebus.endpoint.EndpointBus} publishes it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("protocol", protocol).put("endpoint", endpoint).put("node", node)
      .put("state", state).put("ts", ts);
    if (connection != null) {
      json.put("connection", connection);
    }
    if (detail != null) {
      json.put("detail", detail);
    }
    return json;
  }

  private static String string(JsonObject json, String key) {
    return json.getValue(key) instanceof String s ? s : null;
  }
}
