package io.gamebus.faf;

import io.gamebus.bus.StatusEvent;
import io.gamebus.bus.BusError;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafStreamReader;
import io.gamebus.config.EndpointConfig;
import io.gamebus.endpoint.Reconnector;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.RunningEndpoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The FAF lobby in the client role: connects to a real lobby, logs in with the configured token,
 * publishes every server message, writes what {@code .out} carries, answers pings, and
 * reconnects with exponential backoff and jitter. Each state change is published on
 * {@code .status}; while the link is down {@code .out} fails at once with {@code not_connected}.
 */
public final class FafClientEndpoint extends VerticleBase implements RunningEndpoint, OutRouter.Target {

  private final EndpointContext context;
  private final EndpointConfig config;
  private EndpointBus bus;
  private FafOptions options;
  private FafUpstreamLink link;
  private Reconnector reconnector;
  private OutRouter out;
  // Read by the gamebus.endpoints listing from another thread.
  private volatile FafClientSession session;

  public FafClientEndpoint(EndpointContext context) {
    this.context = context;
    this.config = context.config();
  }

  @Override
  public Future<?> start() {
    bus = context.newBus(vertx);
    options = FafOptions.from(config);
    // The real server pings every 45 s; three missed pings mean a half-open link.
    link = new FafUpstreamLink(vertx, config, 3 * options.pingIntervalSeconds());
    reconnector = new Reconnector(vertx, bus, config.reconnect());
    out = new OutRouter(bus, this, context.registry()::nodeIds);
    out.start();
    context.registry().add(this, "client");
    if (options.pingIntervalSeconds() > 0) {
      vertx.setPeriodic(options.pingIntervalSeconds() * 1000L, t -> {
        if (session != null) {
          session.pingIfIdle(options.pingIntervalSeconds() * 1000L);
        }
      });
    }
    connect();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    reconnector.stop();
    context.registry().remove(this);
    out.stop();
    Future<Void> closing = session == null ? Future.succeededFuture() : session.wire().close();
    bus.state(StatusEvent.STOPPED, null);
    return closing.eventually(link::close);
  }

  private void connect() {
    bus.state(StatusEvent.CONNECTING, link.url());
    String id = context.node().nextConnectionId();
    FafStreamReader reader = new FafStreamReader(config.limits().maxMessageBytes());
    FafClientSession[] current = new FafClientSession[1];
    link.connect(bytes -> read(current[0], reader, bytes), closed -> disconnected(current[0]))
      .onSuccess(wire -> {
        String token;
        try {
          // Read at each connect, so a rotated token file is picked up.
          token = config.auth().resolveToken(System::getenv).orElse(null);
        } catch (RuntimeException e) {
          bus.state(StatusEvent.FAILED, e.getMessage());
          wire.close();
          scheduleReconnect();
          return;
        }
        // The backoff is reset only once logged in: a server that accepts and then closes
        // (kick, ban, invalid) must not be reconnected to in a tight loop.
        current[0] = new FafClientSession(id, wire, bus, options, token, reconnector::reset);
        session = current[0];
        bus.metrics().connectionOpened();
        bus.state(StatusEvent.CONNECTED, link.url());
        session.start();
      })
      .onFailure(e -> {
        bus.state(StatusEvent.FAILED, "connect " + link.url() + ": " + e.getMessage());
        scheduleReconnect();
      });
  }

  private void read(FafClientSession s, FafStreamReader reader, Buffer bytes) {
    if (s == null || s.closed()) {
      return;
    }
    try {
      reader.feed(bytes, s::received);
    } catch (FafCodecException e) {
      // A server that sends garbage is dropped and reconnected to, like a broken link.
      bus.badInput(s.id(), e.reason() + ": " + e.getMessage());
      s.close();
    }
  }

  private void disconnected(FafClientSession s) {
    if (s == null) {
      return;
    }
    s.markClosed();
    bus.metrics().connectionClosed();
    bus.status(s.id(), StatusEvent.CONNECTION_CLOSED, null);
    if (session == s) {
      session = null;
    }
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    reconnector.schedule(this::connect);
  }


  @Override
  public int writeTo(String connection, JsonObject message) {
    FafClientSession s = session;
    if (s == null || !s.id().equals(connection)) {
      throw BusError.UNKNOWN_CONNECTION.exception(connection + " is not the current link of faf." + config.name());
    }
    return writeToAll(message);
  }

  @Override
  public int writeToAll(JsonObject json) {
    FafClientSession s = session;
    if (s == null || s.closed()) {
      throw BusError.NOT_CONNECTED.exception("faf." + config.name() + " is not connected to " + link.url());
    }
    FafMessage message;
    try {
      message = FafMessage.of(json);
    } catch (FafCodecException e) {
      throw BusError.BAD_MESSAGE.exception(e.getMessage());
    }
    if (!s.authenticated() && !message.allowedBeforeLogin()) {
      throw BusError.NOT_CONNECTED.exception("not logged in: only pre-login commands may be sent now");
    }
    Buffer encoded = FafEncoder.encode(message);
    if (encoded.length() > config.limits().maxMessageBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + config.limits().maxMessageBytes());
    }
    s.write(encoded);
    return 1;
  }

  @Override
  public EndpointBus bus() { return bus; }

  @Override
  public JsonObject details() {
    FafClientSession s = session;
    return new JsonObject().put("url", link.url())
      .put("connection", s == null ? null : s.id())
      .put("authenticated", s != null && s.authenticated());
  }
}
