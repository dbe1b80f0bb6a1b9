package io.gamebus.codecs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.gamebus.codecs.json.JsonFrameException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.Objects;

/**
 * Decodes one frame, the bytes of exactly one JSON text, into a {@link JsonObject} in a single
 * streaming pass. Strict JSON (RFC 8259): no comments, no NaN or Infinity, no single quotes;
 * whitespace around the value is allowed; a duplicate key keeps its last value; key order is
 * kept. Values have Vert.x's own types (String, Integer/Long/BigInteger, Double, Boolean, null,
 * JsonObject, JsonArray). Jackson's default bounds apply inside the frame: nesting deeper than
 * 1,000, a string of more than 20,000,000 characters or a number of more than 1,000 digits is
 * NOT_JSON. Immutable and thread-safe; framing (lines, WebSocket frames) is the caller's job.
 */
public final class JsonFrameDecoder {

  // Thread-safe and holds Jackson's symbol table, so field names are canonicalised across calls.
  private static final JsonFactory FACTORY = new JsonFactory();

  private final int maxBytes;

  /**
   * @param maxBytes largest frame accepted, in bytes; a longer frame fails with
   *     {@link Reason#TOO_LARGE} before any parsing. {@link Integer#MAX_VALUE} when the caller's
   *     framing already bounds the input. Must be positive.
   */
  public JsonFrameDecoder(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /**
   * Decodes a whole buffer.
   *
   * @throws JsonFrameException TOO_LARGE, NOT_UTF8, NOT_JSON or NOT_OBJECT, checked in that order
   */
  public JsonObject decode(Buffer frame) throws JsonFrameException {
    checkSize(frame.length()); // before copying the bytes out
    byte[] bytes = frame.getBytes();
    return decode(bytes, 0, bytes.length);
  }

  /** Same as {@link #decode(Buffer)} on {@code len} bytes from {@code off}; the array is not retained. */
  public JsonObject decode(byte[] b, int off, int len) throws JsonFrameException {
    Objects.checkFromIndexSize(off, len, b.length);
    checkSize(len);
    Object value = parse(b, off, len);
    // Checked after parsing: a byte array that parsed is almost always ASCII, scanned 8 bytes at a time.
    if (!Utf8.isValid(b, off, len)) {
      throw notUtf8();
    }
    if (!(value instanceof JsonObject)) {
      throw new JsonFrameException(Reason.NOT_OBJECT, "JSON value is not an object: " + value, null);
    }
    return (JsonObject) value;
  }

  private void checkSize(int len) throws JsonFrameException {
    if (len > maxBytes) {
      throw new JsonFrameException(Reason.TOO_LARGE,
          "frame of " + len + " bytes exceeds the limit of " + maxBytes + " bytes", null);
    }
  }

  /** The object, or the name of a valid non-object value's type ("array", "string", ...). */
  private static Object parse(byte[] b, int off, int len) throws JsonFrameException {
    try (JsonParser p = FACTORY.createParser(b, off, len)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw notJson("not JSON: no value", null);
      }
      Object value;
      if (t == JsonToken.START_OBJECT) {
        value = JsonReader.readObject(p);
      } else {
        value = typeName(t);
        p.skipChildren(); // still validate the whole value: invalid JSON and non-objects differ
      }
      if (p.nextToken() != null) {
        throw notJson("not JSON: trailing data at byte " + p.currentTokenLocation().getByteOffset(), null);
      }
      return value;
    } catch (JsonProcessingException e) {
      // Jackson stops at the first bad byte; bytes that are not UTF-8 are reported as such.
      throw Utf8.isValid(b, off, len) ? notJson("not JSON: " + e.getOriginalMessage() + location(e), e) : notUtf8();
    } catch (IOException e) { // cannot happen on a byte array, but the API declares it
      throw notJson("not JSON: " + e.getMessage(), e);
    }
  }

  private static String typeName(JsonToken t) {
    switch (t) {
      case START_ARRAY: return "array";
      case VALUE_STRING: return "string";
      case VALUE_NULL: return "null";
      case VALUE_TRUE:
      case VALUE_FALSE: return "boolean";
      default: return "number";
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset();
  }

  private static JsonFrameException notJson(String message, Throwable cause) {
    return new JsonFrameException(Reason.NOT_JSON, message, cause);
  }

  private static JsonFrameException notUtf8() {
    return new JsonFrameException(Reason.NOT_UTF8, "not UTF-8", null);
  }
}
