package io.gamebus.codecs.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 check (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 * Jackson rejects bad start and continuation bytes but accepts overlongs and encoded surrogates,
 * which the real server's {@code json.loads} refuses; this closes that gap.
 */
public final class Utf8 {

  // Little-endian so the lowest flagged byte in a word is the first one in memory.
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH = 0x8080808080808080L;

  private Utf8() {}

  /** Whether {@code len} bytes from {@code off} are strict UTF-8. */
  public static boolean isValid(byte[] b, int off, int len) {
    int end = off + len;
    int i = skipAscii(b, off, end);
    while (i < end) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i = skipAscii(b, i + 1, end);
        continue;
      }
      int n = sequenceLength(c);
      if (n == 0 || i + n > end || !secondByteOk(c, b[i + 1] & 0xFF)) {
        return false;
      }
      for (int k = 2; k < n; k++) {
        if (!isContinuation(b[i + k])) {
          return false;
        }
      }
      i += n;
    }
    return true;
  }

  private static int sequenceLength(int c) {
    if (c >= 0xC2 && c <= 0xDF) {
      return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      return 4;
    }
    return 0; // continuation byte as start, C0/C1 overlongs, F5..FF
  }

  /** The second byte carries the range restrictions that rule out overlongs and surrogates. */
  private static boolean secondByteOk(int lead, int second) {
    switch (lead) {
      case 0xE0: return second >= 0xA0 && second <= 0xBF;
      case 0xED: return second >= 0x80 && second <= 0x9F;
      case 0xF0: return second >= 0x90 && second <= 0xBF;
      case 0xF4: return second >= 0x80 && second <= 0x8F;
      default: return second >= 0x80 && second <= 0xBF;
    }
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** Index of the first byte >= 0x80 in [from, to), or {@code to}; 8 bytes at a time. */
  static int skipAscii(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long t = (long) LONGS.get(b, i) & HIGH;
      if (t != 0) {
        return i + (Long.numberOfTrailingZeros(t) >>> 3);
      }
    }
    while (i < to && b[i] >= 0) {
      i++;
    }
    return i;
  }
}
