package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.config.EndpointConfig;
import io.gamebus.config.ListenerConfig;
import io.gamebus.config.Transport;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.RunningEndpoint;
import io.gamebus.endpoint.Wire;
import io.gamebus.examples.DfhackExampleCommands;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.ArrayList;
import java.util.HashMap;
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

  public DfhackServerEndpoint(EndpointContext context) {
    this.context = context;
    this.config = context.config();
  }

  @Override
  public Future<?> start() {
    bus = context.newBus(vertx);
    options = DfhackOptions.from(config);
    List<Future<String>> listeners = new ArrayList<>();
    for (ListenerConfig listener : config.listeners()) {
      if (listener.transport() != Transport.TCP) {
        return Future.failedFuture(config.path() + ".listeners: DFHack speaks TCP only");
      }
      listeners.add(listen(listener));
    }
    Future<?> examples = options.exampleCommands()
      ? vertx.deployVerticle(new DfhackExampleCommands(config.name())) : Future.succeededFuture();
    return Future.all(listeners).compose(all -> examples).map(v -> {
      listeners.forEach(f -> listening.add(f.result()));
      context.registry().add(this, "server");
      bus.state("listening", String.join(" ", listening));
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    context.registry().remove(this);
    List<Future<Void>> closing = new ArrayList<>();
    new ArrayList<>(connections.values()).forEach(c -> closing.add(c.close()));
    bus.state("stopped", null);
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
    DfhackServerConnection connection = new DfhackServerConnection(context.node().nextConnectionId(),
      Wire.tcp(socket, config.limits().maxPendingWriteBytes()), this, maxPayload);
    connections.put(connection.id(), connection);
    bus.metrics().connectionOpened();
    bus.status(connection.id(), "connection-opened", "tcp " + socket.remoteAddress());
    socket.handler(connection::bytes);
    socket.closeHandler(v -> {
      if (connections.remove(connection.id()) != null) {
        connection.markClosed();
        bus.metrics().connectionClosed();
        bus.status(connection.id(), "connection-closed", null);
      }
    });
  }

  /** The methods bus handlers registered for one plugin, by {@code plugin::method}. */
  Future<Map<String, JsonObject>> registeredMethods(String plugin) {
    return DfhackHandlers.signatures(vertx, bus.addresses()).compose(map -> map.entries()).map(entries -> {
      Map<String, JsonObject> methods = new HashMap<>();
      entries.forEach((name, signature) -> {
        if (name.startsWith(plugin + "::")) {
          methods.put(name, signature);
        }
      });
      return methods;
    });
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
