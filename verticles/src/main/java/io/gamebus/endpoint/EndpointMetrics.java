package io.gamebus.endpoint;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint. Written on the endpoint's event loop, read by the
 * {@code gamebus.endpoints} handler on another thread, hence the atomics.
 */
public final class EndpointMetrics {

  private final LongAdder in = new LongAdder();
  private final LongAdder out = new LongAdder();
  private final LongAdder badInput = new LongAdder();
  private final LongAdder opened = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder slowConsumers = new LongAdder();
  private final AtomicLong open = new AtomicLong();

  public void messageIn() { in.increment(); }
  public void messageOut() { out.increment(); }
  public void badInput() { badInput.increment(); }
  /** A connection refused at accept time (limit reached). */
  public void refused() { refused.increment(); }
  /** A connection closed because it did not drain its write queue. */
  public void slowConsumer() { slowConsumers.increment(); }

  public void connectionOpened() {
    opened.increment();
    open.incrementAndGet();
  }

  public void connectionClosed() {
    open.decrementAndGet();
  }

  public long openConnections() { return open.get(); }
  public long messagesIn() { return in.sum(); }
  public long messagesOut() { return out.sum(); }
  public long badInputs() { return badInput.sum(); }

  public JsonObject toJson() {
    return new JsonObject()
      .put("in", in.sum())
      .put("out", out.sum())
      .put("badInput", badInput.sum())
      .put("connectionsOpened", opened.sum())
      .put("connectionsRefused", refused.sum())
      .put("slowConsumers", slowConsumers.sum());
  }
}
