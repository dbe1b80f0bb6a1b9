package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * The upstream's wire as a protocol's session sees it, with the client role's one write rule: a
 * write into a queue already past {@code maxPendingWriteBytes} means the upstream does not read
 * what we send, so the link is cut (and reopened by the {@link UpstreamLink}); one message into a
 * queue that is not full always fits, so one large request is never taken for a slow reader.
 * Each message queued is reported to the listener with its decoded view ({@link Outgoing}), which
 * the {@link UpstreamLink} publishes on {@code .sent}: sessions write through {@link #send}. Once
 * the link is closed (by either side) nothing more is queued or reported, so {@code .sent} never
 * shows a message that was not written.
 */
final class UpstreamWire implements Wire {

  private final Wire wire;
  private final UpstreamConnection.Listener listener;
  private boolean cut;
  /** Closed by us or ended by the upstream: later writes would go nowhere. */
  private boolean closed;

  UpstreamWire(Wire wire, UpstreamConnection.Listener listener) {
    this.wire = wire;
    this.listener = listener;
  }

  /** Bytes without a decoded view: on {@code .sent} as {@link Outgoing#UNLABELLED}; sessions use {@link #send}. */
  @Override
  public void write(Buffer encoded) {
    send(Outgoing.of(encoded));
  }

  /** Queues the message (unless the link is cut) and reports it; fails when it was not queued. */
  @Override
  public Future<Void> send(Outgoing message) {
    if (cut) {
      return Future.failedFuture("link closed: the upstream did not read what was sent to it");
    }
    if (closed) {
      return Future.failedFuture("link closed");
    }
    if (wire.writeQueueFull()) {
      cut = true;
      listener.slowConsumer("the upstream does not read what is sent to it: write queue full; link closed");
      wire.close();
      return Future.failedFuture("link closed: the upstream does not read what is sent to it");
    }
    Future<Void> queued = wire.send(message);
    listener.wrote(message);
    return queued;
  }

  @Override public String transport() { return wire.transport(); }
  @Override public String remoteAddress() { return wire.remoteAddress(); }
  @Override public String remoteHost() { return wire.remoteHost(); }
  @Override public boolean writeQueueFull() { return wire.writeQueueFull(); }
  /** The socket closed (whoever closed it): no more writes. */
  void ended() {
    closed = true;
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return wire.close();
  }

  @Override
  public Future<Void> close(int status, String reason) {
    closed = true;
    return wire.close(status, reason);
  }

  @Override public String closeDetail() { return wire.closeDetail(); }
  @Override public void pause() { wire.pause(); }
  @Override public void resume() { wire.resume(); }
}
