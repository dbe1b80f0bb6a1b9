package io.gamebus.faf;

import io.gamebus.bus.StatusEvent;
import io.gamebus.bus.BusError;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.codecs.faf.FafStreamReader;
import io.gamebus.codecs.faf.FafWebSocketReader;
import io.gamebus.config.EndpointConfig;
import io.gamebus.config.LimitsConfig;
import io.gamebus.config.ListenerConfig;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.RunningEndpoint;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
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
 * The FAF lobby in the server role: TCP (JSON lines) and WebSocket listeners, one
 * {@link FafServerConnection} per client, {@code .out} routing, the 45 s heartbeat.
 * Everything runs on this verticle's event loop, so the connection tables need no locks.
 */
public final class FafServerEndpoint extends VerticleBase implements RunningEndpoint, OutRouter.Target {

  private final EndpointContext context;
  private final EndpointConfig config;
  private final Map<String, FafServerConnection> connections = new LinkedHashMap<>();
  private final Map<Long, FafServerConnection> players = new HashMap<>();
  private final List<String> listening = new ArrayList<>();
  private EndpointBus bus;
  private FafOptions options;
  private FafAuthenticator authenticator;
  private OutRouter out;

  public FafServerEndpoint(EndpointContext context) {
    this.context = context;
    this.config = context.config();
  }

  @Override
  public Future<?> start() {
    bus = context.newBus(vertx);
    options = FafOptions.from(config);
    String key = config.auth().resolveKey(System::getenv).orElse(null);
    authenticator = FafAuthenticator.create(vertx, config.auth().jwtAlgorithm(), key,
      "The server has no token key configured (" + keySource() + ")");
    out = new OutRouter(bus, this, context.registry()::nodeIds);
    out.start();
    List<Future<String>> listeners = new ArrayList<>();
    for (ListenerConfig listener : config.listeners()) {
      listeners.add(listener.transport() == io.gamebus.config.Transport.TCP ? listenTcp(listener) : listenWebSocket(listener));
    }
    return Future.all(listeners).map(all -> {
      listeners.forEach(f -> listening.add(f.result()));
      if (options.pingIntervalSeconds() > 0) {
        Buffer ping = FafEncoder.encode(FafMessages.ping());
        vertx.setPeriodic(options.pingIntervalSeconds() * 1000L, t -> pingAll(ping));
      }
      context.registry().add(this, "server");
      bus.state(StatusEvent.LISTENING, String.join(" ", listening));
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    // Listeners created in this verticle's context are closed by Vert.x on undeploy; the
    // connections are closed here so their queued writes are flushed first.
    context.registry().remove(this);
    out.stop();
    List<Future<Void>> closing = new ArrayList<>();
    new ArrayList<>(connections.values()).forEach(c -> closing.add(c.close()));
    bus.state(StatusEvent.STOPPED, null);
    return Future.join(closing);
  }

  private String keySource() {
    var auth = config.auth();
    return auth.keyEnv() != null ? "set " + auth.keyEnv() : auth.keyFile() != null ? "file " + auth.keyFile() : "auth.keyEnv";
  }

  private Future<String> listenTcp(ListenerConfig listener) {
    LimitsConfig limits = config.limits();
    NetServer server = vertx.createNetServer(new NetServerOptions()
      .setHost(listener.host()).setPort(listener.port()).setIdleTimeout(limits.idleTimeoutSeconds()));
    server.connectHandler(this::acceptTcp);
    return server.listen().recover(e -> Future.failedFuture(listenFailure("tcp", listener, e)))
      .map(s -> "tcp://" + listener.host() + ":" + s.actualPort());
  }

  private Future<String> listenWebSocket(ListenerConfig listener) {
    LimitsConfig limits = config.limits();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()
      .setHost(listener.host()).setPort(listener.port()).setIdleTimeout(limits.idleTimeoutSeconds())
      .setMaxWebSocketFrameSize(limits.maxFrameBytes()).setMaxWebSocketMessageSize(limits.maxFrameBytes()));
    server.webSocketHandshakeHandler(handshake -> handshake(handshake, listener));
    server.webSocketHandler(this::acceptWebSocket);
    server.requestHandler(request -> request.response().setStatusCode(426)
      .putHeader("Upgrade", "websocket").end("FAF lobby: connect with a WebSocket client\n"));
    return server.listen().recover(e -> Future.failedFuture(listenFailure("websocket", listener, e)))
      .map(s -> "ws://" + listener.host() + ":" + s.actualPort() + listener.path());
  }

  private static String listenFailure(String transport, ListenerConfig listener, Throwable cause) {
    return "cannot listen on " + transport + " " + listener.host() + ":" + listener.port() + ": " + cause.getMessage();
  }

  private void handshake(ServerWebSocketHandshake handshake, ListenerConfig listener) {
    if (!handshake.path().equals(listener.path())) {
      handshake.reject(404);
    } else if (connections.size() >= config.limits().maxConnections()) {
      bus.metrics().refused();
      handshake.reject(503);
    } else {
      handshake.accept();
    }
  }

  private void acceptTcp(NetSocket socket) {
    if (connections.size() >= config.limits().maxConnections()) {
      bus.metrics().refused();
      socket.close();
      return;
    }
    FafServerConnection connection = open(Wire.tcp(socket, config.limits().maxPendingWriteBytes()));
    FafStreamReader reader = new FafStreamReader(config.limits().maxMessageBytes());
    socket.handler(chunk -> connection.read(reader, chunk));
    socket.closeHandler(v -> forget(connection));
  }

  private void acceptWebSocket(ServerWebSocket socket) {
    FafServerConnection connection = open(Wire.webSocket(socket, config.limits().maxPendingWriteBytes(),
      options.binaryFrames()));
    FafWebSocketReader reader = new FafWebSocketReader(config.limits().maxMessageBytes());
    socket.binaryMessageHandler(frame -> connection.read(reader, frame));
    socket.textMessageHandler(text -> connection.read(reader, Buffer.buffer(text)));
    socket.exceptionHandler(e -> bus.badInput(connection.id(), "websocket: " + e.getMessage()));
    socket.closeHandler(v -> forget(connection));
  }

  private FafServerConnection open(Wire wire) {
    FafServerConnection connection = new FafServerConnection(context.node().nextConnectionId(), wire, this, vertx);
    connections.put(connection.id(), connection);
    connection.opened(config.limits().loginTimeoutSeconds());
    return connection;
  }

  /** Drops a connection from the tables; called when it closes, or as soon as we close it. */
  void forget(FafServerConnection connection) {
    if (connections.remove(connection.id()) != null) {
      if (connection.authenticated()) {
        players.remove(connection.identity().id(), connection);
      }
      connection.closed();
    }
  }

  /** A second login of the same player signs the first connection out, as the real server does. */
  void loggedIn(FafServerConnection connection) {
    FafServerConnection previous = players.put(connection.identity().id(), connection);
    if (previous != null && previous != connection) {
      previous.write(FafMessages.notice("kick", "You have been signed out because you signed in elsewhere."));
      previous.close();
    }
  }

  private void pingAll(Buffer ping) {
    for (FafServerConnection connection : new ArrayList<>(connections.values())) {
      if (connection.authenticated()) {
        connection.write(ping);
      }
    }
  }

  @Override
  public int writeTo(String connectionId, JsonObject message) {
    FafServerConnection connection = connections.get(connectionId);
    if (connection == null) {
      throw BusError.UNKNOWN_CONNECTION.exception(connectionId + " is not a connection of faf." + config.name());
    }
    if (!connection.write(encode(message))) {
      throw BusError.SLOW_CONSUMER.exception(connectionId + " was dropped: it does not read what is sent to it");
    }
    return 1;
  }

  /** Every logged-in connection, as the real server broadcasts to players only. */
  @Override
  public int writeToAll(JsonObject message) {
    Buffer encoded = encode(message);
    int written = 0;
    for (FafServerConnection connection : new ArrayList<>(connections.values())) {
      if (connection.authenticated() && connection.write(encoded)) {
        written++;
      }
    }
    return written;
  }

  /** Encodes once for however many connections receive it. */
  private Buffer encode(JsonObject json) {
    Buffer encoded;
    try {
      encoded = FafEncoder.encode(FafMessage.of(json));
    } catch (FafCodecException e) {
      throw BusError.BAD_MESSAGE.exception(e.getMessage());
    }
    if (encoded.length() > config.limits().maxMessageBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + config.limits().maxMessageBytes());
    }
    return encoded;
  }

  @Override
  public EndpointBus bus() { return bus; }

  @Override
  public JsonObject details() {
    JsonObject details = new JsonObject().put("listeners", new JsonArray(new ArrayList<>(listening)));
    if (authenticator != null && !authenticator.hasKey()) {
      details.put("warnings", new JsonArray().add("no token key configured (" + keySource()
        + "): every auth is answered authentication_failed"));
    }
    return details;
  }

  /** The actual listening addresses ({@code tcp://host:port}, {@code ws://host:port/path}). */
  public List<String> listening() { return List.copyOf(listening); }
  FafOptions options() { return options; }
  int maxMessagesPerSecond() { return config.limits().maxMessagesPerSecond(); }
  FafAuthenticator authenticator() { return authenticator; }
}
