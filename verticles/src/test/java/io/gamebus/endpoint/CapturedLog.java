package io.gamebus.endpoint;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Everything one logger writes, at every level, until closed (the logger's level is reset then). */
final class CapturedLog extends Handler implements AutoCloseable {

  final List<LogRecord> lines = new CopyOnWriteArrayList<>();
  private final Logger logger;

  private CapturedLog(String name) {
    this.logger = Logger.getLogger(name);
    logger.addHandler(this);
    logger.setLevel(Level.ALL);
  }

  static CapturedLog of(String logger) {
    return new CapturedLog(logger);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record);
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    logger.removeHandler(this);
    logger.setLevel(null);
  }
}
