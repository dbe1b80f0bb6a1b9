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

    /**
     * Input the connection could not use: refused by the decoder or past the WebSocket limits (the
     * connection is being closed), or dropped undecoded (binary frames of a text-only protocol; the
     * connection stays).
     */
    void badInput(String detail);

    /** The connection ended (before or after its handshake), whoever ended it. */
    void closed();

    /** One message was queued to the upstream, with its decoded view. */
    default void wrote(Outgoing message) {
    }

    /** The upstream did not read what was sent to it; the link is being closed. */
    default void slowConsumer(String detail) {
    }
  }

  private final UpstreamConnector connector;
  private final UpstreamProtocol<M, S> protocol;
  private final MessageDecoder<M> decoder;
  private final String id;
  private final Listener listener;
  private final Promise<S> ready = Promise.promise();
  private Timers timers;
  private long handshakeTimer = -1;
  /** The opened socket as the session writes to it: every close goes through it, so no write follows one. */
  private UpstreamWire wire;
  private S session;
  private boolean broken;
  private boolean aborted;

  private UpstreamConnection(UpstreamConnector connector, UpstreamProtocol<M, S> protocol, String id, Listener listener) {
    this.connector = connector;
    this.protocol = protocol;
    this.decoder = protocol.decoder();
    this.id = id;
    this.listener = listener;
  }

  /**
   * Connects and runs the session's handshake. {@link #ready()} succeeds with the session once the
   * handshake is done; it fails with a message naming the URL when the connection cannot be
   * opened, the protocol refuses it, the input is bad, the wire closes first, opening the connection
   * and the handshake together take longer than {@code handshakeTimeoutMs} or {@link #abort()} is
   * called.
   *
   * @param proven passed to the session: called once the connection has proved good
   */
  public static <M, S extends UpstreamSession<M>> UpstreamConnection<M, S> open(UpstreamConnector connector,
      UpstreamProtocol<M, S> protocol, String id, Timers timers, long handshakeTimeoutMs, Runnable proven,
      Listener listener) {
    UpstreamConnection<M, S> connection = new UpstreamConnection<>(connector, protocol, id, listener);
    connection.start(timers, handshakeTimeoutMs, proven);
    return connection;
  }

  /** The session once its handshake is done. */
  public Future<S> ready() {
    return ready.future();
  }

  /** Gives up an attempt still in progress: cancels its handshake timer and closes its wire. */
  public void abort() {
    aborted = true;
    if (ready.tryFail("stopped")) {
      cancelHandshakeTimer();
      if (wire != null) {
        wire.close();
      }
    }
  }

  private void start(Timers timers, long handshakeTimeoutMs, Runnable proven) {
    this.timers = timers;
    String url = connector.url();
    // The time bound covers opening the connection too: a WebSocket upgrade that is never
    // answered is bounded by nothing else (the connect timeout ends with the TCP handshake).
    handshakeTimer = timers.set(handshakeTimeoutMs, () -> {
      handshakeTimer = -1;
      if (ready.tryFail("handshake with " + url + " timed out after " + handshakeTimeoutMs + " ms") && wire != null) {
        wire.close();
      }
    });
    connector.connect(this::input, v -> ended(), listener::badInput).onComplete(opened -> {
      if (opened.failed()) {
        cancelHandshakeTimer();
        ready.tryFail("connect " + url + ": " + opened.cause().getMessage());
        return;
      }
      wire = new UpstreamWire(opened.result(), listener);
      if (aborted || ready.future().isComplete()) {
        wire.close(); // given up (stopped, or timed out) while the connection was being opened
        return;
      }
      try {
        session = protocol.session(id, wire, proven);
      } catch (RuntimeException e) {
        cancelHandshakeTimer();
        ready.tryFail(String.valueOf(e.getMessage()));
        wire.close();
        return;
      }
      session.handshake().onComplete(done -> {
        cancelHandshakeTimer();
        if (done.succeeded()) {
          ready.tryComplete(session);
        } else if (ready.tryFail("handshake with " + url + ": " + done.cause().getMessage())) {
          wire.close();
        }
      });
    });
  }

  private void cancelHandshakeTimer() {
    if (handshakeTimer != -1) {
      timers.cancel(handshakeTimer);
      handshakeTimer = -1;
    }
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
    cancelHandshakeTimer();
    if (wire != null) {
      wire.ended();
    }
    ready.tryFail("connection to " + connector.url() + " closed during the handshake");
    if (session != null) {
      session.closed("connection closed");
    }
    listener.closed();
  }
}
