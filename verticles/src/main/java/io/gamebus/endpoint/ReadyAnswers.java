package io.gamebus.endpoint;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Answers to a peer's own calls, written as they become ready, or kept (in that order) while the
 * connection's write queue is full and written when it has room again. Answers are not pushes: a
 * peer that reads is never cut off as a slow consumer for asking much at once; one that stops
 * reading still is, by the layer's write bound. Used on the endpoint's event loop.
 */
public final class ReadyAnswers<T> {

  private final ServerLink link;
  private final Consumer<T> write;
  private final ArrayDeque<T> ready = new ArrayDeque<>();

  /** Takes over the link's {@link ServerLink#whenWritable} action. */
  public ReadyAnswers(ServerLink link, Consumer<T> write) {
    this.link = link;
    this.write = write;
    link.whenWritable(this::drain);
  }

  /** Writes the answer now, or as soon as the earlier ones are out and there is room; dropped once closed. */
  public void answer(T answer) {
    if (link.isClosed()) {
      return;
    }
    if (ready.isEmpty() && link.writable()) {
      write.accept(answer);
    } else {
      ready.add(answer);
    }
  }

  private void drain() {
    while (!ready.isEmpty() && link.writable()) {
      write.accept(ready.poll());
    }
  }

  /** Forgets what waits (the connection closed). */
  public void clear() {
    ready.clear();
  }
}
