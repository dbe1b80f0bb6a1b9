package io.gamebus.codecs.faf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte scans of the framer and the WebSocket reader; the newline search runs a word at a time. */
final class Bytes {

  // Little-endian so the lowest flagged byte in a word is the first one in memory.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

  private Bytes() {}

  /** Index of the first '\n' in [from, to), or -1. */
  static int indexOfNewline(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long w = (long) LONGS.get(b, i) ^ NEWLINES;
      // Classic "has zero byte": borrows only run upwards, so the lowest flag is a real '\n'.
      long t = (w - ONES) & ~w & HIGH;
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** True when every byte of the range is JSON whitespace other than '\n' (or the range is empty). */
  static boolean isBlank(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (!isBlank(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** JSON insignificant whitespace minus '\n' (which the framer has already consumed). */
  static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
