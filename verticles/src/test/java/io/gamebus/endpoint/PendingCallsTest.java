package io.gamebus.endpoint;

import io.vertx.core.eventbus.ReplyException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The two correlation strategies, without a bus. */
class PendingCallsTest {

  @Test
  void fifoAnswersTheOldestCallAndKeepsItsAttachment() {
    PendingCalls<String, Integer> calls = PendingCalls.fifo();
    PendingCalls.Call<String, Integer> a = calls.add("text of a");
    PendingCalls.Call<String, Integer> b = calls.add("text of b");
    assertEquals("text of a", calls.oldest().attachment());
    assertTrue(calls.completeOldest(1));
    assertEquals("text of b", calls.oldest().attachment());
    assertTrue(calls.completeOldest(2));
    assertEquals(1, a.future().result());
    assertEquals(2, b.future().result());
    assertFalse(calls.completeOldest(3), "an unsolicited reply answers nobody");
    assertNull(calls.oldest());
  }

  @Test
  void byIdRefusesADuplicateIdAndFifoRefusesAnId() {
    PendingCalls<Void, Integer> byId = PendingCalls.byId(new FakeTimers(), 100);
    byId.add("x", null);
    assertThrows(IllegalArgumentException.class, () -> byId.add("x", null));
    assertThrows(IllegalStateException.class, () -> byId.add(null));
    assertThrows(IllegalStateException.class, () -> PendingCalls.<Void, Integer>fifo().add("x", null));
  }

  @Test
  void byIdForgetsACallAfterItsTimeoutWith504AndCancelsTheTimerOfAnAnsweredOne() {
    FakeTimers timers = new FakeTimers();
    PendingCalls<Void, Integer> calls = PendingCalls.byId(timers, 100);
    PendingCalls.Call<Void, Integer> slow = calls.add("slow", null);
    calls.add("quick", null);
    assertTrue(calls.complete("quick", 1));
    assertEquals(1, timers.pending(), "the answered call's timer is cancelled");
    timers.fire(100);
    assertEquals(504, ((ReplyException) slow.future().cause()).failureCode());
    assertEquals(0, calls.size());
  }

  @Test
  void failAllFailsEveryCallOldestFirst() {
    PendingCalls<Void, Integer> calls = PendingCalls.fifo();
    StringBuilder order = new StringBuilder();
    calls.add(null).future().onFailure(e -> order.append("a"));
    calls.add(null).future().onFailure(e -> order.append("b"));
    calls.failAll(new RuntimeException("gone"));
    assertEquals("ab", order.toString());
    assertEquals(0, calls.size());
  }
}
