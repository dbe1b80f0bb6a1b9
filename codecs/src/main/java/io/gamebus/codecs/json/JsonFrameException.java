package io.gamebus.codecs.json;

import java.util.Objects;

/**
 * Why {@link JsonFrameDecoder} refused a frame. The {@link #reason()} lets each protocol choose its
 * own answer (close silently, send a protocol error, ignore the frame); the message is for logs.
 */
public final class JsonFrameException extends Exception {

  /** What was wrong with the frame, checked in this order. */
  public enum Reason {
    /** The frame has more bytes than the decoder's limit; nothing of it was parsed. */
    TOO_LARGE,
    /** The bytes are not strict UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF). */
    NOT_UTF8,
    /** Not exactly one JSON value: a syntax error, empty or blank input, or data after the value. */
    NOT_JSON,
    /** Exactly one valid JSON value, but not an object (an array, string, number, boolean or null). */
    NOT_OBJECT
  }

  private final Reason reason;

  JsonFrameException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The reason, never null. */
  public Reason reason() {
    return reason;
  }
}
