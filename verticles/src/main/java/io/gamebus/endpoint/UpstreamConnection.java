package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;

/**
 * One connection to an upstream, for the {@link UpstreamLink} and for one-shot tools (the
 * {@code dfhack-run} mode): opens the wire, decodes its input into the protocol's session, bounds
 * the handshake in time, and closes on input that cannot be decoded.
 */
public final class UpstreamConnection<M, S extends UpstreamSession<M>> {

  /** What the owner of a connection hears about it. */
  public interface Listener {

    /** Input the decoder refused; the connection is being closed. */
    void badInput(String detail);

    /** The connection ended (before or after its handshake), whoever ended it. */
    void closed();
  }

  private final UpstreamConnector connector;
  private final UpstreamProtocol<M, S> protocol;
  private final MessageDecoder<M> decoder;
  private final String id;
  private final Listener listener;
  private final Promise<S> ready = Promise.promise();
  private Wire wire;
  private S session;
  private boolean broken;

  private UpstreamConnection(UpstreamConnector connector, UpstreamProtocol<M, S> protocol, String id, Listener listener) {
    this.connector = connector;
    this.protocol = protocol;
    this.decoder = protocol.decoder();
    this.id = id;
    this.listener = listener;
  }

  /**
   * Connects and runs the session's handshake. The future succeeds with the session once the
   * handshake is done; it fails with a message naming the URL when the connection cannot be
   * opened, the protocol refuses it, the input is bad, the wire closes first or the handshake
   * takes longer than {@code handshakeTimeoutMs}.
   *
   * @param proven passed to the session: called once the connection has proved good
   */
  public static <M, S extends UpstreamSession<M>> Future<S> open(UpstreamConnector connector,
      UpstreamProtocol<M, S> protocol, String id, Timers timers, long handshakeTimeoutMs, Runnable proven,
      Listener listener) {
    UpstreamConnection<M, S> connection = new UpstreamConnection<>(connector, protocol, id, listener);
    return connection.start(timers, handshakeTimeoutMs, proven);
  }

  private Future<S> start(Timers timers, long handshakeTimeoutMs, Runnable proven) {
    String url = connector.url();
    return connector.connect(this::input, v -> ended()).transform(opened -> {
      if (opened.failed()) {
        return Future.failedFuture("connect " + url + ": " + opened.cause().getMessage());
      }
      wire = opened.result();
      try {
        session = protocol.session(id, wire, proven);
      } catch (RuntimeException e) {
        wire.close();
        return Future.failedFuture(String.valueOf(e.getMessage()));
      }
      long timer = timers.set(handshakeTimeoutMs, () -> {
        if (ready.tryFail("handshake with " + url + " timed out after " + handshakeTimeoutMs + " ms")) {
          wire.close();
        }
      });
      session.handshake().onComplete(done -> {
        timers.cancel(timer);
        if (done.succeeded()) {
          ready.tryComplete(session);
        } else if (ready.tryFail("handshake with " + url + ": " + done.cause().getMessage())) {
          wire.close();
        }
      });
      return ready.future();
    });
  }

  private void input(Buffer bytes) {
    if (session == null || broken) {
      return;
    }
    try {
      decoder.decode(bytes, session::received);
    } catch (MessageDecoder.BadInput e) {
      // A stream that breaks its framing cannot be resynchronised: drop it, like a broken link.
      broken = true;
      listener.badInput(e.getMessage());
      ready.tryFail("bad input from " + connector.url() + ": " + e.getMessage());
      wire.close();
    }
  }

  private void ended() {
    ready.tryFail("connection to " + connector.url() + " closed during the handshake");
    if (session != null) {
      session.closed("connection closed");
    }
    listener.closed();
  }
}
