package io.gamebus.bridge;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded history behind recovery: room grows with use, order survives growth and eviction. */
class FanoutHistoryTest {

  private static OutFrame frame(long seq) {
    return OutFrame.of(new JsonObject().put("seq", seq));
  }

  private static List<Long> replay(FanoutHistory history, long lastSeq, long nowMs, boolean complete) {
    List<Long> seqs = new ArrayList<>();
    assertEquals(complete, history.replayAfter(lastSeq, nowMs, f -> seqs.add(new JsonObject(f.text()).getLong("seq"))));
    return seqs;
  }

  private static List<Long> range(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void aQuietAddressAllocatesLittleAndABusyOneUpToTheSize() {
    FanoutHistory history = new FanoutHistory(1000, 60_000);
    assertTrue(history.capacity() <= FanoutHistory.INITIAL_CAPACITY, "before any envelope: " + history.capacity());
    assertTrue(history.neverUsed());
    for (long seq = 1; seq <= 3; seq++) {
      history.add(seq, frame(seq), 0);
    }
    assertTrue(history.capacity() <= FanoutHistory.INITIAL_CAPACITY);
    assertFalse(history.neverUsed());
    for (long seq = 4; seq <= 1005; seq++) {
      history.add(seq, frame(seq), 0);
    }
    assertEquals(1000, history.capacity());
    assertEquals(1000, history.size());
    assertEquals(range(501, 1005), replay(history, 500, 0, true));
    assertEquals(range(6, 1005), replay(history, 5, 0, true), "5 was the last evicted: nothing after it is lost");
    assertEquals(range(6, 1005), replay(history, 4, 0, false));
  }

  @Test
  void growingAWrappedRingKeepsTheOrder() {
    FanoutHistory history = new FanoutHistory(100, 1000);
    for (long seq = 1; seq <= 16; seq++) {
      history.add(seq, frame(seq), seq <= 8 ? 0 : 2000);
    }
    assertEquals(range(9, 16), replay(history, 8, 2500, true), "1..8 expired, 8 last");
    for (long seq = 17; seq <= 25; seq++) {
      history.add(seq, frame(seq), 2500);
    }
    assertEquals(range(9, 25), replay(history, 8, 2600, true));
    assertEquals(17, history.size());
  }

  @Test
  void sizeZeroKeepsNothing() {
    FanoutHistory history = new FanoutHistory(0, 1000);
    history.add(1, frame(1), 0);
    assertTrue(history.neverUsed());
    assertEquals(List.of(), replay(history, 0, 0, false));
  }
}
