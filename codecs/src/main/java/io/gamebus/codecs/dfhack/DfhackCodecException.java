package io.gamebus.codecs.dfhack;

import java.util.Objects;

/**
 * The one exception family of the DFHack codec. Protobuf and JSON exceptions are wrapped into it;
 * {@link #reason()} tells a server which of the real server's answers applies (dfhack.md §11): a
 * bad handshake or size closes silently, an undecodable payload gets TEXT + FAIL(1).
 */
public final class DfhackCodecException extends Exception {

  /** What was wrong with the bytes or the message. */
  public enum Reason {
    /** The 12-byte handshake has the wrong magic or a version outside the accepted range. */
    BAD_HANDSHAKE,
    /** A message header declares a payload size below 0 or above the configured maximum. */
    BAD_SIZE,
    /** The payload or JSON does not make a valid message (including missing required fields). */
    UNDECODABLE,
    /** The fully qualified protobuf type name is not one the codec knows. */
    UNKNOWN_TYPE
  }

  private final Reason reason;

  public DfhackCodecException(Reason reason, String message) {
    this(reason, message, null);
  }

  public DfhackCodecException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** The wire-level reason, never null. */
  public Reason reason() {
    return reason;
  }
}
