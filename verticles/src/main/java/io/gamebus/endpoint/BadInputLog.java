package io.gamebus.endpoint;

import java.util.Locale;

/**
 * Writes one log line per bad input of an endpoint, so an operator sees hostile or broken peers
 * without subscribing to {@code .status}, but never floods the log: at most
 * {@value #LINES_PER_SECOND} lines a second per endpoint, after which the next line says how many
 * were left out. The detail is the protocol's own reason (never the input, so never a secret).
 * Thread-safe: an endpoint's connections may run on several event loops.
 */
public final class BadInputLog {

  static final int LINES_PER_SECOND = 10;
  private static final System.Logger LOG = System.getLogger("io.gamebus.badinput");

  private final String endpoint;
  private final System.Logger.Level level;
  private final java.util.function.LongSupplier clockMs;
  private long windowStartMs;
  private int linesInWindow;
  private long leftOut;

  /** @param level {@code off}, {@code debug}, {@code info} or {@code warning} (limits.badInputLogLevel) */
  public BadInputLog(String endpoint, String level) {
    this(endpoint, level, System::currentTimeMillis);
  }

  BadInputLog(String endpoint, String level, java.util.function.LongSupplier clockMs) {
    this.clockMs = clockMs;
    this.endpoint = endpoint;
    this.level = switch (level.toLowerCase(Locale.ROOT)) {
      case "off" -> System.Logger.Level.OFF;
      case "debug" -> System.Logger.Level.DEBUG;
      case "warning" -> System.Logger.Level.WARNING;
      default -> System.Logger.Level.INFO;
    };
  }

  /** One bad input on {@code connection} (null: the endpoint's own link). */
  public void log(String connection, String detail) {
    if (level == System.Logger.Level.OFF || !LOG.isLoggable(level)) {
      return;
    }
    long skipped;
    synchronized (this) {
      long now = clockMs.getAsLong();
      if (now - windowStartMs >= 1000) {
        windowStartMs = now;
        linesInWindow = 0;
      }
      if (linesInWindow >= LINES_PER_SECOND) {
        leftOut++;
        return;
      }
      linesInWindow++;
      skipped = leftOut;
      leftOut = 0;
    }
    String before = skipped == 0 ? "" : " (" + skipped + " more bad input(s) not logged before this one: at most "
      + LINES_PER_SECOND + " lines a second)";
    LOG.log(level, "{0}: bad input on {1}: {2}{3}", endpoint, connection == null ? "the upstream link" : connection,
      detail, before);
  }
}
