package io.gamebus.codecs.faf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.gamebus.codecs.faf.FafCodecException.Reason;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;

/**
 * Decodes one line or one frame payload (one JSON object) into a {@link FafMessage}, in a single
 * streaming pass. Leading and trailing JSON whitespace is allowed, like {@code json.loads}.
 */
public final class FafDecoder {

  // Thread-safe and holds Jackson's symbol table, so field names are canonicalised across calls.
  private static final JsonFactory FACTORY = new JsonFactory();

  private FafDecoder() {}

  /**
   * @throws FafCodecException NOT_UTF8, NOT_JSON (including empty input and trailing data),
   *     NOT_OBJECT, MISSING_COMMAND (absent or not a string)
   */
  public static FafMessage decode(Buffer line) throws FafCodecException {
    byte[] bytes = line.getBytes();
    return decode(bytes, 0, bytes.length);
  }

  /** Same as {@link #decode(Buffer)} on a byte range; the array is not retained. */
  public static FafMessage decode(byte[] b, int off, int len) throws FafCodecException {
    Object value = parse(b, off, len);
    // Checked after parsing: a byte array that parsed is almost always ASCII, scanned 8 bytes at a time.
    if (!Utf8.isValid(b, off, len)) {
      throw notUtf8();
    }
    if (!(value instanceof JsonObject)) {
      throw new FafCodecException(Reason.NOT_OBJECT, "JSON value is not an object: " + value);
    }
    JsonObject json = (JsonObject) value;
    Object command = json.getValue("command");
    if (!(command instanceof String)) {
      throw new FafCodecException(Reason.MISSING_COMMAND, command == null
          ? "command: missing" : "command: expected string, got " + Fields.typeName(command));
    }
    return new FafMessage(json, (String) command);
  }

  /** The object, or the name of a valid non-object value's type ("array", "string", ...). */
  private static Object parse(byte[] b, int off, int len) throws FafCodecException {
    try (JsonParser p = FACTORY.createParser(b, off, len)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new FafCodecException(Reason.NOT_JSON, "not JSON: no value");
      }
      Object value;
      if (t == JsonToken.START_OBJECT) {
        value = JsonReader.readObject(p);
      } else {
        value = typeName(t);
        p.skipChildren(); // still validate the whole value: invalid JSON and non-objects differ
      }
      if (p.nextToken() != null) {
        throw new FafCodecException(Reason.NOT_JSON,
            "not JSON: trailing data at byte " + p.currentTokenLocation().getByteOffset());
      }
      return value;
    } catch (JsonProcessingException e) {
      throw Utf8.isValid(b, off, len) ? new FafCodecException(Reason.NOT_JSON,
          "not JSON: " + e.getOriginalMessage() + location(e), e) : notUtf8();
    } catch (IOException e) { // cannot happen on a byte array, but the API declares it
      throw new FafCodecException(Reason.NOT_JSON, "not JSON: " + e.getMessage(), e);
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

  private static FafCodecException notUtf8() {
    return new FafCodecException(Reason.NOT_UTF8, "not UTF-8");
  }
}
