package io.gamebus.endpoint;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;

/**
 * One encoded message on its way to one or many connections. It is encoded once; a text-frame
 * WebSocket needs it as a String, which is made once too, on first use, and shared by every
 * connection the message goes to.
 */
public final class Outgoing {

  private final Buffer bytes;
  private String text;

  private Outgoing(Buffer bytes) {
    this.bytes = bytes;
  }

  public static Outgoing of(Buffer encoded) {
    return new Outgoing(encoded);
  }

  /** A message that is text already (a text-frame protocol's encoder): its text form is not decoded again. */
  public static Outgoing ofText(String text) {
    Outgoing message = new Outgoing(Buffer.buffer(text, "UTF-8"));
    message.text = text;
    return message;
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
