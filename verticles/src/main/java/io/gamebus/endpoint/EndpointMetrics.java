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
  private final AtomicLong pendingWrite = new AtomicLong();
  private final AtomicLong backlog = new AtomicLong();

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

  /** Output queued for this endpoint's peers and not yet handed to the OS changed by {@code bytes}. */
  public void pendingWrite(long bytes) { pendingWrite.addAndGet(bytes); }
  /** Decoded input waiting for its turn changed by {@code bytes}. */
  public void backlog(long bytes) { backlog.addAndGet(bytes); }

  /** Bytes queued for writing on every connection, now. */
  public long pendingWriteBytes() { return pendingWrite.get(); }
  /** Bytes of input decoded and waiting to be handled on every connection, now. */
  public long backlogBytes() { return backlog.get(); }
  public long slowConsumers() { return slowConsumers.sum(); }
  public long refusedConnections() { return refused.sum(); }

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
      .put("slowConsumers", slowConsumers.sum())
      .put("pendingWriteBytes", pendingWrite.get())
      .put("backlogBytes", backlog.get());
  }
}
