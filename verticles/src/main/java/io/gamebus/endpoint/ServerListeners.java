package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.LimitsConfig;
import io.gamebus.config.ListenerConfig;
import io.gamebus.config.Transport;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The listeners of one server endpoint, built from its configuration: TCP and WebSocket, each
 * accepted socket admitted by the {@link ConnectionTable}, wrapped in a {@link ServerLink} with
 * the endpoint's limits and handed to the protocol's connection class. WebSocket listeners check
 * the path (404), capacity (503) and {@code Origin} (403); HTTP routes beside a WebSocket check
 * {@code Host} (403). Create and start it on the endpoint's event loop.
 */
public final class ServerListeners<C extends ServerConnection> {

  /** The protocol's choices; only {@code open} is required. */
  public static final class Hooks<C> {
    final BiFunction<ServerLink, String, C> open;
    boolean binaryFrames = true;
    boolean textAsBytes;
    Consumer<Router> routes;
    Handler<HttpServerRequest> plainHttp = request -> request.response().setStatusCode(404).end();
    Function<ServerWebSocketHandshake, Integer> upgradeCheck = handshake -> null;

    /** @param open builds the protocol's connection for a link ({@code transport} is tcp or websocket) */
    public Hooks(BiFunction<ServerLink, String, C> open) {
      this.open = open;
    }

    /** Binary (default) or text WebSocket frames for what is written. */
    public Hooks<C> binaryFrames(boolean binary) {
      this.binaryFrames = binary;
      return this;
    }

    /**
     * Whole WebSocket text messages as their raw bytes through {@link ServerConnection#input}
     * instead of decoded text through {@code textInput} (default false): for protocols that must
     * see bytes that are not UTF-8. Messages past {@code maxMessageBytes} close with 1009.
     */
    public Hooks<C> textAsBytes(boolean raw) {
      this.textAsBytes = raw;
      return this;
    }

    /** HTTP routes served beside every WebSocket listener (behind the Host check). */
    public Hooks<C> routes(Consumer<Router> routes) {
      this.routes = routes;
      return this;
    }

    /**
     * The protocol's own check of a WebSocket upgrade on the right path from an allowed origin
     * (e.g. its query parameters): an HTTP status to refuse it with, or null to accept it.
     */
    public Hooks<C> upgradeCheck(Function<ServerWebSocketHandshake, Integer> check) {
      this.upgradeCheck = check;
      return this;
    }

    /** The answer to an HTTP request that is not a WebSocket upgrade and no route took; default 404. */
    public Hooks<C> plainHttp(Handler<HttpServerRequest> answer) {
      this.plainHttp = answer;
      return this;
    }
  }

  /** RFC 6455 close status for a message past the size limit. */
  private static final int MESSAGE_TOO_BIG = 1009;

  private final Vertx vertx;
  private final EndpointContext context;
  private final EndpointBus bus;
  private final Hooks<C> hooks;
  private final ConnectionTable<C> table;
  private final Limits limits;
  private final LimitsConfig config;
  private final List<String> listening = new ArrayList<>();

  public ServerListeners(Vertx vertx, EndpointContext context, EndpointBus bus, Hooks<C> hooks) {
    this.vertx = vertx;
    this.context = context;
    this.bus = bus;
    this.hooks = hooks;
    this.config = context.config().limits();
    this.limits = Limits.of(config);
    this.table = new ConnectionTable<>(bus, config.maxConnections(), context.budget());
    AcceptPath.preload();
  }

  public ConnectionTable<C> table() {
    return table;
  }

  /** The actual addresses, e.g. {@code tcp://127.0.0.1:5000}, {@code ws://127.0.0.1:8003/}. */
  public List<String> listening() {
    return List.copyOf(listening);
  }

  /**
   * Binds every configured listener and announces {@code listening} with the actual addresses;
   * fails naming the one that could not bind.
   */
  public Future<List<String>> listen() {
    List<Future<String>> all = new ArrayList<>();
    for (ListenerConfig listener : context.config().listeners()) {
      all.add(listener.transport() == Transport.TCP ? listenTcp(listener) : listenWebSocket(listener));
    }
    return Future.all(all).map(done -> {
      all.forEach(f -> listening.add(f.result()));
      bus.state(StatusEvent.LISTENING, String.join(" ", listening));
      return listening();
    });
  }

  /**
   * Closes every connection, so their queued writes are flushed first, and announces
   * {@code stopped}; the servers themselves close with the verticle.
   */
  public Future<Void> closeAll() {
    return closeAll(-1, null);
  }

  /**
   * {@link #closeAll()} with a WebSocket close status, for protocols whose clients read it (a
   * Modrinth client reconnects after 1001 "going away", never after 1000).
   */
  public Future<Void> closeAll(int status, String reason) {
    Future<Void> closing = table.closeAll(status, reason);
    bus.state(StatusEvent.STOPPED, null);
    return closing;
  }

  private Future<String> listenTcp(ListenerConfig listener) {
    var server = vertx.createNetServer(new NetServerOptions()
      .setHost(listener.host()).setPort(listener.port()).setIdleTimeout(config.idleTimeoutSeconds()));
    server.connectHandler(this::acceptTcp);
    return server.listen().recover(e -> Future.failedFuture(listenFailure("tcp", listener, e)))
      .map(s -> "tcp://" + listener.host() + ":" + s.actualPort());
  }

  private void acceptTcp(NetSocket socket) {
    if (!table.reserve("tcp " + socket.remoteAddress())) {
      socket.close();
      return;
    }
    C connection = open(Wire.tcp(socket, config.maxPendingWriteBytes()));
    socket.handler(connection::input);
    socket.exceptionHandler(e -> bus.status(connection.id(), StatusEvent.CONNECTION_ERROR, e.getMessage()));
    socket.closeHandler(v -> closed(connection));
  }

  private Future<String> listenWebSocket(ListenerConfig listener) {
    var server = vertx.createHttpServer(new HttpServerOptions()
      .setHost(listener.host()).setPort(listener.port()).setIdleTimeout(config.idleTimeoutSeconds())
      .setMaxWebSocketFrameSize(config.maxFrameBytes()).setMaxWebSocketMessageSize(config.maxMessageBytes()));
    // The guard needs the actual port, known once bound; a peer can only arrive after that, but
    // possibly before listen()'s callback has run, so it is made on first use.
    WebGuard[] made = new WebGuard[1];
    java.util.function.Supplier<WebGuard> guard = () -> made[0] != null ? made[0]
      : (made[0] = new WebGuard(listener.host(), server.actualPort(), listener.allowedOrigins()));
    server.webSocketHandshakeHandler(handshake -> handshake(handshake, listener, guard.get()));
    server.webSocketHandler(this::acceptWebSocket);
    if (hooks.routes == null) {
      server.requestHandler(hooks.plainHttp);
    } else {
      Router router = Router.router(vertx);
      router.route().handler(WebGuard.hostCheck(guard));
      hooks.routes.accept(router);
      router.route().handler(ctx -> hooks.plainHttp.handle(ctx.request()));
      server.requestHandler(router);
    }
    return server.listen().recover(e -> Future.failedFuture(listenFailure("websocket", listener, e)))
      .map(s -> "ws://" + listener.host() + ":" + s.actualPort() + listener.path());
  }

  private void handshake(ServerWebSocketHandshake handshake, ListenerConfig listener, WebGuard guard) {
    String origin = handshake.headers().get("Origin");
    Integer refused;
    if (!handshake.path().equals(listener.path())) {
      handshake.reject(404);
    } else if (!guard.allowsOrigin(origin)) {
      table.refuse("origin " + origin + " is not allowed (" + handshake.remoteAddress() + ")");
      handshake.reject(403);
    } else if ((refused = hooks.upgradeCheck.apply(handshake)) != null) {
      handshake.reject(refused);
    } else if (!table.reserve("websocket " + handshake.remoteAddress())) {
      handshake.reject(503);
    } else {
      handshake.accept().onFailure(e -> table.unreserve());
    }
  }

  private void acceptWebSocket(ServerWebSocket socket) {
    C connection = open(Wire.webSocket(socket, config.maxPendingWriteBytes(), hooks.binaryFrames));
    if (hooks.textAsBytes) {
      socket.frameHandler(new RawMessages(config.maxMessageBytes(), connection::input, connection::binaryInput,
        size -> connection.link().reject("websocket: message of more than " + config.maxMessageBytes()
          + " bytes (maxMessageBytes)", MESSAGE_TOO_BIG)));
    } else {
      socket.binaryMessageHandler(connection::binaryInput);
      socket.textMessageHandler(connection::textInput);
    }
    socket.exceptionHandler(e -> webSocketError(socket, connection, e));
    socket.closeHandler(v -> closed(connection));
  }

  /**
   * A frame the WebSocket layer refused (too large, or against the protocol) is the peer's bad
   * input: counted, and the socket closed with the status the RFC gives it (1009 message too big,
   * 1002 protocol error) rather than a normal 1000. The same for a message whose fragments add up
   * to more than {@code maxMessageBytes}: Vert.x drops what it gathered and reports it, but would
   * deliver the message's remaining fragments as if they were a message of their own. The end of
   * the connection itself is reported by the close handler, not as bad input.
   */
  private void webSocketError(ServerWebSocket socket, C connection, Throwable e) {
    if (e instanceof HttpClosedException) {
      return;
    }
    if (e instanceof CorruptedWebSocketFrameException corrupted) {
      connection.link().reject("websocket: " + e.getMessage(), corrupted.closeStatus().code());
      return;
    }
    if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("max message size")) {
      connection.link().reject("websocket: " + e.getMessage(), MESSAGE_TOO_BIG);
      return;
    }
    bus.badInput(connection.id(), "websocket: " + e.getMessage());
  }

  private C open(Wire wire) {
    String id = context.node().nextConnectionId();
    @SuppressWarnings("unchecked") C[] self = (C[]) new ServerConnection[1];
    ServerLink link = new ServerLink(id, wire, bus, vertx, limits, () -> table.forget(self[0]));
    try {
      self[0] = hooks.open.apply(link, wire.transport());
    } catch (RuntimeException e) {
      // The reservation is given back and the socket closed: a broken hook must not leak a slot.
      table.unreserve();
      wire.close();
      throw e;
    }
    table.add(self[0], wire.transport() + " " + wire.remoteAddress());
    return self[0];
  }

  private void closed(C connection) {
    connection.link().markClosed();
    table.forget(connection);
    table.socketClosed();
  }

  private static String listenFailure(String transport, ListenerConfig listener, Throwable cause) {
    return "cannot listen on " + transport + " " + listener.host() + ":" + listener.port() + ": " + cause.getMessage();
  }
}
