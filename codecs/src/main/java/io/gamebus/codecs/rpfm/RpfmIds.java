package io.gamebus.codecs.rpfm;

import java.math.BigInteger;

/**
 * RPFM ids are u64. gamebus keeps them in a {@code long} holding the same 64 bits: 0..2^63-1 as
 * themselves, 2^63..2^64-1 as negative longs. On the bus and in JSON they are written unsigned.
 */
public final class RpfmIds {

  private RpfmIds() {}

  /** The JSON value of an id: a Long for 0..2^63-1, a BigInteger above. */
  public static Number toJson(long id) {
    return id >= 0 ? Long.valueOf(id) : new BigInteger(Long.toUnsignedString(id));
  }

  /** The id printed unsigned, e.g. {@code "18446744073709551615"} for -1L. */
  public static String toString(long id) {
    return Long.toUnsignedString(id);
  }

  /**
   * Parses a JSON id: an integral Integer, Long or BigInteger in 0..2^64-1.
   *
   * @throws IllegalArgumentException for anything else (null, negative, too large, fractional, not a number)
   */
  public static long fromJson(Object value) {
    Long id = readable(value);
    if (id == null) {
      throw new IllegalArgumentException("not a u64 id: " + value);
    }
    return id;
  }

  /** Same as {@link #fromJson(Object)} but null instead of an exception. */
  static Long readable(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      long v = ((Number) value).longValue();
      return v >= 0 ? v : null;
    }
    if (value instanceof BigInteger b && b.signum() >= 0 && b.compareTo(SerdeText.U64_MAX) <= 0) {
      return b.longValue(); // the low 64 bits: the unsigned value
    }
    return null;
  }
}
