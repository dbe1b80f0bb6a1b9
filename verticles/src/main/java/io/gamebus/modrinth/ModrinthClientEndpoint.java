package io.gamebus.modrinth;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.modrinth.ModrinthCodec;
import io.gamebus.codecs.modrinth.ModrinthCodecException;
import io.gamebus.codecs.modrinth.ModrinthEvent;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.MessageDecoder;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.RequestChannel;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnector;
import io.gamebus.endpoint.UpstreamHttp;
import io.gamebus.endpoint.UpstreamLink;
import io.gamebus.endpoint.UpstreamProtocol;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Modrinth Hosting in the client role, as the official {@code @modrinth/api-client} does it: before
 * each connection {@code GET {archonBaseUrl}/modrinth/v0/servers/{id}/ws} with the Modrinth token
 * gives a socket URL (scheme rules of modrinth.md §4) and a JWT; {@code auth} then
 * {@code auth-ok} is the handshake; renewal on {@code auth-expiring}/{@code auth-incorrect} fetches
 * a new JWT for the same socket. The layer's link reconnects with backoff (fetching a new token)
 * after any close but our own. {@code .out} sends {@code command} (and events Modrinth may add);
 * {@code .request} {@code {"power": "Start"|"Stop"|"Restart"|"Kill"}} calls the REST power
 * endpoint and replies {@code {"status": 204}}, or fails with the HTTP status and Archon's text.
 */
public final class ModrinthClientEndpoint extends EndpointVerticle implements OutRouter.Target {

  private static final int MAX_REST_BYTES = 64 * 1024;

  private ModrinthOptions options;
  private ModrinthCodec codec;
  private UpstreamHttp http;
  private UpstreamLink<ModrinthClientSession.Inbound, ModrinthClientSession> link;
  private RequestChannel<ModrinthClientSession, String, UpstreamHttp.Response> requests;
  private OutRouter out;
  private String base;
  /** The JWT fetched with the socket URL, for the session that the connection becomes. */
  private String fetchedToken;

  public ModrinthClientEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = ModrinthOptions.from(config);
    codec = new ModrinthCodec(config.limits().maxMessageBytes());
    base = config.url().replaceAll("/+$", "");
    http = new UpstreamHttp(vertx, options.requestTimeoutMs(), MAX_REST_BYTES);
    Timers timers = Timers.of(vertx);
    link = new UpstreamLink<>(bus, UpstreamConnector.resolving(vertx, this::shown, this::fetchSocket, config.limits(),
      options.readIdleTimeoutSeconds()), new Protocol(), config.reconnect(), options.authTimeoutMs(), timers,
      context.node()::nextConnectionId);
    requests = new RequestChannel<>(bus, timers, options.requestTimeoutMs(), 16, link::session,
      () -> "modrinth." + config.name() + " is not connected to " + shown(), new PowerRequests());
    out = new OutRouter(bus, this, context.registry());
    out.start();
    return requests.start().onSuccess(v -> link.start());
  }

  @Override
  protected Future<?> stopEndpoint() {
    out.stop();
    return requests.stop().eventually(link::stop).eventually(http::close);
  }

  private String shown() {
    return base + " (server " + options.serverId() + ")";
  }

  private String serverUrl(String tail) {
    return base + "/modrinth/v0/servers/" + options.serverId() + tail;
  }

  /** The Modrinth token, read at each use so a rotated token file is picked up; never logged. */
  private String modrinthToken() {
    return config.auth().resolveToken(System::getenv).orElse(null);
  }

  /** {@code {url, token}} from the token endpoint; the socket URL after the scheme rules. */
  private Future<String> fetchSocket() {
    return fetchAuth().map(auth -> {
      fetchedToken = auth.getString("token");
      return ModrinthUrls.socketUrl(auth.getString("url"));
    });
  }

  private Future<String> freshToken() {
    return fetchAuth().map(auth -> auth.getString("token"));
  }

  private Future<JsonObject> fetchAuth() {
    String token = modrinthToken();
    if (token == null) {
      return Future.failedFuture("no Modrinth token configured (auth.tokenEnv / auth.tokenFile)");
    }
    return http.request(HttpMethod.GET, serverUrl("/ws"), token, null).compose(response -> {
      if (!response.ok()) {
        return Future.failedFuture("token endpoint answered " + response.status() + ": " + describe(response));
      }
      JsonObject auth = response.json();
      if (!(auth.getValue("url") instanceof String) || !(auth.getValue("token") instanceof String)) {
        return Future.failedFuture("token endpoint answered without url and token");
      }
      return Future.succeededFuture(auth);
    });
  }

  /** Archon's error text: {@code description} or {@code error} of a JSON body, else the status alone. */
  private static String describe(UpstreamHttp.Response response) {
    try {
      JsonObject body = response.json();
      return body.getString("description", body.getString("error", "HTTP " + response.status()));
    } catch (IllegalStateException e) {
      return "HTTP " + response.status();
    }
  }

  /** Modrinth's hooks on the upstream link: one event per text frame, an auth session per socket. */
  private final class Protocol implements UpstreamProtocol<ModrinthClientSession.Inbound, ModrinthClientSession> {

    @Override
    public MessageDecoder<ModrinthClientSession.Inbound> decoder() {
      // One bad frame is one lost event, as in the official client: handed on, not thrown.
      return (bytes, sink) -> {
        try {
          sink.accept(new ModrinthClientSession.Inbound(codec.decode(bytes), null));
        } catch (ModrinthCodecException e) {
          sink.accept(new ModrinthClientSession.Inbound(null, e));
        }
      };
    }

    @Override
    public ModrinthClientSession session(String connectionId, Wire wire, Runnable proven) {
      return new ModrinthClientSession(connectionId, wire, bus, options.serverId(), fetchedToken,
        ModrinthClientEndpoint.this::freshToken, proven);
    }
  }

  /** {@code .request}: the REST power endpoint. */
  private final class PowerRequests implements RequestChannel.Protocol<ModrinthClientSession, String, UpstreamHttp.Response> {

    @Override
    public String parse(JsonObject body) {
      Object action = body.getValue("power");
      if (!(action instanceof String a) || !ModrinthRoutes.POWER_ACTIONS.contains(a)) {
        throw BusError.BAD_MESSAGE.exception("the body must be {\"power\": \"Start\"|\"Stop\"|\"Restart\"|\"Kill\"}");
      }
      return a;
    }

    @Override
    public int inFlight(ModrinthClientSession session) {
      return 0; // bounded by the channel's timeout; power calls are rare
    }

    @Override
    public Future<UpstreamHttp.Response> call(ModrinthClientSession session, String action) {
      String token = modrinthToken();
      return http.request(HttpMethod.POST, serverUrl("/power"), token, new JsonObject().put("action", action));
    }

    @Override
    public JsonObject reply(String action, UpstreamHttp.Response response) {
      if (!response.ok()) {
        throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, response.status(), describe(response));
      }
      return new JsonObject().put("status", response.status());
    }

    @Override
    public ReplyException failure(String action, Throwable cause) {
      BusError error = cause instanceof java.net.ConnectException ? BusError.NOT_CONNECTED : BusError.BAD_REPLY;
      return error.exception("power " + action + ": " + cause.getMessage());
    }
  }

  /** {@code .out}: events for the server; {@code auth} is the endpoint's own, server events are not ours to send. */
  @Override
  public int writeToAll(JsonObject event) {
    ModrinthClientSession s = link.session();
    if (s == null || !s.authenticated()) {
      throw BusError.NOT_CONNECTED.exception("modrinth." + config.name() + " is not connected to " + shown());
    }
    String name = event.getValue("event") instanceof String e ? e : null;
    ModrinthEvent kind = name == null ? null : ModrinthEvent.of(name);
    if ("auth".equals(name) || (kind != null && !kind.fromClient())) {
      throw BusError.BAD_MESSAGE.exception(name + " is not sent by a client here (the endpoint authenticates itself)");
    }
    try {
      ModrinthCodec.validate(event);
    } catch (ModrinthCodecException e) {
      throw BusError.BAD_MESSAGE.exception(e.getMessage());
    }
    s.write(event);
    return 1;
  }

  @Override
  public int writeTo(String connection, JsonObject event) {
    ModrinthClientSession s = link.session();
    if (s == null || !s.id().equals(connection)) {
      throw BusError.UNKNOWN_CONNECTION.exception(connection + " is not the current link of modrinth." + config.name());
    }
    return writeToAll(event);
  }

  @Override
  public List<String> writableChannels() {
    return List.of("out", "request");
  }

  @Override
  public JsonObject details() {
    ModrinthClientSession s = link == null ? null : link.session();
    return new JsonObject().put("url", base).put("serverId", options == null ? null : options.serverId())
      .put("connection", s == null ? null : s.id()).put("authenticated", s != null && s.authenticated());
  }
}
