package io.gamebus.codecs.faf;

import java.util.Objects;

/**
 * The one exception family of the FAF codec. Library exceptions (Jackson, number parsing) are
 * wrapped into it; {@link #reason()} says what the wire-level problem was so a server can pick
 * its answer (§7 of faf.md: bad JSON closes silently, a non-object gets {@code invalid}).
 */
public final class FafCodecException extends Exception {

  /** What was wrong with the bytes or the message. */
  public enum Reason {
    /** A line (or the bytes pending without a newline) exceeds the maximum line length. */
    LINE_TOO_LONG,
    /** The bytes are not valid UTF-8. */
    NOT_UTF8,
    /** Not one JSON value (syntax error, empty, or trailing data after the value). */
    NOT_JSON,
    /** Valid JSON, but not an object. */
    NOT_OBJECT,
    /** The object has no {@code command}, or it is not a string. */
    MISSING_COMMAND,
    /** A typed view found a field missing or of the wrong type; the message names the field. */
    BAD_FIELD
  }

  private final Reason reason;

  public FafCodecException(Reason reason, String message) {
    this(reason, message, null);
  }

  public FafCodecException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The wire-level reason, never null. */
  public Reason reason() {
    return reason;
  }

  static FafCodecException badField(String path, String problem) {
    return new FafCodecException(Reason.BAD_FIELD, path + ": " + problem);
  }
}
