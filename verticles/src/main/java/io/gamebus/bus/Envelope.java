package io.gamebus.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Objects;

/**
 * One decoded wire message as it travels on the bus (bus contract v1, DESIGN.md §5).
 *
 * <p>On the local bus the same instance reaches every subscriber (no copy, no re-parse), so the
 * {@link #body()} is shared: treat it as read-only, or take {@link #bodyCopy()}. Its JSON form is
 * built and encoded at most once, the first time the envelope leaves the JVM or reaches a browser.
 */
public final class Envelope {

  private final String protocol;
  private final String endpoint;
  private final String connection;
  private final String type;
  private final long seq;
  private final long ts;
  private final JsonObject body;
  private final int recipients;
  // Memoised wire forms: computed on first need, identical for every later reader.
  private volatile JsonObject json;
  private volatile Buffer encoded;

  public Envelope(String protocol, String endpoint, String connection, String type, long seq, long ts,
                  JsonObject body) {
    this(protocol, endpoint, connection, type, seq, ts, body, 0);
  }

  /**
   * @param recipients on {@code .sent}, a message written to every matching connection at once (a
   *     broadcast, {@code connection} null): how many connections it was written to; 0 otherwise
   */
  public Envelope(String protocol, String endpoint, String connection, String type, long seq, long ts,
                  JsonObject body, int recipients) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.connection = connection;
    this.type = Objects.requireNonNull(type, "type");
    this.seq = seq;
    this.ts = ts;
    this.body = body == null ? new JsonObject() : body;
    this.recipients = recipients;
  }

  /** Protocol id: rpfm, dfhack, faf, modrinth or red. */
  public String protocol() { return protocol; }
  /** Endpoint name from the configuration. */
  public String endpoint() { return endpoint; }
  /** Connection id, unique across the cluster; null for endpoint-level messages. */
  public String connection() { return connection; }
  /** The protocol's own name of the message (FAF command, {@code game.<Command>} for GPGNet). */
  public String type() { return type; }
  /**
   * Increases by one per endpoint and node, counted over {@code .in} and {@code .sent} together, so
   * a subscriber of both sees the order of both directions and any gap.
   */
  public long seq() { return seq; }
  /**
   * {@code .sent} only: the number of connections a broadcast (connection null) was written to;
   * 0 for a message to or from one connection. In the JSON form only when not 0.
   */
  public int recipients() { return recipients; }
  /** Decode time ({@code .in}) or write time ({@code .sent}), milliseconds since the epoch. */
  public long ts() { return ts; }
  /** The decoded message; shared between local subscribers, do not modify. */
  public JsonObject body() { return body; }
  /** A private deep copy of the body, safe to modify. */
  public JsonObject bodyCopy() { return body.copy(); }

  /** The JSON form of DESIGN.md §5, built once. */
  public JsonObject toJson() {
    JsonObject j = json;
    if (j == null) {
      j = new JsonObject()
        .put("protocol", protocol)
        .put("endpoint", endpoint)
        .put("connection", connection)
        .put("type", type)
        .put("seq", seq)
        .put("ts", ts)
        .put("body", body);
      if (recipients != 0) {
        j.put("recipients", recipients);
      }
      json = j;
    }
    return j;
  }

  /** The encoded JSON form, built once per envelope however many nodes it reaches. */
  public Buffer encoded() {
    Buffer b = encoded;
    if (b == null) {
      b = toJson().toBuffer();
      encoded = b;
    }
    return b;
  }

  /** Reads the JSON form back; the inverse of {@link #toJson()}. */
  public static Envelope fromJson(JsonObject json) {
    return new Envelope(json.getString("protocol"), json.getString("endpoint"), json.getString("connection"),
      json.getString("type"), json.getLong("seq", 0L), json.getLong("ts", 0L), json.getJsonObject("body"),
      json.getInteger("recipients", 0));
  }

  @Override
  public String toString() {
    return "Envelope" + toJson().encode();
  }
}
