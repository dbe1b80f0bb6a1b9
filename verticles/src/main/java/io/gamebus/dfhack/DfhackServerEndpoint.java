package io.gamebus.dfhack;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.config.EndpointConfig;
import io.gamebus.config.ListenerConfig;
import io.gamebus.config.Transport;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.HandlerRegistry;
import io.gamebus.endpoint.RunningEndpoint;
import io.gamebus.endpoint.Wire;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DFHack's Remote Interface in the server role: TCP listeners (default 127.0.0.1:5000, like
 * DFHack's {@code allow_remote: false}), one {@link DfhackServerConnection} per client. The
 * protocol has no unsolicited messages, so this endpoint has no {@code .out}; calls are answered
 * by the built-ins and by bus handlers.
 */
public final class DfhackServerEndpoint extends VerticleBase implements RunningEndpoint {

  private final EndpointContext context;
  private final EndpointConfig config;
  private final Map<String, DfhackServerConnection> connections = new LinkedHashMap<>();
  private final List<String> listening = new ArrayList<>();
  private EndpointBus bus;
  private DfhackOptions options;
  private HandlerRegistry handlers;

  public DfhackServerEndpoint(EndpointContext context) {
    this.context = context;
    this.config = context.config();
  }

  @Override
  public Future<?> start() {
    bus = context.newBus(vertx);
    options = DfhackOptions.from(config);
    handlers = new HandlerRegistry(vertx); // no start-up state: a bind arriving first finds live entries
    List<Future<String>> listeners = new ArrayList<>();
    for (ListenerConfig listener : config.listeners()) {
      if (listener.transport() != Transport.TCP) {
        return Future.failedFuture(config.path() + ".listeners: DFHack speaks TCP only");
      }
      listeners.add(listen(listener));
    }
    return Future.all(listeners).map(all -> {
      listeners.forEach(f -> listening.add(f.result()));
      context.registry().add(this, "server");
      bus.state(StatusEvent.LISTENING, String.join(" ", listening));
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    context.registry().remove(this);
    List<Future<Void>> closing = new ArrayList<>();
    new ArrayList<>(connections.values()).forEach(c -> closing.add(c.close()));
    bus.state(StatusEvent.STOPPED, null);
    return Future.join(closing);
  }

  private Future<String> listen(ListenerConfig listener) {
    NetServer server = vertx.createNetServer(new NetServerOptions().setHost(listener.host()).setPort(listener.port())
      .setIdleTimeout(config.limits().idleTimeoutSeconds()));
    server.connectHandler(this::accept);
    return server.listen()
      .recover(e -> Future.failedFuture("cannot listen on tcp " + listener.host() + ":" + listener.port() + ": " + e.getMessage()))
      .map(s -> "tcp://" + listener.host() + ":" + s.actualPort());
  }

  private void accept(NetSocket socket) {
    if (connections.size() >= config.limits().maxConnections()) {
      bus.metrics().refused();
      socket.close();
      return;
    }
    // DFHack's own limit is 64 MiB; a lower maxMessageBytes applies when configured.
    int maxPayload = Math.min(RpcCodes.MAX_PAYLOAD, config.limits().maxMessageBytes());
    // Calls are answered one at a time, so at most one reply is queued: room for it plus the
    // slow-consumer margin, so one large legitimate RESULT is never taken for a slow reader.
    int queue = (int) Math.min(Integer.MAX_VALUE, (long) config.limits().maxPendingWriteBytes() + maxPayload + 64);
    DfhackServerConnection connection = new DfhackServerConnection(context.node().nextConnectionId(),
      Wire.tcp(socket, queue), this, maxPayload);
    connections.put(connection.id(), connection);
    bus.metrics().connectionOpened();
    bus.status(connection.id(), StatusEvent.CONNECTION_OPENED, "tcp " + socket.remoteAddress());
    socket.handler(connection::bytes);
    socket.exceptionHandler(e -> bus.status(connection.id(), StatusEvent.CONNECTION_ERROR, e.getMessage()));
    socket.closeHandler(v -> {
      if (connections.remove(connection.id()) != null) {
        connection.markClosed();
        bus.metrics().connectionClosed();
        bus.status(connection.id(), StatusEvent.CONNECTION_CLOSED, null);
      }
    });
  }

  /** The signature a live bus handler registered for that method, or null. */
  Future<MethodSignature> registered(MethodSignature method) {
    return DfhackHandlers.registered(handlers, bus.addresses(), method);
  }

  /** Whether any bus handler registered a method of that plugin. */
  Future<Boolean> pluginKnown(String plugin) {
    return DfhackHandlers.pluginKnown(handlers, bus.addresses(), plugin);
  }

  @Override
  public EndpointBus bus() { return bus; }

  @Override
  public java.util.List<String> writableChannels() { return List.of(); }

  @Override
  public JsonObject details() {
    return new JsonObject().put("listeners", new JsonArray(new ArrayList<>(listening)));
  }

  public List<String> listening() { return List.copyOf(listening); }
  DfhackOptions options() { return options; }
}
