package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReconnectConfigTest {

  @Test
  void delaysGrowThenCap() {
    ReconnectConfig r = ReconnectConfig.fromJson(new JsonObject().put("jitter", 0));
    assertEquals(500, r.delayMs(0, 0.9));
    assertEquals(1000, r.delayMs(1, 0.9));
    assertEquals(2000, r.delayMs(2, 0.9));
    assertEquals(30000, r.delayMs(10, 0.9));
    assertEquals(30000, r.delayMs(10_000, 0.9), "no overflow on a long outage");
  }

  @Test
  void jitterSpreadsEitherWay() {
    ReconnectConfig r = ReconnectConfig.defaults();
    assertEquals(400, r.delayMs(0, 0.0));
    assertEquals(500, r.delayMs(0, 0.5));
    assertEquals(600, r.delayMs(0, 1.0));
    assertEquals(30000, r.delayMs(20, 1.0), "never above maxDelayMs");
  }

  @Test
  void largeInitialDelayRaisesDefaultMax() {
    ReconnectConfig r = ReconnectConfig.fromJson(new JsonObject().put("initialDelayMs", 60000));
    assertEquals(60000, r.maxDelayMs());
  }
}
