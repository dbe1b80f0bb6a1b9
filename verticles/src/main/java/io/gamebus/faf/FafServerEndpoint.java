package io.gamebus.faf;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.codecs.faf.FafReader;
import io.gamebus.codecs.faf.FafStreamReader;
import io.gamebus.codecs.faf.FafWebSocketReader;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.ServerLink;
import io.gamebus.endpoint.ServerListeners;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FAF lobby in the server role: which codec, which connection class, which options, on the
 * shared listeners ({@link ServerListeners}); plus what the lobby does across connections: one
 * login per player, the 45 s heartbeat, {@code .out}. Runs on this verticle's event loop.
 */
public final class FafServerEndpoint extends EndpointVerticle implements OutRouter.Target {

  private final Map<Long, FafServerConnection> players = new HashMap<>();
  private FafOptions options;
  private FafAuthenticator authenticator;
  private ServerListeners<FafServerConnection> listeners;
  private OutRouter out;

  public FafServerEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = FafOptions.from(config);
    String key = config.auth().resolveKey(System::getenv).orElse(null);
    authenticator = FafAuthenticator.create(vertx, config.auth().jwtAlgorithm(), key,
      "The server has no token key configured (" + keySource() + ")");
    listeners = new ServerListeners<>(vertx, context, bus, new ServerListeners.Hooks<>(this::open)
      .binaryFrames(options.binaryFrames()).plainHttp(FafServerEndpoint::notAWebSocket));
    out = new OutRouter(bus, this, context.registry());
    out.start();
    return listeners.listen().onSuccess(listening -> {
      if (options.pingIntervalSeconds() > 0) {
        Outgoing ping = FafBusForm.outgoing(FafMessages.ping());
        vertx.setPeriodic(options.pingIntervalSeconds() * 1000L, t -> listeners.table().writeToAll(ping,
          FafServerConnection::authenticated));
      }
    });
  }

  @Override
  protected Future<?> stopEndpoint() {
    out.stop();
    return listeners.closeAll();
  }

  private static void notAWebSocket(HttpServerRequest request) {
    request.response().setStatusCode(426).putHeader("Upgrade", "websocket")
      .end("FAF lobby: connect with a WebSocket client\n");
  }

  private FafServerConnection open(ServerLink link, String transport) {
    int max = config.limits().maxMessageBytes();
    FafReader reader = "tcp".equals(transport) ? new FafStreamReader(max) : new FafWebSocketReader(max);
    return new FafServerConnection(link, this, reader);
  }

  private String keySource() {
    var auth = config.auth();
    return auth.keyEnv() != null ? "set " + auth.keyEnv() : auth.keyFile() != null ? "file " + auth.keyFile() : "auth.keyEnv";
  }

  /** A second login of the same player signs the first connection out, as the real server does. */
  void loggedIn(FafServerConnection connection) {
    FafServerConnection previous = players.put(connection.identity().id(), connection);
    if (previous != null && previous != connection) {
      previous.write(FafMessages.notice("kick", "You have been signed out because you signed in elsewhere."));
      previous.close();
    }
  }

  /** A connection left the table. */
  void signedOut(FafServerConnection connection) {
    if (connection.authenticated()) {
      players.remove(connection.identity().id(), connection);
    }
  }

  @Override
  public int writeTo(String connectionId, JsonObject message) {
    return listeners.table().writeTo(connectionId, encode(message));
  }

  /** Every logged-in connection, as the real server broadcasts to players only. */
  @Override
  public int writeToAll(JsonObject message) {
    return listeners.table().writeToAll(encode(message), FafServerConnection::authenticated);
  }

  /** Encodes once for however many connections receive it. */
  private Outgoing encode(JsonObject json) {
    Outgoing encoded;
    try {
      encoded = FafBusForm.outgoing(FafMessage.of(json));
    } catch (FafCodecException e) {
      throw BusError.BAD_MESSAGE.exception(e.getMessage());
    }
    if (encoded.length() > config.limits().maxMessageBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + config.limits().maxMessageBytes());
    }
    return encoded;
  }

  @Override
  public JsonObject details() {
    JsonObject details = new JsonObject().put("listeners", new JsonArray(listening()));
    if (authenticator != null && !authenticator.hasKey()) {
      details.put("warnings", new JsonArray().add("no token key configured (" + keySource()
        + "): every auth is answered authentication_failed"));
    }
    return details;
  }

  /** The actual listening addresses ({@code tcp://host:port}, {@code ws://host:port/path}). */
  public List<String> listening() { return listeners == null ? List.of() : listeners.listening(); }
  FafOptions options() { return options; }
  FafAuthenticator authenticator() { return authenticator; }
}
