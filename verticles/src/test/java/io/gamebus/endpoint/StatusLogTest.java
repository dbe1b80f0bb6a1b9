package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.LimitsConfig;
import io.gamebus.config.StatusLogLevels;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusLogTest {

  private final CapturedLog log = CapturedLog.of("io.gamebus.status");
  private final List<LogRecord> lines = log.lines;
  private long now = 1_000_000;

  @AfterEach
  void release() {
    log.close();
  }

  private StatusLog log(JsonObject levels) {
    return new StatusLog("faf.lobby", LimitsConfig.fromJson(new JsonObject().put("statusLogLevels", levels))
      .statusLogLevels(), () -> now);
  }

  @Test
  void theTableNamesEveryStatusEventButBadInput() {
    Set<String> events = Arrays.stream(StatusEvent.values()).map(StatusEvent::wireName)
      .filter(name -> !name.equals(StatusLogLevels.BAD_INPUT)).collect(Collectors.toSet());
    assertEquals(events, StatusLogLevels.DEFAULTS.keySet());
  }

  @Test
  void eachEventIsOneLineAtItsLevel() {
    StatusLog log = log(new JsonObject());
    log.log("n1-1", StatusEvent.CONNECTION_OPENED, "tcp from 127.0.0.1:4000");
    log.log("n1-1", StatusEvent.AUTHENTICATION_FAILED, "Token signature was invalid or the token has expired");
    log.log(null, StatusEvent.LISTENING, "tcp 127.0.0.1:8002");
    assertEquals(List.of(Level.FINE, Level.WARNING, Level.INFO), lines.stream().map(LogRecord::getLevel).toList());
    assertEquals("faf.lobby: connection-opened n1-1: tcp from 127.0.0.1:4000", lines.get(0).getMessage());
    assertEquals("faf.lobby: listening: tcp 127.0.0.1:8002", lines.get(2).getMessage());
  }

  @Test
  void badInputIsLeftToItsOwnLog() {
    log(new JsonObject()).log("n1-1", StatusEvent.BAD_INPUT, "not JSON");
    assertEquals(List.of(), lines);
  }

  @Test
  void aConfiguredLevelReplacesTheDefaultAndOffLogsNothing() {
    StatusLog log = log(new JsonObject().put("connection-opened", "warning").put("listening", "off"));
    log.log("n1-1", StatusEvent.CONNECTION_OPENED, null);
    log.log(null, StatusEvent.LISTENING, "tcp 127.0.0.1:8002");
    assertEquals(1, lines.size());
    assertEquals(Level.WARNING, lines.get(0).getLevel());
    assertEquals("faf.lobby: connection-opened n1-1", lines.get(0).getMessage());
  }

  @Test
  void aFloodOfConnectionsIsCutToTenLinesASecondAndDoesNotHideTheEndpointsOwnEvents() {
    StatusLog log = log(new JsonObject().put("connection-opened", "info"));
    for (int i = 0; i < 500; i++) {
      log.log("n1-" + i, StatusEvent.CONNECTION_OPENED, "tcp");
    }
    log.log(null, StatusEvent.FAILED, "upstream refused");
    assertEquals(StatusLog.LINES_PER_SECOND + 1, lines.size());
    assertEquals("faf.lobby: failed: upstream refused", lines.get(lines.size() - 1).getMessage());
    now += 1000;
    log.log("n1-500", StatusEvent.SLOW_CONSUMER, "closed");
    String next = lines.get(lines.size() - 1).getMessage();
    assertTrue(next.startsWith("faf.lobby: slow-consumer n1-500: closed (490 more connection event(s) not logged"), next);
  }
}
