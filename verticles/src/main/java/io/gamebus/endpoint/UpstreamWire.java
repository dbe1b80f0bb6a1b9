package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * The upstream's wire as a protocol's session sees it, with the client role's one write rule: a
 * write into a queue already past {@code maxPendingWriteBytes} means the upstream does not read
 * what we send, so the link is cut (and reopened by the {@link UpstreamLink}); one message into a
 * queue that is not full always fits, so one large request is never taken for a slow reader.
 */
final class UpstreamWire implements Wire {

  private final Wire wire;
  private final UpstreamConnection.Listener listener;
  private boolean cut;

  UpstreamWire(Wire wire, UpstreamConnection.Listener listener) {
    this.wire = wire;
    this.listener = listener;
  }

  @Override
  public void write(Buffer encoded) {
    if (cut) {
      return;
    }
    if (wire.writeQueueFull()) {
      cut = true;
      listener.slowConsumer("the upstream does not read what is sent to it: write queue full; link closed");
      wire.close();
      return;
    }
    wire.write(encoded);
    listener.wrote();
  }

  @Override public String transport() { return wire.transport(); }
  @Override public String remoteAddress() { return wire.remoteAddress(); }
  @Override public String remoteHost() { return wire.remoteHost(); }
  @Override public boolean writeQueueFull() { return wire.writeQueueFull(); }
  @Override public Future<Void> close() { return wire.close(); }
  @Override public Future<Void> close(int status, String reason) { return wire.close(status, reason); }
  @Override public String closeDetail() { return wire.closeDetail(); }
  @Override public void pause() { wire.pause(); }
  @Override public void resume() { wire.resume(); }
}
