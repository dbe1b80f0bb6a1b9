package io.gamebus.bridge;

import io.vertx.core.Context;

import java.util.ArrayList;
import java.util.List;

/**
 * Coalesces flushes: sockets written to during a run of deliveries are flushed once, by a task
 * queued behind the deliveries already waiting on the event loop. Under load one flush (one
 * system call) carries many messages; when idle the task runs right after the one delivery, so
 * latency does not grow. Used on one event loop only.
 */
final class FlushBatch {

  /** Something with written but unflushed data. */
  interface Flushable {
    void flush();
  }

  private final Context context;
  private List<Flushable> dirty = new ArrayList<>();
  private boolean scheduled;

  FlushBatch(Context context) {
    this.context = context;
  }

  /** Remembers {@code socket} for the next flush; the caller marks each socket at most once per batch. */
  void add(Flushable socket) {
    dirty.add(socket);
    if (!scheduled) {
      scheduled = true;
      context.runOnContext(v -> flushAll());
    }
  }

  private void flushAll() {
    List<Flushable> sockets = dirty;
    dirty = new ArrayList<>(sockets.size());
    scheduled = false;
    for (Flushable socket : sockets) {
      socket.flush();
    }
  }
}
