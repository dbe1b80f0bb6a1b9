package io.gamebus.codecs.red;

import io.gamebus.codecs.json.JsonFrameDecoder;
import io.gamebus.codecs.json.JsonFrameException;
import io.gamebus.codecs.red.FromClient.Call;
import io.gamebus.codecs.red.FromClient.Close;
import io.gamebus.codecs.red.FromClient.Ignore;
import io.gamebus.codecs.red.FromClient.Reply;
import io.gamebus.codecs.red.FromClient.Rule;
import io.gamebus.codecs.red.RedCodecException.Reason;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Notification;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Red's JSON-RPC 2.0 over WebSocket text frames, one object per frame, in both roles. As a server,
 * {@link #decodeFromClient} turns a client's frame into the decision Red's server would take
 * ({@link FromClient}); as a client, {@link #decodeFromServer} reads a server's frame into a
 * {@link RedMessage}. Decoding is one streaming pass into a {@link JsonObject} (the bus form,
 * unknown members kept) by the shared {@link JsonFrameDecoder}. Encoding is
 * {@link RedMessage#encode()}. Immutable and thread-safe.
 */
public final class RedCodec {

  /**
   * Default largest frame decoded: 4 MiB − 1 = 4,194,303 bytes, the largest message Red accepts.
   * Red's aiohttp server has {@code max_msg_size} = 4 MiB but refuses a message whose length is
   * equal to or above it, closing the WebSocket with 1009 and no reply.
   */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024 - 1;

  /** WebSocket close status for a message over the limit (aiohttp: {@code MESSAGE_TOO_BIG}). */
  public static final int CLOSE_TOO_LARGE = 1009;
  /** WebSocket close status for a text message that is not UTF-8 (aiohttp: {@code INVALID_TEXT}). */
  public static final int CLOSE_NOT_UTF8 = 1007;

  private final int maxBytes;
  private final JsonFrameDecoder decoder;

  /** A codec with {@link #DEFAULT_MAX_BYTES}. */
  public RedCodec() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes largest frame decoded, in UTF-8 bytes; must be positive. A longer frame is
   *     refused before any parsing: {@link Close} 1009 from a client, {@link Reason#TOO_LARGE} from
   *     a server. Encoding is not limited.
   */
  public RedCodec(int maxBytes) {
    this.decoder = new JsonFrameDecoder(maxBytes); // rejects maxBytes <= 0
    this.maxBytes = maxBytes;
  }

  /** The largest frame decoded, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /** What the server does with a client's frame; never throws for any input. */
  public FromClient decodeFromClient(Buffer frame) {
    byte[] bytes = within(frame);
    return bytes == null ? new Close(CLOSE_TOO_LARGE, Rule.TOO_LARGE) : decodeFromClient(bytes, 0, bytes.length);
  }

  /** Same as {@link #decodeFromClient(Buffer)} on a text message (counted in UTF-8 bytes). */
  public FromClient decodeFromClient(String text) {
    byte[] bytes = within(text);
    return bytes == null ? new Close(CLOSE_TOO_LARGE, Rule.TOO_LARGE) : decodeFromClient(bytes, 0, bytes.length);
  }

  /**
   * Same as {@link #decodeFromClient(Buffer)} on {@code len} bytes from {@code off}; the array is
   * not retained. The rules are checked in the order of {@link Rule}.
   */
  public FromClient decodeFromClient(byte[] bytes, int off, int len) {
    JsonObject json;
    try {
      json = decoder.decode(bytes, off, len);
    } catch (JsonFrameException e) {
      switch (e.reason()) {
        case TOO_LARGE: return new Close(CLOSE_TOO_LARGE, Rule.TOO_LARGE);
        case NOT_UTF8: return new Close(CLOSE_NOT_UTF8, Rule.NOT_UTF8);
        case NOT_JSON: return parseError();
        default: return startsWithBom(bytes, off, len) ? parseError() : new Ignore(Rule.NOT_OBJECT, null);
      }
    }
    return startsWithBom(bytes, off, len) ? parseError() : validate(json);
  }

  /** The envelope checks of aiohttp-json-rpc's {@code decode_msg} and {@code _handle_rpc_msg}, in their order. */
  private static FromClient validate(JsonObject json) {
    Map<String, Object> m = json.getMap();
    Object id = m.get("id"); // Python's msg.get('id', None): absent and null alike
    if (!RedMessage.VERSION.equals(m.get("jsonrpc"))) {
      return invalid(id, Rule.BAD_VERSION);
    }
    boolean method = m.containsKey("method");
    boolean result = m.containsKey("result");
    boolean error = m.containsKey("error");
    if ((method ? 1 : 0) + (result ? 1 : 0) + (error ? 1 : 0) != 1) {
      return invalid(id, Rule.NOT_ONE_KIND);
    }
    if (method) {
      if (!(m.get("method") instanceof String)) {
        return invalid(null, Rule.METHOD_NOT_STRING);
      }
      return id == null ? invalid(null, Rule.NOTIFICATION) : new Call(new Request(json));
    }
    if (!m.containsKey("id")) {
      return invalid(null, Rule.RESPONSE_WITHOUT_ID);
    }
    if (result) {
      return new Ignore(Rule.CLIENT_RESULT, json);
    }
    if (m.get("error") instanceof JsonObject e && e.containsKey("code") && e.containsKey("message")) {
      Object code = e.getValue("code");
      if (Json.isContainer(code)) {
        return new Ignore(Rule.CLIENT_ERROR, json); // Python's `code in table` raises on a dict or list
      }
    }
    return invalid(id, Rule.CLIENT_ERROR); // well-formed or not, a client's error object is refused
  }

  private static Reply invalid(Object id, Rule rule) {
    return new Reply(ErrorReply.of(id, RedError.INVALID_REQUEST), rule);
  }

  private static Reply parseError() {
    return new Reply(ErrorReply.of(null, RedError.PARSE_ERROR), Rule.NOT_JSON);
  }

  /** Python's json.loads refuses a leading U+FEFF that Jackson would skip. */
  private static boolean startsWithBom(byte[] b, int off, int len) {
    return len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF;
  }

  /**
   * Reads a server's frame (client role): a {@link Result} or {@link ErrorReply} to match by id (an
   * error's id is null when the server could not read the request), a {@link Notification} (topic
   * message) or a {@link Request} (a server → client call, never made by stock Red). Unknown members
   * are kept in {@link RedMessage#json()}.
   *
   * @throws RedCodecException TOO_LARGE, NOT_UTF8, NOT_JSON, NOT_OBJECT or NOT_JSON_RPC, in that order
   */
  public RedMessage decodeFromServer(Buffer frame) {
    byte[] bytes = within(frame);
    if (bytes == null) {
      throw tooLarge(frame.length());
    }
    return decodeFromServer(bytes, 0, bytes.length);
  }

  /** Same as {@link #decodeFromServer(Buffer)} on a text message. */
  public RedMessage decodeFromServer(String text) {
    byte[] bytes = within(text);
    if (bytes == null) {
      throw tooLarge(text.length());
    }
    return decodeFromServer(bytes, 0, bytes.length);
  }

  /** Same as {@link #decodeFromServer(Buffer)} on {@code len} bytes from {@code off}; the array is not retained. */
  public RedMessage decodeFromServer(byte[] bytes, int off, int len) {
    JsonObject json;
    try {
      json = decoder.decode(bytes, off, len);
    } catch (JsonFrameException e) {
      String message = e.getMessage();
      throw new RedCodecException(Reason.valueOf(e.reason().name()),
          message.length() <= 200 ? message : message.substring(0, 200) + "…");
    }
    if (startsWithBom(bytes, off, len)) {
      throw new RedCodecException(Reason.NOT_JSON, "not JSON: a byte-order mark");
    }
    return ServerMessages.read(json);
  }

  /** The frame's bytes, or null when it has more than maxBytes (checked before copying). */
  private byte[] within(Buffer frame) {
    return frame.length() > maxBytes ? null : frame.getBytes();
  }

  /** The text's UTF-8 bytes, or null when it is too long; every char is at least one byte. */
  private byte[] within(String text) {
    if (text.length() > maxBytes) {
      return null;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return bytes.length > maxBytes ? null : bytes;
  }

  private RedCodecException tooLarge(int atLeast) {
    return new RedCodecException(Reason.TOO_LARGE,
        "frame of at least " + atLeast + " bytes exceeds the limit of " + maxBytes + " bytes");
  }
}
