package io.gamebus.codecs.faf;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import io.gamebus.codecs.json.JsonFrameDecoder;
import io.gamebus.codecs.json.JsonFrameException;
import io.vertx.core.json.JsonObject;

/**
 * Decodes one line or one frame payload (one JSON object) into a {@link FafMessage} with the
 * shared {@link JsonFrameDecoder}. Leading and trailing JSON whitespace is allowed, like
 * {@code json.loads}; NaN and Infinity are refused (unlike {@code json.loads}, as before).
 */
public final class FafDecoder {

  // No size limit here: the LineFramer bounds every line before it reaches the decoder.
  private static final JsonFrameDecoder JSON = new JsonFrameDecoder(Integer.MAX_VALUE);

  private FafDecoder() {}

  /**
   * Decodes {@code len} bytes from {@code off}; the array is not retained.
   *
   * @throws FafCodecException NOT_UTF8, NOT_JSON (including empty input and trailing data),
   *     NOT_OBJECT, MISSING_COMMAND (absent or not a string)
   */
  public static FafMessage decode(byte[] b, int off, int len) throws FafCodecException {
    JsonObject json;
    try {
      json = JSON.decode(b, off, len);
    } catch (JsonFrameException e) {
      throw new FafCodecException(reason(e.reason()), e.getMessage(), e.getCause());
    }
    Object command = json.getValue("command");
    if (!(command instanceof String)) {
      throw new FafCodecException(Reason.MISSING_COMMAND, command == null
          ? "command: missing" : "command: expected string, got " + Fields.typeName(command));
    }
    return new FafMessage(json, (String) command);
  }

  private static Reason reason(JsonFrameException.Reason reason) {
    return switch (reason) {
      case TOO_LARGE -> Reason.LINE_TOO_LONG;
      case NOT_UTF8 -> Reason.NOT_UTF8;
      case NOT_JSON -> Reason.NOT_JSON;
      case NOT_OBJECT -> Reason.NOT_OBJECT;
    };
  }
}
