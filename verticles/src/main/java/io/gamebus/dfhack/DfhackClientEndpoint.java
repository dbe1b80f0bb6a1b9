package io.gamebus.dfhack;

import io.gamebus.bus.StatusEvent;
import io.gamebus.bus.BusError;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.config.EndpointConfig;
import io.gamebus.endpoint.Reconnector;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.RunningEndpoint;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.net.URI;

/**
 * DFHack's Remote Interface in the client role: connects to DFHack ({@code tcp://host:port}),
 * answers {@code .request} calls ({@link DfhackRequests}), publishes TEXT notifications on
 * {@code .in} (type {@code text}) and every completed call (type = method), and reconnects with
 * exponential backoff and jitter; method ids are bound again on each new connection.
 */
public final class DfhackClientEndpoint extends VerticleBase implements RunningEndpoint {

  private final EndpointContext context;
  private final EndpointConfig config;
  private EndpointBus bus;
  private DfhackOptions options;
  private NetClient client;
  private Reconnector reconnector;
  private URI url;
  private MessageConsumer<Object> requests;
  private volatile DfhackClientConnection connection;
  private volatile String connectionId;

  public DfhackClientEndpoint(EndpointContext context) {
    this.context = context;
    this.config = context.config();
  }

  @Override
  public Future<?> start() {
    bus = context.newBus(vertx);
    options = DfhackOptions.from(config);
    url = URI.create(config.url());
    if (!"tcp".equals(url.getScheme())) {
      return Future.failedFuture(config.path() + ".url: DFHack speaks TCP only (tcp://host:port)");
    }
    client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(10_000));
    reconnector = new Reconnector(vertx, bus, config.reconnect());
    DfhackRequests handler = new DfhackRequests(this);
    requests = bus.eventBus().consumer(bus.addresses().request(), handler::handle);
    context.registry().add(this, "client");
    connect();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    reconnector.stop();
    context.registry().remove(this);
    requests.unregister();
    DfhackClientConnection c = connection;
    bus.state(StatusEvent.STOPPED, null);
    return (c == null ? Future.<Void>succeededFuture() : c.quit()).eventually(client::close);
  }

  private void connect() {
    bus.state(StatusEvent.CONNECTING, config.url());
    String id = context.node().nextConnectionId();
    int maxPayload = Math.min(RpcCodes.MAX_PAYLOAD, config.limits().maxMessageBytes());
    DfhackClientConnection.connect(client, url.getHost(), url.getPort(), maxPayload,
        text -> bus.publish(id, "text", new JsonObject().put("fragments", text)),
        closed -> disconnected(id))
      .onSuccess(c -> {
        connection = c;
        connectionId = id;
        reconnector.reset();
        bus.metrics().connectionOpened();
        bus.state(StatusEvent.CONNECTED, config.url());
      })
      .onFailure(e -> {
        bus.state(StatusEvent.FAILED, "connect " + config.url() + ": " + e.getMessage());
        scheduleReconnect();
      });
  }

  private void disconnected(String id) {
    if (!id.equals(connectionId)) {
      return; // a handshake that never completed: its failure already scheduled the reconnect
    }
    connection = null;
    connectionId = null;
    bus.metrics().connectionClosed();
    bus.status(id, StatusEvent.CONNECTION_CLOSED, null);
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    reconnector.schedule(this::connect);
  }


  /** The live connection, or a failure that says the link is down. */
  DfhackClientConnection connectionOrFail(Message<?> request) {
    DfhackClientConnection c = connection;
    if (c == null || c.isClosed()) {
      var failure = BusError.NOT_CONNECTED.exception("dfhack." + config.name() + " is not connected to " + config.url());
      request.fail(failure.failureCode(), failure.getMessage());
      return null;
    }
    return c;
  }

  String connectionId() { return connectionId; }
  io.vertx.core.Vertx vertx() { return vertx; }
  DfhackOptions options() { return options; }

  @Override
  public EndpointBus bus() { return bus; }

  @Override
  public java.util.List<String> writableChannels() { return java.util.List.of("request"); }

  @Override
  public JsonObject details() {
    return new JsonObject().put("url", config.url()).put("connection", connectionId);
  }
}
