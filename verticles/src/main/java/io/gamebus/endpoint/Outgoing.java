package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * One encoded message on its way to one or many connections. It is encoded once; a text-frame
 * WebSocket needs it as a String, which is made once too, on first use, and shared by every
 * connection the message goes to.
 *
 * <p>It also carries its decoded view, the {@code type} and JSON {@code body} its envelope on
 * {@code .sent} gets: the protocol's write site knows them already (it encoded the message from
 * them), so the layer publishes without decoding its own output again. The body is shared with the
 * envelope: secrets must be redacted in it by the protocol (the bytes keep them), and it must not
 * be modified afterwards.
 */
public final class Outgoing {

  /** The type of a message written without a decoded view (a protocol that has not attached one). */
  public static final String UNLABELLED = "(unlabelled)";

  private final Buffer bytes;
  private final String type;
  private final JsonObject body;
  private String text;

  private Outgoing(Buffer bytes, String type, JsonObject body) {
    this.bytes = bytes;
    this.type = type;
    this.body = body;
  }

  /**
   * A message with its decoded view: on {@code .sent} as {@code type} with {@code body}.
   *
   * @param body the message as JSON, secrets redacted; shared, not copied
   */
  public static Outgoing of(Buffer encoded, String type, JsonObject body) {
    return new Outgoing(encoded, type, body);
  }

  /** A text message (a text-frame protocol's encoder) with its decoded view; its text is not decoded again. */
  public static Outgoing ofText(String text, String type, JsonObject body) {
    Outgoing message = new Outgoing(Buffer.buffer(text, "UTF-8"), type, body);
    message.text = text;
    return message;
  }

  /**
   * Bytes without a decoded view: on {@code .sent} as type {@link #UNLABELLED} with
   * {@code {"length": n}}, so the write is still seen. Protocol code attaches a view instead.
   */
  public static Outgoing of(Buffer encoded) {
    return new Outgoing(encoded, UNLABELLED, null);
  }

  /** The envelope type on {@code .sent}. */
  public String type() {
    return type;
  }

  /** The envelope body on {@code .sent}: the decoded view, or {@code {"length": n}} without one. */
  public JsonObject body() {
    return body != null ? body : new JsonObject().put("length", bytes.length());
  }

  public Buffer bytes() {
    return bytes;
  }

  /** The bytes as UTF-8 text, decoded once. */
  public String text() {
    if (text == null) {
      text = bytes.toString(StandardCharsets.UTF_8);
    }
    return text;
  }

  /** Size on the wire, in bytes. */
  public int length() {
    return bytes.length();
  }

  /** Whether the text form has been made (for tests of encode-once). */
  boolean textMade() {
    return text != null;
  }
}
