package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static io.gamebus.config.ValidationTest.assertError;
import static io.gamebus.config.ValidationTest.config;
import static io.gamebus.config.ValidationTest.server;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code limits.statusLogLevels}: one table of defaults, changed per event, validated. */
class StatusLogLevelsTest {

  private static LimitsConfig limits(JsonObject levels) {
    return GamebusConfig.fromJson(config(server("a", 1).put("limits", new JsonObject().put("statusLogLevels", levels))))
      .endpoints().get(0).limits();
  }

  @Test
  void defaultsPutConnectionsAtDebugFailuresAtWarningLifecycleAtInfo() {
    StatusLogLevels levels = LimitsConfig.defaults().statusLogLevels();
    assertEquals("debug", levels.level("connection-opened"));
    assertEquals("debug", levels.level("connection-closed"));
    assertEquals("warning", levels.level("authentication-failed"));
    assertEquals("warning", levels.level("slow-consumer"));
    assertEquals("info", levels.level("listening"));
    assertEquals("info", levels.level("reconnecting"));
    assertEquals("off", levels.level(StatusLogLevels.BAD_INPUT), "bad input has its own log");
  }

  @Test
  void oneEventCanBeChangedAndTheOthersKeepTheirDefaults() {
    StatusLogLevels levels = limits(new JsonObject().put("connection-opened", "info").put("failed", "off"))
      .statusLogLevels();
    assertEquals("info", levels.level("connection-opened"));
    assertEquals("off", levels.level("failed"));
    assertEquals("debug", levels.level("connection-closed"));
  }

  @Test
  void theJsonFormRoundTrips() {
    LimitsConfig limits = limits(new JsonObject().put("connection-opened", "warning"));
    assertEquals(limits, LimitsConfig.fromJson(limits.toJson()));
    assertEquals("warning", limits.toJson().getJsonObject("statusLogLevels").getString("connection-opened"));
  }

  @Test
  void anUnknownEventNamesTheKnownOnes() {
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
      () -> limits(new JsonObject().put("conection-opened", "info")));
    assertTrue(e.getMessage().startsWith("endpoints[0].limits.statusLogLevels.conection-opened: not a status event; one of"
      + " listening, connecting,"), e.getMessage());
  }

  @Test
  void aLevelMustBeKnown() {
    assertError("endpoints[0].limits.statusLogLevels.failed: 'loud' is not one of off, debug, info, warning",
      config(server("a", 1).put("limits", new JsonObject().put("statusLogLevels", new JsonObject().put("failed", "loud")))));
  }

  @Test
  void badInputIsLoggedByItsOwnField() {
    assertError("endpoints[0].limits.statusLogLevels.bad-input: bad input is logged by limits.badInputLogLevel",
      config(server("a", 1).put("limits", new JsonObject().put("statusLogLevels", new JsonObject().put("bad-input", "info")))));
  }
}
