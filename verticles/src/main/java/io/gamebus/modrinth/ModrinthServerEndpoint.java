package io.gamebus.modrinth;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.modrinth.ModrinthCodec;
import io.gamebus.codecs.modrinth.ModrinthCodecException;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.HandlerCalls;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.ServerLink;
import io.gamebus.endpoint.ServerListeners;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A Modrinth Hosting node ("Archon") in the server role: the REST token and power routes
 * ({@link ModrinthRoutes}) and the socket they hand out, on one HTTP listener (default
 * {@code 127.0.0.1:8091}); one {@link ModrinthServerConnection} per socket. {@code .out} writes an
 * event to the authenticated sockets of one server id (header {@code server}), of one connection
 * (header {@code connection}) or of all; a known event must have its shape.
 */
public final class ModrinthServerEndpoint extends EndpointVerticle implements OutRouter.Target {

  /** Header of {@code .out} that picks the sockets of one server id. */
  public static final String SERVER_HEADER = "server";
  /** Close status when the endpoint stops: "going away", so the official client reconnects. */
  static final int GOING_AWAY = 1001;

  private ModrinthOptions options;
  private ModrinthCodec codec;
  private ModrinthTokens tokens;
  private HandlerCalls calls;
  private ServerListeners<ModrinthServerConnection> listeners;
  private OutRouter out;
  private String apiTokenSource;
  private boolean hasApiToken;

  public ModrinthServerEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = ModrinthOptions.from(config);
    codec = new ModrinthCodec(config.limits().maxMessageBytes());
    String apiToken = config.auth().resolveToken(System::getenv).orElse(null);
    hasApiToken = apiToken != null;
    apiTokenSource = config.auth().tokenEnv() != null ? "set " + config.auth().tokenEnv()
      : config.auth().tokenFile() != null ? "file " + config.auth().tokenFile() : "auth.tokenEnv";
    tokens = ModrinthTokens.create(vertx, config.auth().resolveKey(System::getenv).orElse(null),
      options.tokenLifetimeSeconds());
    calls = new HandlerCalls(bus);
    ModrinthRoutes routes = new ModrinthRoutes(this, apiToken);
    listeners = new ServerListeners<>(vertx, context, bus, new ServerListeners.Hooks<>(this::open)
      .binaryFrames(false).routes(routes::routes)
      .upgradeCheck(handshake -> options.hosts(serverOf(handshake.uri())) ? null : 404));
    out = new OutRouter(bus, this, context.registry());
    out.start();
    return listeners.listen();
  }

  @Override
  protected Future<?> stopEndpoint() {
    out.stop();
    return listeners.closeAll(GOING_AWAY, "server endpoint stopping");
  }

  /** Closes every socket with {@code status}, as a dropped network or a restarting node would. */
  Future<Void> dropConnections(int status) {
    return onEventLoop(() -> listeners.table().closeAll(status, "dropped"));
  }

  private ModrinthServerConnection open(ServerLink link, String transport) {
    return new ModrinthServerConnection(link, this, serverOf(link.wire().requestUri()));
  }

  /** The {@code server} query parameter of the socket URL the token endpoint handed out. */
  static String serverOf(String uri) {
    int q = uri == null ? -1 : uri.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : uri.substring(q + 1).split("&")) {
      if (pair.startsWith("server=")) {
        return java.net.URLDecoder.decode(pair.substring("server=".length()), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /** The socket's path, as configured on the first WebSocket listener. */
  String socketPath() {
    return config.listeners().get(0).path();
  }

  long timer(long delayMs, Runnable action) {
    return vertx.setTimer(delayMs, t -> action.run());
  }

  void cancelTimer(long id) {
    if (id >= 0) {
      vertx.cancelTimer(id);
    }
  }

  private Outgoing encode(JsonObject event) {
    try {
      ModrinthCodec.validate(event);
    } catch (ModrinthCodecException e) {
      throw BusError.BAD_MESSAGE.exception(e.getMessage());
    }
    Outgoing encoded = ModrinthBusForm.outgoing(event);
    if (encoded.length() > config.limits().maxMessageBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + config.limits().maxMessageBytes());
    }
    return encoded;
  }

  @Override
  public int writeTo(String connection, JsonObject event) {
    ModrinthServerConnection target = listeners.table().get(connection);
    if (target != null && !target.authenticated()) {
      throw BusError.NOT_CONNECTED.exception(connection + " has not authenticated: it gets no events yet");
    }
    return listeners.table().writeTo(connection, encode(event));
  }

  @Override
  public int writeToAll(JsonObject event) {
    return listeners.table().writeToAll(encode(event), ModrinthServerConnection::authenticated);
  }

  @Override
  public int writeToAll(JsonObject event, MultiMap headers) {
    String server = headers.get(SERVER_HEADER);
    if (server == null) {
      return writeToAll(event);
    }
    return listeners.table().writeToAll(encode(event), c -> c.authenticated() && server.equals(c.serverId()));
  }

  @Override
  public JsonObject details() {
    JsonObject details = new JsonObject().put("listeners", new JsonArray(listening()))
      .put("serverIds", new JsonArray(options == null ? List.of() : options.serverIds()));
    List<String> warnings = new ArrayList<>();
    if (options != null && !hasApiToken) {
      warnings.add("no API token configured (" + apiTokenSource + "): every token request is answered 401");
    }
    if (!warnings.isEmpty()) {
      details.put("warnings", new JsonArray(warnings));
    }
    return details;
  }

  /** The actual listening addresses, e.g. {@code ws://127.0.0.1:8091/ws}. */
  public List<String> listening() { return listeners == null ? List.of() : listeners.listening(); }

  /** The base URL an official client's {@code archonBaseUrl} should name. */
  public String archonBaseUrl() {
    URI ws = URI.create(listening().get(0));
    return "http://" + ws.getHost() + ":" + ws.getPort();
  }

  ModrinthOptions options() { return options; }
  ModrinthCodec codec() { return codec; }
  ModrinthTokens tokens() { return tokens; }
  HandlerCalls calls() { return calls; }
}
