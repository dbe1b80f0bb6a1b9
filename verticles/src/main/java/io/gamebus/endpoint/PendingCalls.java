package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls one upstream connection has sent and not yet seen answered, in one of two strategies:
 * <ul>
 *   <li>{@link #fifo()}: replies carry no id (DFHack), so each reply answers the oldest call; a
 *       call keeps its place until answered or the connection ends, because skipping it would
 *       hand its reply to the next call.</li>
 *   <li>{@link #byId(Timers, long)}: the protocol gives each call an id and matches each reply by
 *       it (RPFM, Red); a call not answered in time is forgotten and its late reply ignored.</li>
 * </ul>
 * Not thread-safe: used on the connection's event loop.
 *
 * @param <A> what the protocol keeps with each call while it waits (e.g. the text seen on the way)
 * @param <R> a reply
 */
public final class PendingCalls<A, R> {

  /** One call waiting for its reply. */
  public record Call<A, R>(Object id, A attachment, Promise<R> promise) {
    public Future<R> future() {
      return promise.future();
    }
  }

  private final Map<Object, Call<A, R>> calls = new LinkedHashMap<>();
  private final Timers timers;
  private final long timeoutMs;
  private long nextSequence;

  private PendingCalls(Timers timers, long timeoutMs) {
    this.timers = timers;
    this.timeoutMs = timeoutMs;
  }

  /** Replies in the order of the calls. */
  public static <A, R> PendingCalls<A, R> fifo() {
    return new PendingCalls<>(null, 0);
  }

  /** Replies matched by id; a call is failed with {@code BusError.TIMEOUT} and forgotten after {@code timeoutMs}. */
  public static <A, R> PendingCalls<A, R> byId(Timers timers, long timeoutMs) {
    return new PendingCalls<>(timers, timeoutMs);
  }

  public boolean ordered() {
    return timers == null;
  }

  /** Adds a call at the end (FIFO; the id is assigned here). */
  public Call<A, R> add(A attachment) {
    if (!ordered()) {
      throw new IllegalStateException("calls matched by id need the protocol's id");
    }
    return put(nextSequence++, attachment);
  }

  /** Adds a call with the protocol's id; an id already waiting is refused. */
  public Call<A, R> add(Object id, A attachment) {
    if (ordered()) {
      throw new IllegalStateException("ordered calls take no id");
    }
    if (calls.containsKey(id)) {
      throw new IllegalArgumentException("a call with id " + id + " is already waiting");
    }
    Call<A, R> call = put(id, attachment);
    long timer = timers.set(timeoutMs, () -> {
      if (calls.remove(id, call)) {
        call.promise().tryFail(io.gamebus.bus.BusError.TIMEOUT.exception("no reply to call " + id + " in " + timeoutMs + " ms"));
      }
    });
    call.future().onComplete(done -> timers.cancel(timer));
    return call;
  }

  private Call<A, R> put(Object id, A attachment) {
    Call<A, R> call = new Call<>(id, attachment, Promise.promise());
    calls.put(id, call);
    return call;
  }

  /** The oldest call still waiting, or null. */
  public Call<A, R> oldest() {
    Iterator<Call<A, R>> it = calls.values().iterator();
    return it.hasNext() ? it.next() : null;
  }

  /** Answers the oldest call; false when none waits (the reply is unsolicited). */
  public boolean completeOldest(R reply) {
    Call<A, R> call = removeOldest();
    return call != null && call.promise().tryComplete(reply);
  }

  /** Fails the oldest call (its reply arrived but cannot be used); false when none waits. */
  public boolean failOldest(Throwable cause) {
    Call<A, R> call = removeOldest();
    return call != null && call.promise().tryFail(cause);
  }

  private Call<A, R> removeOldest() {
    Call<A, R> call = oldest();
    if (call != null) {
      calls.remove(call.id());
    }
    return call;
  }

  /** Answers the call with this id; false when none waits (unknown, or already timed out). */
  public boolean complete(Object id, R reply) {
    Call<A, R> call = calls.remove(id);
    return call != null && call.promise().tryComplete(reply);
  }

  /** Fails the call with this id; false when none waits. */
  public boolean fail(Object id, Throwable cause) {
    Call<A, R> call = calls.remove(id);
    return call != null && call.promise().tryFail(cause);
  }

  /** Fails every waiting call, oldest first (the connection ended). */
  public void failAll(Throwable cause) {
    List<Call<A, R>> all = new ArrayList<>(calls.values());
    calls.clear();
    for (Call<A, R> call : all) {
      call.promise().tryFail(cause);
    }
  }

  /** Calls sent and not answered. */
  public int size() {
    return calls.size();
  }
}
