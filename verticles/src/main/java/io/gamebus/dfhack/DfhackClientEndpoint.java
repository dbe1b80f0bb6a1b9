package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.RequestChannel;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnector;
import io.gamebus.endpoint.UpstreamLink;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.net.URI;

/**
 * DFHack's Remote Interface in the client role: connects to DFHack ({@code tcp://host:port}),
 * answers {@code .request} calls ({@link DfhackRequests} on the layer's {@link RequestChannel}),
 * publishes TEXT notifications on {@code .in} (type {@code text}) and every completed call (type =
 * method); the {@link UpstreamLink} reconnects, and method ids are bound again on each connection.
 */
public final class DfhackClientEndpoint extends EndpointVerticle {

  private UpstreamLink<DfhackClientConnection.Inbound, DfhackClientConnection> link;
  private RequestChannel<DfhackClientConnection, DfhackRequests.Call, DfhackRequests.Outcome> requests;

  public DfhackClientEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    DfhackOptions options = DfhackOptions.from(config);
    if (!"tcp".equals(URI.create(config.url()).getScheme())) {
      return Future.failedFuture(config.path() + ".url: DFHack speaks TCP only (tcp://host:port)");
    }
    int maxPayload = Math.min(RpcCodes.MAX_PAYLOAD, config.limits().maxMessageBytes());
    Timers timers = Timers.of(vertx);
    link = new UpstreamLink<>(bus,
      UpstreamConnector.of(vertx, config.url(), config.limits(), options.readIdleTimeoutSeconds()),
      DfhackClientConnection.protocol(maxPayload, (id, text) -> bus.publish(id, "text", new JsonObject().put("fragments", text))),
      config.reconnect(), options.handshakeTimeoutMs(), timers, context.node()::nextConnectionId);
    requests = new RequestChannel<>(bus, timers, options.requestTimeoutMs(), options.maxInFlight(), this::liveConnection,
      () -> "dfhack." + config.name() + " is not connected to " + config.url(), new DfhackRequests(bus));
    return requests.start().onSuccess(v -> link.start());
  }

  @Override
  protected Future<?> stopEndpoint() {
    return requests.stop().eventually(link::stop);
  }

  private DfhackClientConnection liveConnection() {
    DfhackClientConnection c = link.session();
    return c == null || c.isClosed() ? null : c;
  }

  @Override
  public java.util.List<String> writableChannels() { return java.util.List.of("request"); }

  @Override
  public JsonObject details() {
    return new JsonObject().put("url", config.url()).put("connection", link.connectionId());
  }
}
