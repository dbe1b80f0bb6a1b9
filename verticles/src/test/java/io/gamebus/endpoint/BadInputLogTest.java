package io.gamebus.endpoint;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue "Hostile peers and faults": bad input on FAF and DFHack wrote nothing to the log. */
class BadInputLogTest {

  private final CapturedLog log = CapturedLog.of("io.gamebus.badinput");
  private final List<LogRecord> lines = log.lines;
  private long now = 1_000_000;

  @AfterEach
  void release() {
    log.close();
  }

  private static String text(LogRecord record) {
    return java.text.MessageFormat.format(record.getMessage(), record.getParameters());
  }

  @Test
  void badInputIsOneLinePerCaseRateLimitedWithTheCountLeftOut() {
    BadInputLog log = new BadInputLog("faf.lobby", "info", () -> now);
    for (int i = 0; i < 25; i++) {
      log.log("n1-" + i, "not JSON: Unexpected end-of-input");
    }
    assertEquals(BadInputLog.LINES_PER_SECOND, lines.size(), "at most 10 lines in one second");
    assertEquals(Level.INFO, lines.get(0).getLevel());
    assertEquals("faf.lobby: bad input on n1-0: not JSON: Unexpected end-of-input", text(lines.get(0)));
    now += 1000;
    log.log("n1-99", "blank line");
    String next = text(lines.get(lines.size() - 1));
    assertTrue(next.startsWith("faf.lobby: bad input on n1-99: blank line (15 more bad input(s) not logged"), next);
  }

  @Test
  void theLevelIsConfigurableAndOffLogsNothing() {
    new BadInputLog("dfhack.fortress", "warning", () -> now).log(null, "bad header");
    assertEquals(Level.WARNING, lines.get(0).getLevel());
    assertEquals("dfhack.fortress: bad input on the upstream link: bad header", text(lines.get(0)));
    new BadInputLog("dfhack.fortress", "off", () -> now).log("n1-1", "bad header");
    assertEquals(1, lines.size());
  }
}
