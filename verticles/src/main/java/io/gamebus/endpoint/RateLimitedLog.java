package io.gamebus.endpoint;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A logger that writes at most so many lines a second, so that a flood of peers cannot flood the
 * log; the first line written after some were left out says how many. Thread-safe: an endpoint's
 * connections may run on several event loops.
 */
final class RateLimitedLog {

  private final System.Logger logger;
  private final int linesPerSecond;
  private final String leftOutWhat;
  private final LongSupplier clockMs;
  private long windowStartMs;
  private int linesInWindow;
  private long leftOut;

  /** @param leftOutWhat what a left-out line was, for the count: "bad input(s)", "status event(s)" */
  RateLimitedLog(System.Logger logger, int linesPerSecond, String leftOutWhat, LongSupplier clockMs) {
    this.logger = logger;
    this.linesPerSecond = linesPerSecond;
    this.leftOutWhat = leftOutWhat;
    this.clockMs = clockMs;
  }

  /** A configured level name: {@code off}, {@code debug}, {@code warning}; anything else is info. */
  static System.Logger.Level level(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "off" -> System.Logger.Level.OFF;
      case "debug" -> System.Logger.Level.DEBUG;
      case "warning" -> System.Logger.Level.WARNING;
      default -> System.Logger.Level.INFO;
    };
  }

  /** Logs {@code line} at {@code level} unless this second's lines are used up. */
  void log(System.Logger.Level level, String line) {
    if (level == System.Logger.Level.OFF || !logger.isLoggable(level)) {
      return;
    }
    long skipped;
    synchronized (this) {
      long now = clockMs.getAsLong();
      if (now - windowStartMs >= 1000) {
        windowStartMs = now;
        linesInWindow = 0;
      }
      if (linesInWindow >= linesPerSecond) {
        leftOut++;
        return;
      }
      linesInWindow++;
      skipped = leftOut;
      leftOut = 0;
    }
    // Not a MessageFormat pattern: details are free text and may hold braces or quotes.
    logger.log(level, skipped == 0 ? line : line + " (" + skipped + " more " + leftOutWhat
      + " not logged before this one: at most " + linesPerSecond + " lines a second)");
  }
}
