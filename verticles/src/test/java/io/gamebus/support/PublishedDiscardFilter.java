package io.gamebus.support;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * The test run's console filter (src/test/resources/logging.properties): drops Vert.x's
 * "Discarding message since the consumer is not registered" for the publish channels only
 * ({@code .status}, {@code .in}, {@code .in.<type>}, {@code .sent}, {@code .sent.<type>}). A node
 * stopping at a test's end publishes its last status events while the Vert.x instance closes the
 * test's own consumers; a publication has no sender waiting, so nothing is lost that anyone awaits.
 * A discard on any other address (a send or request to {@code .out}, {@code .request},
 * {@code .handle.*}) still shows: a sender may be waiting for it.
 * <p>
 * Also dropped: the status log ({@code io.gamebus.status}) below SEVERE. Each of its lines mirrors a
 * {@code .status} event, and tests provoke those on purpose and assert them on the bus; printed,
 * they were about a thousand lines of a full run (120 of them warnings). Tests that check the
 * status log itself attach their own handler, which this console filter does not affect.
 */
public final class PublishedDiscardFilter implements Filter {

  private static final Pattern PUBLISHED_DISCARD = Pattern.compile(
    "Discarding message since the consumer is not registered\\. address: .+\\.(status|in(\\..+)?|sent(\\..+)?)");

  @Override
  public boolean isLoggable(LogRecord record) {
    if ("io.gamebus.status".equals(record.getLoggerName())) {
      return record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue();
    }
    return !("io.vertx.core.eventbus.impl.MessageConsumerImpl".equals(record.getLoggerName())
      && record.getMessage() != null && PUBLISHED_DISCARD.matcher(record.getMessage()).matches());
  }
}
