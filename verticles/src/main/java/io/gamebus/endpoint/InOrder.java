package io.gamebus.endpoint;

import io.vertx.core.Future;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One connection's messages, handled strictly one after another as the real servers do. A
 * message whose handling is asynchronous (a token check, a bus handler) holds back those after
 * it: they wait here, counted in the link's backlog so that reading stops at its bound, and the
 * socket is not read meanwhile. With {@code whileWritable} the next message also waits while the
 * peer does not read the answers already written (back-pressure for request/answer protocols).
 * Used on the connection's event loop only.
 *
 * @param <M> a decoded message
 */
public final class InOrder<M> {

  /** Handles one message: null (or a completed future) when done at once, else when it is done. */
  @FunctionalInterface
  public interface Step<M> {
    Future<?> handle(M message);
  }

  private record Waiting<M>(M message, int bytes) {
  }

  private final ServerLink link;
  private final boolean whileWritable;
  private final Step<M> step;
  private final Deque<Waiting<M>> waiting = new ArrayDeque<>();
  private Runnable refill = () -> { };
  private boolean busy;
  private boolean ended;

  public InOrder(ServerLink link, boolean whileWritable, Step<M> step) {
    this.link = link;
    this.whileWritable = whileWritable;
    this.step = step;
    if (whileWritable) {
      link.whenWritable(this::drain);
    }
  }

  /** Run before each turn, e.g. to decode more of the input held undecoded while there is room. */
  public void refillWith(Runnable refill) {
    this.refill = refill;
  }

  /** A decoded message that came in {@code bytes} of input; handled by {@link #drain} in its turn. */
  public void add(M message, int bytes) {
    waiting.add(new Waiting<>(message, bytes));
    link.queued(bytes);
  }

  /**
   * No input after what is waiting will be handled (the stream broke): reading stops for good,
   * and what is waiting is still handled in order.
   */
  public void end() {
    ended = true;
    link.hold();
  }

  /**
   * Handles waiting messages in order. Those handled at once loop here; one that is asynchronous
   * stops reading and drains again from its completion, so a long pipeline never deepens the stack.
   */
  public void drain() {
    refill.run();
    while (ready() && !waiting.isEmpty()) {
      Waiting<M> next = waiting.poll();
      link.unqueued(next.bytes());
      refill.run();
      run(next.message());
    }
  }

  /**
   * Handles a message at once when nothing waits before it (the common case, which then costs no
   * queueing); false when it must wait its turn: {@link #add} it.
   */
  public boolean tryNow(M message) {
    if (!ready() || !waiting.isEmpty()) {
      return false;
    }
    run(message);
    return true;
  }

  private boolean ready() {
    return !busy && !link.isClosed() && (!whileWritable || link.writable());
  }

  private void run(M message) {
    Future<?> done = step.handle(message);
    if (done != null && !done.isComplete()) {
      busy = true;
      link.hold();
      done.onComplete(ignored -> {
        busy = false;
        drain();
        if (!busy && !ended) {
          link.release();
        }
      });
    }
  }

  /** The connection closed: what waits is dropped. */
  public void clear() {
    waiting.clear();
  }
}
