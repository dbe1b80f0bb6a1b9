package io.gamebus.codecs.rpfm;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Large RPFM messages for tests and benchmarks. */
public final class RpfmFixtures {

  private RpfmFixtures() {}

  /**
   * {@code {"id":id,"data":{"VecU8":[…]}}} with pseudo-random numbers 0..255 (fixed seed) until
   * the text has at least {@code minBytes} bytes: a raw file as the real server sends it.
   */
  public static byte[] vecU8Response(long id, int minBytes) {
    StringBuilder b = new StringBuilder(minBytes + 64);
    b.append("{\"id\":").append(Long.toUnsignedString(id)).append(",\"data\":{\"VecU8\":[");
    Random random = new Random(7);
    boolean first = true;
    while (b.length() < minBytes) {
      b.append(first ? "" : ",").append(random.nextInt(256));
      first = false;
    }
    return b.append("]}}").toString().getBytes(StandardCharsets.US_ASCII);
  }
}
