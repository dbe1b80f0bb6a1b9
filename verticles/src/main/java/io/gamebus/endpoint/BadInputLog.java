package io.gamebus.endpoint;

/**
 * Writes one log line per bad input of an endpoint, so an operator sees hostile or broken peers
 * without subscribing to {@code .status}, but never floods the log: at most
 * {@value #LINES_PER_SECOND} lines a second per endpoint, after which the next line says how many
 * were left out. The detail is the protocol's own reason (never the input, so never a secret).
 */
public final class BadInputLog {

  static final int LINES_PER_SECOND = 10;
  private static final System.Logger LOG = System.getLogger("io.gamebus.badinput");

  private final String endpoint;
  private final System.Logger.Level level;
  private final RateLimitedLog log;

  /** @param level {@code off}, {@code debug}, {@code info} or {@code warning} (limits.badInputLogLevel) */
  public BadInputLog(String endpoint, String level) {
    this(endpoint, level, System::currentTimeMillis);
  }

  BadInputLog(String endpoint, String level, java.util.function.LongSupplier clockMs) {
    this.endpoint = endpoint;
    this.level = RateLimitedLog.level(level);
    this.log = new RateLimitedLog(LOG, LINES_PER_SECOND, "bad input(s)", clockMs);
  }

  /** One bad input on {@code connection} (null: the endpoint's own link). */
  public void log(String connection, String detail) {
    log.log(level, endpoint + ": bad input on " + (connection == null ? "the upstream link" : connection) + ": " + detail);
  }
}
