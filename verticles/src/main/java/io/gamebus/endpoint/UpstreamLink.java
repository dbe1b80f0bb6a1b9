package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.ReconnectConfig;
import io.vertx.core.Future;

import java.util.function.Supplier;

/**
 * The client role's link to its upstream server, one state machine for every protocol:
 * {@code connecting} → {@code connected} (handshake done) → on loss {@code connection-closed} and
 * {@code reconnecting}; a failed attempt is {@code failed} then {@code reconnecting}; {@link #stop()}
 * is {@code stopped}. Each change is published on {@code .status}. Reconnects back off
 * exponentially with jitter; the backoff is reset only when the session says the connection
 * proved good, so a server that accepts and closes at once is not hammered.
 */
public final class UpstreamLink<M, S extends UpstreamSession<M>> {

  private final EndpointBus bus;
  private final UpstreamConnector connector;
  private final UpstreamProtocol<M, S> protocol;
  private final Timers timers;
  private final long handshakeTimeoutMs;
  private final Supplier<String> connectionIds;
  private final Reconnector reconnector;
  private boolean stopped;
  private UpstreamConnection<M, S> attempt;
  // Read by the gamebus.endpoints listing and by bus consumers, possibly from another thread.
  private volatile S session;
  private volatile String connectionId;

  /**
   * @param handshakeTimeoutMs how long a new connection may take to complete its handshake, in ms
   * @param connectionIds names each new connection (e.g. {@code n1-42})
   */
  public UpstreamLink(EndpointBus bus, UpstreamConnector connector, UpstreamProtocol<M, S> protocol,
                      ReconnectConfig reconnect, long handshakeTimeoutMs, Timers timers, Supplier<String> connectionIds) {
    this.bus = bus;
    this.connector = connector;
    this.protocol = protocol;
    this.timers = timers;
    this.handshakeTimeoutMs = handshakeTimeoutMs;
    this.connectionIds = connectionIds;
    this.reconnector = new Reconnector(timers, bus, reconnect);
  }

  /** Makes the first attempt; later ones follow by themselves until {@link #stop()}. */
  public void start() {
    connect();
  }

  public String url() {
    return connector.url();
  }

  /** The session of the connected link, or null while it is down. */
  public S session() {
    return session;
  }

  /** The id of the connected link's connection, or null while it is down. */
  public String connectionId() {
    return connectionId;
  }

  /** Announces {@code stopped}, cancels any scheduled attempt, ends the session and releases the clients. */
  public Future<Void> stop() {
    stopped = true;
    reconnector.stop();
    bus.state(StatusEvent.STOPPED, null);
    S current = session;
    if (current == null && attempt != null) {
      attempt.abort();
    }
    Future<Void> ending = current == null ? Future.succeededFuture() : current.shutdown();
    return ending.otherwiseEmpty().eventually(connector::close);
  }

  private void connect() {
    if (stopped) {
      return;
    }
    bus.state(StatusEvent.CONNECTING, connector.url());
    String id = connectionIds.get();
    attempt = UpstreamConnection.open(connector, protocol, id, timers, handshakeTimeoutMs, reconnector::reset,
        new UpstreamConnection.Listener() {
          @Override
          public void badInput(String detail) {
            bus.badInput(id, detail);
          }

          @Override
          public void closed() {
            disconnected(id);
          }

          @Override
          public void wrote(Outgoing message) {
            bus.metrics().messageOut();
            bus.sent(id, message, 0);
          }

          @Override
          public void slowConsumer(String detail) {
            bus.metrics().slowConsumer();
            bus.status(id, StatusEvent.SLOW_CONSUMER, detail);
          }
        });
    attempt.ready()
      .onSuccess(s -> connected(id, s))
      .onFailure(e -> {
        if (!stopped) {
          bus.state(StatusEvent.FAILED, e.getMessage());
          reconnector.schedule(this::connect);
        }
      });
  }

  private void connected(String id, S s) {
    if (stopped) {
      s.shutdown();
      return;
    }
    session = s;
    connectionId = id;
    bus.metrics().connectionOpened();
    bus.state(StatusEvent.CONNECTED, connector.url());
  }

  private void disconnected(String id) {
    if (!id.equals(connectionId)) {
      return; // an attempt that never connected: its failure already scheduled the next one
    }
    session = null;
    connectionId = null;
    bus.metrics().connectionClosed();
    bus.status(id, StatusEvent.CONNECTION_CLOSED, null);
    reconnector.schedule(this::connect);
  }
}
