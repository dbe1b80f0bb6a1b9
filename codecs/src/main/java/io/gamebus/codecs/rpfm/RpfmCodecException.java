package io.gamebus.codecs.rpfm;

import java.util.Objects;

/**
 * The one exception family of the RPFM codec. {@link #reason()} is serde's wording of the problem
 * (without serde_json's " at line L column C"), {@link #wireText()} what the real server answers
 * with, and {@link #id()} the request id when one could be read: per rpfm.md §7 the real server
 * answers a malformed command only then.
 */
public final class RpfmCodecException extends Exception {

  /** What was wrong. */
  public enum Reason {
    /** More bytes than the codec's maximum; nothing was parsed, so {@link #id()} is null. */
    TOO_LARGE,
    /** Not one JSON value (syntax error, empty, trailing data, not UTF-8). */
    NOT_JSON,
    /** Valid JSON but neither an object nor serde's array form of the envelope. */
    NOT_OBJECT,
    /** {@code id} missing or not a u64. */
    BAD_ID,
    /** {@code data} (or the bus form's {@code command} / {@code args}) missing or not a valid Command. */
    BAD_COMMAND,
    /** {@code data} (or the bus form's {@code variant} / {@code value}) missing or not a valid Response. */
    BAD_RESPONSE
  }

  /** Prefix of the real server's answer to a command it cannot deserialize. */
  public static final String WIRE_PREFIX = "Server failed to deserialize command: ";

  private final Reason kind;
  private final Long id;
  private final String reason;

  /**
   * @param id the readable request id (u64 bits in a long), or null when there is none
   * @param reason serde-style reason text
   */
  public RpfmCodecException(Reason kind, Long id, String reason) {
    super(reason);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.id = id;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** What was wrong, never null ({@link #reason()} is the text). */
  public Reason kind() {
    return kind;
  }

  /**
   * The top-level {@code id} when it is an integer in 0..2^64-1 (values of 2^63 and more as
   * negative longs; see {@link RpfmIds}), else null. Answer the sender only when non-null.
   */
  public Long id() {
    return id;
  }

  /** serde-style reason, e.g. {@code missing field `data`}. */
  public String reason() {
    return reason;
  }

  /** {@code "Server failed to deserialize command: " + reason()}: the real server's Error text. */
  public String wireText() {
    return WIRE_PREFIX + reason;
  }
}
