package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A socket without a network: writes stay pending until {@link #flush()}; records pause state. */
final class FakeWire implements Wire {

  final List<Outgoing> written = new ArrayList<>();
  private final Deque<Promise<Void>> pending = new ArrayDeque<>();
  boolean paused;
  boolean closed;

  @Override public String transport() { return "tcp"; }
  @Override public String remoteAddress() { return "127.0.0.1:1234"; }
  @Override public String remoteHost() { return "127.0.0.1"; }

  @Override
  public void write(Buffer encoded) {
    send(Outgoing.of(encoded));
  }

  @Override
  public Future<Void> send(Outgoing message) {
    written.add(message);
    Promise<Void> done = Promise.promise();
    pending.add(done);
    return done.future();
  }

  /** The peer read everything: every pending write completes. */
  void flush() {
    while (!pending.isEmpty()) {
      pending.poll().complete();
    }
  }

  @Override public boolean writeQueueFull() { return false; }

  @Override
  public Future<Void> close() {
    closed = true;
    return Future.succeededFuture();
  }

  @Override public void pause() { paused = true; }
  @Override public void resume() { paused = false; }
}
