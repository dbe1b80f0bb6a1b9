package io.gamebus.support;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test run's log filter hides discarded publications and the status log, never a discarded send. */
class PublishedDiscardFilterTest {

  private static boolean shown(String logger, String message) {
    LogRecord record = new LogRecord(Level.WARNING, message);
    record.setLoggerName(logger);
    return new PublishedDiscardFilter().isLoggable(record);
  }

  private static final String CONSUMER = "io.vertx.core.eventbus.impl.MessageConsumerImpl";
  private static final String DISCARD = "Discarding message since the consumer is not registered. address: ";

  @Test
  void aDiscardedPublicationIsHidden() {
    assertFalse(shown(CONSUMER, DISCARD + "gamebus.rpfm.packs.status"));
    assertFalse(shown(CONSUMER, DISCARD + "gamebus.rpfm.packs.in"));
    assertFalse(shown(CONSUMER, DISCARD + "gamebus.faf.lobby.in.game_info"));
  }

  @Test
  void aDiscardedSendAndEverythingElseStillShow() {
    assertTrue(shown(CONSUMER, DISCARD + "gamebus.faf.lobby.out"));
    assertTrue(shown(CONSUMER, DISCARD + "gamebus.dfhack.fortress.handle.RunCommand"));
    assertTrue(shown(CONSUMER, "Discarding message as more than 1000 buffered in paused consumer. address: gamebus.faf.lobby.status"));
    assertTrue(shown("io.gamebus.badinput", DISCARD + "gamebus.faf.lobby.status"));
  }

  @Test
  void theStatusLogIsLeftToTheBusBelowSevere() {
    assertFalse(shown("io.gamebus.status", "faf.lobby: slow-consumer n1-1: write queue full"));
    LogRecord severe = new LogRecord(Level.SEVERE, "faf.lobby: something severe");
    severe.setLoggerName("io.gamebus.status");
    assertTrue(new PublishedDiscardFilter().isLoggable(severe));
  }
}
