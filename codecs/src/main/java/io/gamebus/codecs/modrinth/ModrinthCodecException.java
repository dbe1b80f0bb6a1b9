package io.gamebus.codecs.modrinth;

import java.util.Objects;

/**
 * The one exception family of the Modrinth codec, unchecked so that bus handlers can let it reach
 * one catch that answers 400 with {@link #getMessage()}. The message names the field path and the
 * problem; it quotes at most 64 characters of any value and never a {@code jwt}.
 */
public final class ModrinthCodecException extends RuntimeException {

  /** What was wrong, checked in this order. */
  public enum Reason {
    /** The frame has more bytes than the codec's maximum; nothing of it was parsed. */
    TOO_LARGE,
    /** The bytes are not strict UTF-8. */
    NOT_UTF8,
    /** Not exactly one JSON value (syntax error, empty, trailing data). */
    NOT_JSON,
    /** One valid JSON value, but not an object. */
    NOT_OBJECT,
    /** The object has no {@code event}, or it is not a string. */
    NO_EVENT,
    /** A known event with a required field missing, of the wrong JSON type or outside its closed set. */
    BAD_FIELDS
  }

  private final Reason reason;

  public ModrinthCodecException(Reason reason, String message) {
    super(message, null, false, false); // a wire problem, not a bug: no stack trace to fill
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What was wrong, never null. */
  public Reason reason() {
    return reason;
  }
}
