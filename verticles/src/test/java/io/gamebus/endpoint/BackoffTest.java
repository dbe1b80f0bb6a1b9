package io.gamebus.endpoint;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

  /** Found by the reliability battery: attempts waited up to 33.6 s with maxDelayMs 30 s (jitter after the cap). */
  @Test
  void backoffNeverExceedsMaxDelayAndKeepsItsJitterAtTheCap() {
    Backoff backoff = new Backoff(500, 30_000, 2.0, 0.2);
    Set<Long> atCap = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      long delay = backoff.nextDelayMs();
      assertTrue(delay <= 30_000, "attempt " + i + " waited " + delay + " ms");
      if (i >= 10) {
        // 500 × 2^10 is far past the cap: the delay stays in [30000 × 0.8 / 1.2, 30000]
        assertTrue(delay >= 20_000, "attempt " + i + " waited " + delay + " ms");
        atCap.add(delay);
      }
    }
    assertTrue(atCap.size() > 100, "clients at the cap still spread out: " + atCap.size() + " distinct delays");
  }

  @Test
  void theFirstDelaysGrowFromTheInitialOneAndResetStartsAgain() {
    Backoff backoff = new Backoff(1_000, 60_000, 2.0, 0);
    assertEquals(1_000, backoff.nextDelayMs());
    assertEquals(2_000, backoff.nextDelayMs());
    assertEquals(4_000, backoff.nextDelayMs());
    backoff.reset();
    assertEquals(1_000, backoff.nextDelayMs());
    for (int i = 0; i < 10; i++) {
      backoff.nextDelayMs();
    }
    assertEquals(60_000, backoff.nextDelayMs(), "without jitter the cap is the delay itself");
  }
}
