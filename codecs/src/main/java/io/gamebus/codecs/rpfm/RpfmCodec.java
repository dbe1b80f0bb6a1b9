package io.gamebus.codecs.rpfm;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gamebus.codecs.rpfm.RpfmCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * The RPFM envelope {@code {"id": u64, "data": …}} in both directions, one WebSocket text message
 * at a time. Decoding is one streaming Jackson pass straight into Vert.x JSON values; a command is
 * then validated against {@link RpfmCatalogue} (variant and payload shape), a response only
 * shallowly (variant, unit-ness, tuple length). Encoding is compact, {@code id} first, ids
 * unsigned, strings escaped as serde_json does, so the bytes equal the real peers' bytes.
 * Immutable and thread-safe.
 */
public final class RpfmCodec {

  /** Default largest message accepted by the decoders: 64 MiB. */
  public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

  private final int maxBytes;

  /** A codec with {@link #DEFAULT_MAX_BYTES}. */
  public RpfmCodec() {
    this(DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes largest message decoded, in UTF-8 bytes; longer ones fail with TOO_LARGE
   *     before any parsing (so without an id). Must be positive. Encoding is not limited.
   */
  public RpfmCodec(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The largest message accepted, in bytes. */
  public int maxBytes() {
    return maxBytes;
  }

  /** Same as {@link #decodeCommand(Buffer)} on the text's UTF-8 bytes. */
  public RpfmCommand decodeCommand(String text) throws RpfmCodecException {
    return command(envelope(text.getBytes(StandardCharsets.UTF_8), Reason.BAD_COMMAND, RpfmCodec::checkCommand));
  }

  /**
   * Decodes and validates one request. Unknown top-level fields are ignored; fields are checked
   * in document order and the first problem is reported, as serde does; serde's array form
   * {@code [id, data]} of the envelope is accepted too.
   *
   * @throws RpfmCodecException TOO_LARGE, NOT_JSON, NOT_OBJECT, BAD_ID or BAD_COMMAND
   */
  public RpfmCommand decodeCommand(Buffer bytes) throws RpfmCodecException {
    return command(envelope(bytes(bytes), Reason.BAD_COMMAND, RpfmCodec::checkCommand));
  }

  private static String checkCommand(Object data) {
    return ShapeChecker.variants(RpfmCatalogue.commandEnum(), data);
  }

  private static RpfmCommand command(Object[] idAndData) {
    long id = RpfmIds.fromJson(idAndData[0]);
    Object data = idAndData[1];
    if (data instanceof String name) {
      return new RpfmCommand(id, name, null);
    }
    Map.Entry<String, Object> e = ((JsonObject) data).iterator().next();
    return new RpfmCommand(id, e.getKey(), RpfmCatalogue.isUnitCommand(e.getKey()) ? null : e.getValue());
  }

  /** Same as {@link #decodeResponse(Buffer)} on the text's UTF-8 bytes. */
  public RpfmResponse decodeResponse(String text) throws RpfmCodecException {
    return response(envelope(text.getBytes(StandardCharsets.UTF_8), Reason.BAD_RESPONSE, RpfmResponse::check));
  }

  /**
   * Decodes one response: the variant must be one of the 83, bare string for {@code Success} and
   * {@code Unknown}, one-key object otherwise (a tuple variant with an array of its length). The
   * payload is not looked into.
   *
   * @throws RpfmCodecException TOO_LARGE, NOT_JSON, NOT_OBJECT, BAD_ID or BAD_RESPONSE
   */
  public RpfmResponse decodeResponse(Buffer bytes) throws RpfmCodecException {
    return response(envelope(bytes(bytes), Reason.BAD_RESPONSE, RpfmResponse::check));
  }

  private static RpfmResponse response(Object[] idAndData) {
    long id = RpfmIds.fromJson(idAndData[0]);
    Object data = idAndData[1];
    if (data instanceof String name) {
      return new RpfmResponse(id, name, null);
    }
    Map.Entry<String, Object> e = ((JsonObject) data).iterator().next();
    return new RpfmResponse(id, e.getKey(), RpfmCatalogue.isUnitResponse(e.getKey()) ? null : e.getValue());
  }

  /**
   * {@code {"id":N,"data":"NewPack"}}, {@code {"id":N,"data":{"ClosePack":"k"}}} or
   * {@code {"id":N,"data":{"SavePackAs":["a","b"]}}}; the unit form when the catalogue says the
   * command is a unit command. Not validated.
   */
  public Buffer encodeCommand(RpfmCommand command) {
    return JsonWrite.envelope(command.id(), command.command(), command.isUnit(), command.args());
  }

  /** {@code {"id":7,"data":"Success"}}, {@code {"id":7,"data":{"Error":"…"}}}, … Not validated. */
  public Buffer encodeResponse(RpfmResponse response) {
    return JsonWrite.envelope(response.id(), response.variant(), response.isUnit(), response.value());
  }

  /** {id, data} of a valid envelope, or the exception serde's reading would give. */
  private Object[] envelope(byte[] b, Reason dataKind, Function<Object, String> checkData)
      throws RpfmCodecException {
    checkSize(b.length);
    Object value;
    try {
      value = RpfmJson.parse(b, 0, b.length);
    } catch (IOException e) {
      String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      throw new RpfmCodecException(Reason.NOT_JSON, null, "not JSON: " + message);
    }
    if (value instanceof JsonArray a) {
      return sequenceForm(a, dataKind, checkData);
    }
    if (!(value instanceof JsonObject root)) {
      throw new RpfmCodecException(Reason.NOT_OBJECT, null, SerdeText.invalidType(value, "struct Message"));
    }
    Long readable = RpfmIds.readable(root.getValue("id"));
    boolean seenId = false;
    boolean seenData = false;
    for (Map.Entry<String, Object> field : root) {
      if (field.getKey().equals("id")) {
        seenId = true;
        fail(Reason.BAD_ID, readable, ShapeChecker.scalar("u64", field.getValue()));
      } else if (field.getKey().equals("data")) {
        seenData = true;
        fail(dataKind, readable, checkData.apply(field.getValue()));
      }
    }
    fail(Reason.BAD_ID, readable, seenId ? null : SerdeText.missingField("id"));
    fail(dataKind, readable, seenData ? null : SerdeText.missingField("data"));
    return new Object[] {root.getValue("id"), root.getValue("data")};
  }

  /** serde also reads a struct from an array of its fields in order: {@code [id, data]}. */
  private static Object[] sequenceForm(JsonArray a, Reason dataKind, Function<Object, String> checkData)
      throws RpfmCodecException {
    String expected = "struct Message with 2 elements";
    fail(Reason.BAD_ID, null, a.isEmpty() ? SerdeText.invalidLength(0, expected) : ShapeChecker.scalar("u64", a.getValue(0)));
    fail(dataKind, null, a.size() < 2 ? SerdeText.invalidLength(1, expected) : checkData.apply(a.getValue(1)));
    fail(dataKind, null, a.size() > 2 ? "trailing characters" : null);
    return new Object[] {a.getValue(0), a.getValue(1)};
  }

  private static void fail(Reason kind, Long id, String reason) throws RpfmCodecException {
    if (reason != null) {
      throw new RpfmCodecException(kind, id, reason);
    }
  }

  /** The bytes of the buffer, after the size check (so an oversized message is never copied). */
  private byte[] bytes(Buffer buffer) throws RpfmCodecException {
    checkSize(buffer.length());
    return buffer.getBytes();
  }

  private void checkSize(int length) throws RpfmCodecException {
    if (length > maxBytes) {
      throw new RpfmCodecException(Reason.TOO_LARGE, null,
          "message of " + length + " bytes exceeds the limit of " + maxBytes + " bytes");
    }
  }
}
