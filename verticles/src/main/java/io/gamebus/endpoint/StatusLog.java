package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.StatusLogLevels;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes an endpoint's {@code .status} events to the log ({@code io.gamebus.status}), each at its
 * level from {@code limits.statusLogLevels}: connections coming and going at debug, failures and
 * refusals at warning, lifecycle at info. A flood of connections cannot flood the log: the events
 * of the endpoint's connections share {@value #LINES_PER_SECOND} lines a second, and the endpoint's
 * own events (listening, reconnecting, failed) have {@value #LINES_PER_SECOND} more, so a flood
 * never hides them. Bad input is not logged here ({@link BadInputLog} does, once). The detail is
 * written as published, and no detail carries a secret: tokens and keys never reach
 * {@code .status}.
 */
public final class StatusLog {

  static final int LINES_PER_SECOND = 10;
  private static final System.Logger LOG = System.getLogger("io.gamebus.status");

  private final String endpoint;
  private final Map<StatusEvent, System.Logger.Level> levels = new EnumMap<>(StatusEvent.class);
  private final RateLimitedLog connections;
  private final RateLimitedLog own;

  /** @param endpoint {@code protocol.name}, as lines name it */
  public StatusLog(String endpoint, StatusLogLevels levels) {
    this(endpoint, levels, System::currentTimeMillis);
  }

  StatusLog(String endpoint, StatusLogLevels levels, LongSupplier clockMs) {
    this.endpoint = endpoint;
    for (StatusEvent event : StatusEvent.values()) {
      this.levels.put(event, event == StatusEvent.BAD_INPUT ? System.Logger.Level.OFF
        : RateLimitedLog.level(levels.level(event.wireName())));
    }
    this.connections = new RateLimitedLog(LOG, LINES_PER_SECOND, "connection event(s)", clockMs);
    this.own = new RateLimitedLog(LOG, LINES_PER_SECOND, "endpoint event(s)", clockMs);
  }

  /** One event, as {@link EndpointBus#status} publishes it; {@code connection} null for the endpoint's own. */
  public void log(String connection, StatusEvent event, String detail) {
    System.Logger.Level level = levels.get(event);
    if (level == System.Logger.Level.OFF) {
      return;
    }
    String line = endpoint + ": " + event.wireName() + (connection == null ? "" : " " + connection)
      + (detail == null ? "" : ": " + detail);
    (connection == null ? own : connections).log(level, line);
  }
}
