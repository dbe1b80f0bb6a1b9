package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.LimitsConfig;
import io.gamebus.config.ListenerConfig;
import io.gamebus.config.Transport;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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

  /**
   * How long a WebSocket peer has to answer our close frame before its connection is cut, in
   * seconds (Vert.x's default is 10, which a stop paid once per listener in turn).
   */
  public static final int CLOSING_TIMEOUT_SECONDS = 3;
  private static final System.Logger LOG = System.getLogger(ServerListeners.class.getName());

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
     * Whole WebSocket text messages reach {@link ServerConnection#input} unchecked (default false:
     * a message that is not strict UTF-8 closes with 1007 first): for protocols that answer bad
     * UTF-8 themselves. Messages past {@code maxMessageBytes} close with 1009 either way.
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

  private final Vertx vertx;
  private final EndpointContext context;
  private final EndpointBus bus;
  private final Hooks<C> hooks;
  private final ConnectionTable<C> table;
  private final Limits limits;
  private final LimitsConfig config;
  private final List<String> listening = new ArrayList<>();
  private final ConnectionsChannel connectionsChannel;

  public ServerListeners(Vertx vertx, EndpointContext context, EndpointBus bus, Hooks<C> hooks) {
    this.vertx = vertx;
    this.context = context;
    this.bus = bus;
    this.hooks = hooks;
    this.config = context.config().limits();
    this.limits = Limits.of(config);
    this.table = new ConnectionTable<>(bus, config.maxConnections(), context.budget());
    this.connectionsChannel = new ConnectionsChannel(bus, table, context.registry());
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
   * fails naming the one that could not bind. The endpoint's {@code .connections} and
   * {@code .close} ({@link ConnectionsChannel}) answer from then until {@link #closeAll}.
   */
  public Future<List<String>> listen() {
    connectionsChannel.start();
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
    connectionsChannel.stop();
    java.util.Collection<C> open = table.all();
    return table.closeAll(status, reason).transform(done -> {
      // A WebSocket peer that never answers our close frame is cut after CLOSING_TIMEOUT_SECONDS.
      long cut = open.stream().filter(c -> c.link().closeDetail() != null
        && c.link().closeDetail().endsWith(ServerLink.NO_CLOSE_ANSWER)).count();
      String detail = cut == 0 ? null : cut + " WebSocket peer(s) did not answer the close within "
        + CLOSING_TIMEOUT_SECONDS + " s: their connections were cut";
      if (detail != null) {
        LOG.log(System.Logger.Level.WARNING, bus.protocol() + "." + bus.endpoint() + ": " + detail);
      }
      bus.state(StatusEvent.STOPPED, detail);
      return Future.<Void>succeededFuture();
    });
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
      .setMaxWebSocketFrameSize(config.maxFrameBytes()).setMaxWebSocketMessageSize(config.maxMessageBytes())
      .setWebSocketClosingTimeout(CLOSING_TIMEOUT_SECONDS)
      // HTTP/1.1 only: with h2c Vert.x waits for the first bytes to pick a protocol before the
      // connection exists, so a peer that sends nothing would escape PendingUpgrades.
      .setHttp2ClearTextEnabled(false));
    // The guard needs the actual port, known once bound; a peer can only arrive after that, but
    // possibly before listen()'s callback has run, so it is made on first use.
    WebGuard[] made = new WebGuard[1];
    java.util.function.Supplier<WebGuard> guard = () -> made[0] != null ? made[0]
      : (made[0] = new WebGuard(listener.host(), server.actualPort(), listener.allowedOrigins()));
    PendingUpgrades pending = new PendingUpgrades(vertx, table, config.upgradeTimeoutSeconds() * 1000L);
    server.connectionHandler(pending::accepted);
    server.webSocketHandshakeHandler(handshake -> handshake(handshake, listener, guard.get(), pending));
    server.webSocketHandler(this::acceptWebSocket);
    Handler<HttpServerRequest> requests;
    if (hooks.routes == null) {
      requests = hooks.plainHttp;
    } else {
      Router router = Router.router(vertx);
      router.route().handler(WebGuard.hostCheck(guard));
      hooks.routes.accept(router);
      router.route().handler(ctx -> hooks.plainHttp.handle(ctx.request()));
      requests = router;
    }
    server.requestHandler(request -> {
      String peer = String.valueOf(request.remoteAddress());
      pending.serving(peer);
      request.response().endHandler(v -> pending.served(peer));
      requests.handle(request);
    });
    return server.listen().recover(e -> Future.failedFuture(listenFailure("websocket", listener, e)))
      .map(s -> "ws://" + listener.host() + ":" + s.actualPort() + listener.path());
  }

  private void handshake(ServerWebSocketHandshake handshake, ListenerConfig listener, WebGuard guard,
                         PendingUpgrades pending) {
    String origin = handshake.headers().get("Origin");
    String peer = String.valueOf(handshake.remoteAddress());
    Integer refused;
    if (!pending.upgrading(peer)) {
      handshake.reject(503); // its connection was refused at accept or timed out: it holds no place
    } else if (!handshake.path().equals(listener.path())) {
      reject(handshake, 404, pending, peer);
    } else if (!guard.allowsOrigin(origin)) {
      table.refuse("origin " + origin + " is not allowed (" + handshake.remoteAddress() + ")");
      reject(handshake, 403, pending, peer);
    } else if ((refused = hooks.upgradeCheck.apply(handshake)) != null) {
      reject(handshake, refused, pending, peer);
    } else {
      // The place reserved at accept becomes the WebSocket's (ConnectionTable.add in open()).
      pending.upgraded(peer);
      handshake.accept().onFailure(e -> table.unreserve());
    }
  }

  /**
   * Refuses an upgrade; the connection stays open (kept alive), so like a served plain request it
   * must send its next request within {@code upgradeTimeoutSeconds}, or it would hold its place for ever.
   */
  private static void reject(ServerWebSocketHandshake handshake, int status, PendingUpgrades pending, String peer) {
    handshake.reject(status).onComplete(done -> pending.served(peer));
  }

  private void acceptWebSocket(ServerWebSocket socket) {
    C connection = open(Wire.webSocket(socket, config.maxPendingWriteBytes(), hooks.binaryFrames));
    WebSocketMessages messages = new WebSocketMessages(config.maxMessageBytes(), hooks.textAsBytes,
      new WebSocketMessages.Sink() {
        @Override public void text(Buffer message) { connection.input(message); }
        @Override public void binary(Buffer message) { connection.binaryInput(message); }
        @Override public void refuse(int status, String reason) { connection.link().reject("websocket: " + reason, status); }
      });
    socket.frameHandler(messages::frame);
    socket.exceptionHandler(e -> webSocketError(socket, connection, e));
    socket.closeHandler(v -> closed(connection));
  }

  /**
   * A frame the WebSocket layer refused (too large, or against the protocol) is the peer's bad
   * input: counted, and the socket closed with the status the RFC gives it (1009 message too big,
   * 1002 protocol error) rather than a normal 1000. Messages too large or not UTF-8 are refused by
   * {@link WebSocketMessages}. The end of the connection itself is reported by the close handler,
   * not as bad input.
   */
  private void webSocketError(ServerWebSocket socket, C connection, Throwable e) {
    if (e instanceof HttpClosedException) {
      return;
    }
    if (e instanceof java.io.IOException) {
      // A reset or broken pipe: the peer went away abruptly, which is an ordinary disconnect.
      bus.status(connection.id(), StatusEvent.CONNECTION_ERROR, e.getMessage());
      return;
    }
    if (e instanceof CorruptedWebSocketFrameException corrupted) {
      connection.link().reject("websocket: " + e.getMessage(), corrupted.closeStatus().code());
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
