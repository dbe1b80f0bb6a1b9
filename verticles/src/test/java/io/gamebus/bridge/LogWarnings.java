package io.gamebus.bridge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what is logged at {@code WARNING} or above, anywhere. */
final class LogWarnings extends Handler implements AutoCloseable {
  final List<LogRecord> records = new CopyOnWriteArrayList<>();

  LogWarnings() {
    setLevel(Level.WARNING);
    Logger.getLogger("").addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
      records.add(record);
    }
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    Logger.getLogger("").removeHandler(this);
  }

  String describe() {
    StringBuilder out = new StringBuilder();
    records.forEach(r -> out.append(r.getLevel()).append(' ').append(r.getLoggerName()).append(": ")
      .append(r.getMessage()).append(r.getThrown() == null ? "" : " " + r.getThrown()).append('\n'));
    return out.toString();
  }
}
