package io.gamebus.codecs.red;

import java.util.Objects;

/**
 * Why the client role could not read a frame from a Red server (the server role never throws: it
 * gets a {@link FromClient} decision instead). Unchecked, without a stack trace: a wire problem,
 * not a bug.
 */
public final class RedCodecException extends RuntimeException {

  /** What was wrong, checked in this order. */
  public enum Reason {
    /** More bytes than the codec's maximum; nothing of it was parsed. */
    TOO_LARGE,
    /** The bytes are not strict UTF-8. */
    NOT_UTF8,
    /** Not exactly one JSON value (syntax error, empty, trailing data, a byte-order mark). */
    NOT_JSON,
    /** One valid JSON value, but not an object (an array, a string, ...). */
    NOT_OBJECT,
    /** An object that is not a JSON-RPC 2.0 result, error, notification or request. */
    NOT_JSON_RPC
  }

  private final Reason reason;

  public RedCodecException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What was wrong, never null. */
  public Reason reason() {
    return reason;
  }
}
