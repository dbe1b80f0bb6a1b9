package io.gamebus.bridge;

import io.gamebus.bus.Envelope;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One frame of the Vert.x bridge wire protocol on its way to browsers, encoded once however many
 * sockets it reaches. Each transport takes the form it writes: the plain JSON bytes (raw
 * WebSocket), the SockJS {@code a["…"]} framing (SockJS over WebSocket), or the text (the SockJS
 * fallbacks, which frame per session). Each form is built once per message, however many sockets
 * take it.
 *
 * <p>A WebSocket takes the whole frame, header included, copied into the one buffer it flushes
 * ({@link #appendWire}; Netty's NIO transport copied a shared heap payload into a direct buffer
 * per socket anyway): a JFR profile at half of gamebus's maximum found a quarter of the bridge
 * loop's samples in Netty's frame encoder (a pooled buffer and a copy per message per socket) and
 * most of its garbage in the objects Netty makes per write.
 */
final class OutFrame {

  private final ByteBuf json;
  private ByteBuf sockJs;
  private String text;

  private OutFrame(byte[] json) {
    this.json = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(json));
  }

  /** {@code a["<the JSON as a string>"]}, the SockJS message frame, built on first use: a fresh view of it. */
  ByteBuf sockJs() {
    return sockJsForm().duplicate();
  }

  private ByteBuf sockJsForm() {
    ByteBuf framed = sockJs;
    if (framed == null) {
      byte[] escaped = Json.encode(text()).getBytes(StandardCharsets.UTF_8);
      // Exactly sized: history keeps this form for as long as the frame (historySize per address).
      byte[] bytes = new byte[escaped.length + 3];
      bytes[0] = 'a';
      bytes[1] = '[';
      System.arraycopy(escaped, 0, bytes, 2, escaped.length);
      bytes[bytes.length - 1] = ']';
      framed = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
      sockJs = framed;
    }
    return framed;
  }

  /** The frame as text, for transports that frame it themselves. */
  String text() {
    String t = text;
    if (t == null) {
      t = json.toString(StandardCharsets.UTF_8);
      text = t;
    }
    return t;
  }

  int size() {
    return json.readableBytes();
  }

  /**
   * Appends the complete, unmasked WebSocket text frame of the raw ({@code sockJsFraming} false)
   * or SockJS form to {@code batch}. A socket gathers every frame of one flush this way and hands
   * the batch to Netty in one write, so nothing is allocated per subscriber, and Netty's encoder and
   * per-write bookkeeping run once per flush instead of once per message.
   */
  void appendWire(boolean sockJsFraming, ByteBuf batch) {
    ByteBuf payload = sockJsFraming ? sockJsForm() : json;
    int length = payload.readableBytes();
    batch.writeByte(0x81); // RFC 6455 §5.2: FIN and opcode 1 (text); a server's frame has no mask
    if (length < 126) {
      batch.writeByte(length);
    } else if (length < 65_536) {
      batch.writeByte(126).writeShort(length);
    } else {
      batch.writeByte(127).writeLong(length);
    }
    batch.writeBytes(payload, payload.readerIndex(), length);
  }

  /**
   * {@code {"type":"rec","address":…,"headers":{…},"replyAddress":…,"body":…}}: the body last, written
   * from {@code prefix} (the address part, shared by every message of one address) and the body's
   * own encoding ({@link Envelope#encoded()} is itself built once per envelope).
   */
  static OutFrame rec(byte[] prefix, MultiMap headers, String replyAddress, Object body) {
    byte[] encodedBody = encodeBody(body);
    byte[] middleBytes = NO_BYTES;
    boolean hasHeaders = headers != null && !headers.isEmpty();
    if (hasHeaders || replyAddress != null) {
      // Most published envelopes have neither: they skip this per-message string work.
      StringBuilder middle = new StringBuilder();
      if (hasHeaders) {
        middle.append(",\"headers\":").append(headersJson(headers).encode());
      }
      if (replyAddress != null) {
        middle.append(",\"replyAddress\":").append(Json.encode(replyAddress));
      }
      middleBytes = middle.toString().getBytes(StandardCharsets.UTF_8);
    }
    byte[] frame = new byte[prefix.length + middleBytes.length + 8 + encodedBody.length + 1];
    int at = 0;
    System.arraycopy(prefix, 0, frame, at, prefix.length);
    at += prefix.length;
    System.arraycopy(middleBytes, 0, frame, at, middleBytes.length);
    at += middleBytes.length;
    System.arraycopy(BODY_KEY, 0, frame, at, BODY_KEY.length);
    at += BODY_KEY.length;
    System.arraycopy(encodedBody, 0, frame, at, encodedBody.length);
    at += encodedBody.length;
    frame[at] = '}';
    return new OutFrame(frame);
  }

  private static final byte[] NO_BYTES = new byte[0];
  private static final byte[] BODY_KEY = ",\"body\":".getBytes(StandardCharsets.US_ASCII);

  /** {@code {"type":"rec","address":"<address>"}} without its closing brace, for {@link #rec}. */
  static byte[] recPrefix(String address) {
    return ("{\"type\":\"rec\",\"address\":" + Json.encode(address)).getBytes(StandardCharsets.UTF_8);
  }

  /** Any other frame (err, a reply, the recovery report). */
  static OutFrame of(JsonObject frame) {
    return new OutFrame(frame.toBuffer().getBytes());
  }

  /** Headers as the stock bridge writes them: one value as a string, several as an array. */
  static JsonObject headersJson(MultiMap headers) {
    JsonObject json = new JsonObject();
    for (String name : headers.names()) {
      List<String> values = headers.getAll(name);
      json.put(name, values.size() == 1 ? values.get(0) : new JsonArray(List.copyOf(values)));
    }
    return json;
  }

  private static byte[] encodeBody(Object body) {
    if (body instanceof Envelope envelope) {
      return envelope.encoded().getBytes();
    }
    if (body instanceof Buffer buffer) {
      return Json.encode(buffer).getBytes(StandardCharsets.UTF_8);
    }
    // byte[] has a default bus codec; like the stock bridge, it is written as (base64url) text.
    if (body instanceof JsonObject || body instanceof JsonArray || body instanceof String
        || body instanceof Number || body instanceof Boolean || body instanceof byte[] || body == null) {
      return Json.encode(body).getBytes(StandardCharsets.UTF_8);
    }
    return Json.encode(String.valueOf(body)).getBytes(StandardCharsets.UTF_8);
  }
}
