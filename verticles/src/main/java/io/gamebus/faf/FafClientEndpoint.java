package io.gamebus.faf;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafStreamReader;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.MessageDecoder;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnector;
import io.gamebus.endpoint.UpstreamLink;
import io.gamebus.endpoint.UpstreamProtocol;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.gamebus.endpoint.Outgoing;
import io.vertx.core.json.JsonObject;

/**
 * The FAF lobby in the client role: connects to a real lobby ({@code ws://}, {@code wss://} or
 * {@code tcp://}), logs in with the configured token, publishes every server message, writes what
 * {@code .out} carries and answers pings; the layer's {@link UpstreamLink} reconnects and publishes
 * each state change on {@code .status}. While the link is down {@code .out} fails at once with
 * {@code not_connected}. A server that sends bad input is dropped and reconnected to.
 */
public final class FafClientEndpoint extends EndpointVerticle implements OutRouter.Target {

  /** FAF has no handshake of its own: the link counts as connected once the socket is open. */
  private static final long HANDSHAKE_TIMEOUT_MS = 10_000;

  private FafOptions options;
  private UpstreamLink<FafMessage, FafClientSession> link;
  private OutRouter out;
  private long pinger = -1;

  public FafClientEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = FafOptions.from(config);
    link = new UpstreamLink<>(bus,
      UpstreamConnector.of(vertx, config.url(), config.limits(), options.readIdleTimeoutSeconds()),
      new Protocol(), config.reconnect(), HANDSHAKE_TIMEOUT_MS, Timers.of(vertx), context.node()::nextConnectionId);
    out = new OutRouter(bus, this, context.registry());
    out.start();
    if (options.pingIntervalSeconds() > 0) {
      pinger = vertx.setPeriodic(1000, t -> {
        FafClientSession session = link.session();
        if (session != null) {
          session.checkAlive(options.pingIntervalSeconds() * 1000L, options.pongTimeoutSeconds() * 1000L);
        }
      });
    }
    link.start();
    return Future.succeededFuture();
  }

  @Override
  protected Future<?> stopEndpoint() {
    out.stop();
    vertx.cancelTimer(pinger);
    return link.stop();
  }

  /** FAF's hooks on the upstream link: JSON lines in, one login session per connection. */
  private final class Protocol implements UpstreamProtocol<FafMessage, FafClientSession> {

    @Override
    public MessageDecoder<FafMessage> decoder() {
      // Inbound WebSocket frames may split or coalesce messages (bridge-era servers): one stream.
      FafStreamReader reader = new FafStreamReader(config.limits().maxMessageBytes());
      return (bytes, sink) -> {
        try {
          reader.feed(bytes, sink);
        } catch (FafCodecException e) {
          throw new MessageDecoder.BadInput(e.reason() + ": " + e.getMessage(), e);
        }
      };
    }

    @Override
    public FafClientSession session(String connectionId, Wire wire, Runnable proven) {
      // Read at each connect, so a rotated token file is picked up.
      String token = config.auth().resolveToken(System::getenv).orElse(null);
      return new FafClientSession(connectionId, wire, bus, options, token, proven);
    }
  }

  @Override
  public int writeTo(String connection, JsonObject message) {
    FafClientSession s = link.session();
    if (s == null || !s.id().equals(connection)) {
      throw BusError.UNKNOWN_CONNECTION.exception(connection + " is not the current link of faf." + config.name());
    }
    return writeToAll(message);
  }

  @Override
  public int writeToAll(JsonObject json) {
    FafClientSession s = link.session();
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
    Outgoing encoded = FafBusForm.outgoing(message);
    if (encoded.length() > config.limits().maxMessageBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + config.limits().maxMessageBytes());
    }
    s.write(encoded);
    return 1;
  }

  @Override
  public JsonObject details() {
    FafClientSession s = link.session();
    return new JsonObject().put("url", link.url())
      .put("connection", s == null ? null : s.id())
      .put("authenticated", s != null && s.authenticated());
  }
}
