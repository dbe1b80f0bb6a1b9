package io.gamebus.endpoint;

import io.vertx.core.json.JsonObject;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint. Written on the endpoint's event loop, read by the
 * {@code gamebus.endpoints} handler and {@code /metrics} on other threads, hence the atomics.
 * The call timers are the one part that is not kept here: {@code /metrics} plugs in its own
 * ({@link #timeCalls}); until then a call's time goes nowhere.
 */
public final class EndpointMetrics {

  /** Records how long one call took and how it ended (a closed set of outcomes, see the callers). */
  @FunctionalInterface
  public interface CallTimer {
    CallTimer NONE = (outcome, nanos) -> { };

    void record(String outcome, long nanos);
  }

  private final LongAdder in = new LongAdder();
  private final LongAdder out = new LongAdder();
  private final LongAdder badInput = new LongAdder();
  private final LongAdder opened = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder slowConsumers = new LongAdder();
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong pendingWrite = new AtomicLong();
  private final AtomicLong backlog = new AtomicLong();
  private volatile CallTimer requests = CallTimer.NONE;
  private volatile CallTimer handlerCalls = CallTimer.NONE;

  public void messageIn() { in.increment(); }
  public void messageOut() { out.increment(); }
  /** {@code count} messages written at once (one message fanned out to several peers). */
  public void messagesOut(long count) { out.add(count); }
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
  public long connectionsOpened() { return opened.sum(); }

  public long openConnections() { return open.get(); }
  public long messagesIn() { return in.sum(); }
  public long messagesOut() { return out.sum(); }
  public long badInputs() { return badInput.sum(); }

  /** Where the time of {@code .request} calls ({@link RequestChannel}) and handler calls ({@link HandlerCalls}) goes. */
  public void timeCalls(CallTimer requests, CallTimer handlerCalls) {
    this.requests = requests;
    this.handlerCalls = handlerCalls;
  }

  /** A {@code .request} call answered ({@code ok}) or failed ({@code error}) {@code nanos} after it arrived. */
  public void requestDone(String outcome, long nanos) {
    requests.record(outcome, nanos);
  }

  /** A call to a bus handler ended with {@code outcome} after {@code nanos}. */
  public void handlerCallDone(String outcome, long nanos) {
    handlerCalls.record(outcome, nanos);
  }

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
