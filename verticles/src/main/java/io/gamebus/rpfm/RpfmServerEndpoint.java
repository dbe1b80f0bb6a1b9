package io.gamebus.rpfm;

import io.gamebus.bus.BusError;
import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.rpfm.RpfmCodec;
import io.gamebus.codecs.rpfm.RpfmCodecException;
import io.gamebus.codecs.rpfm.RpfmCommand;
import io.gamebus.codecs.rpfm.RpfmIds;
import io.gamebus.codecs.rpfm.RpfmResponse;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.HandlerCalls;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.ServerLink;
import io.gamebus.endpoint.ServerListeners;
import io.gamebus.endpoint.ServerSessions;
import io.gamebus.endpoint.Timers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * RPFM's server IPC in the server role: gamebus is {@code rpfm_server}. A WebSocket at {@code /ws}
 * (text frames, an optional {@code ?session_id=}), {@code GET /version} and {@code GET /sessions}
 * beside it ({@link RpfmHttp}), sessions that outlive their sockets ({@link ServerSessions}), every
 * command answered by the bus handler at {@code .handle.<Variant>}, and {@code .out} to push a
 * response-shaped message to a connection.
 */
public final class RpfmServerEndpoint extends EndpointVerticle implements OutRouter.Target {

  private RpfmOptions options;
  private RpfmCodec codec;
  private ServerSessions<Void> sessions;
  private HandlerCalls calls;
  private ServerListeners<RpfmServerConnection> listeners;
  private OutRouter out;

  public RpfmServerEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = RpfmOptions.from(config);
    codec = new RpfmCodec(config.limits().maxMessageBytes());
    sessions = new ServerSessions<>(Timers.of(vertx), options.sessionGraceSeconds() * 1000L, options.maxIdleSessions(),
      () -> null,
      (session, why) -> bus.status(null, StatusEvent.SESSION_ENDED, why, new JsonObject().put("session", session.id())));
    calls = new HandlerCalls(bus);
    RpfmHttp http = new RpfmHttp(this);
    listeners = new ServerListeners<>(vertx, context, bus, new ServerListeners.Hooks<>(this::open)
      .binaryFrames(false).upgradeCheck(handshake -> RpfmHttp.checkUpgrade(handshake.query()))
      .routes(http::routes).plainHttp(RpfmHttp::notFound));
    out = new OutRouter(bus, this, context.registry());
    out.start();
    return listeners.listen();
  }

  @Override
  protected Future<?> stopEndpoint() {
    out.stop();
    Future<Void> closing = listeners.closeAll();
    sessions.endAll("the endpoint stopped");
    return closing;
  }

  private RpfmServerConnection open(ServerLink link, String transport) {
    Long requested = RpfmHttp.requestedSession(link.wire().requestUri());
    ServerSessions.Attached<Void> attached = sessions.attach(requested);
    RpfmServerConnection connection = new RpfmServerConnection(link, this, attached.session());
    long id = attached.session().id();
    bus.status(link.id(), attached.resumed() ? StatusEvent.SESSION_RESUMED : StatusEvent.SESSION_STARTED,
      requested == null || attached.resumed() ? "session " + id : "session " + requested + " does not exist; new session " + id,
      new JsonObject().put("session", id));
    connection.greet();
    return connection;
  }

  /**
   * The response to one command: the handler's, or an {@code Error} naming the command when there
   * is none, it refused, failed or took too long. Never fails.
   */
  Future<RpfmResponse> answer(String connection, long session, RpfmCommand command) {
    String name = command.command();
    JsonObject body = command.toBus().put("session", session).put("id", RpfmIds.toJson(command.id()))
      .put("connection", connection).put("node", bus.nodeId());
    return calls.ask(connection, name, body, options.handlerTimeoutMs(), reply -> response(command.id(), reply))
      .map(outcome -> {
        if (outcome instanceof HandlerCalls.Answered<RpfmResponse> answered) {
          return answered.value();
        }
        if (outcome instanceof HandlerCalls.Refused<RpfmResponse> refused) {
          return RpfmResponse.error(command.id(), refused.text().isEmpty() ? name + " failed" : refused.text());
        }
        if (outcome instanceof HandlerCalls.Failed<RpfmResponse> failed) {
          return RpfmResponse.error(command.id(), "gamebus: the handler of " + name + " failed: "
            + failed.error().wireName() + ": " + failed.detail());
        }
        return RpfmResponse.error(command.id(), "gamebus: no bus handler answers " + name + " (nothing listens at "
          + bus.addresses().handle(name) + ")");
      });
  }

  /** A handler's reply ({@code {"variant", "value"}}) as a response with the command's id. */
  private static RpfmResponse response(long id, JsonObject reply) {
    try {
      return RpfmResponse.fromBus(id, reply);
    } catch (RpfmCodecException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** {@code .out}: a response-shaped message, {@code {"variant", "value"?, "id"?}} (id default 0). */
  private Outgoing encode(JsonObject message) {
    RpfmResponse response;
    try {
      Object id = message.getValue("id", 0L);
      long wireId = RpfmIds.fromJson(id);
      response = RpfmResponse.fromBus(wireId, message);
    } catch (RpfmCodecException | IllegalArgumentException e) {
      throw BusError.BAD_MESSAGE.exception(e.getMessage());
    }
    Outgoing encoded = RpfmBusForm.response(codec, response);
    if (encoded.length() > config.limits().maxMessageBytes()) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes > maxMessageBytes " + config.limits().maxMessageBytes());
    }
    return encoded;
  }

  @Override
  public int writeTo(String connection, JsonObject message) {
    return listeners.table().writeTo(connection, encode(message));
  }

  @Override
  public int writeToAll(JsonObject message) {
    return listeners.table().writeToAll(encode(message), c -> true);
  }

  @Override
  public JsonObject details() {
    return new JsonObject().put("listeners", new JsonArray(listening()))
      .put("sessions", sessions == null ? 0 : sessions.size());
  }

  /** Closes every connection, as a network drop would; their sessions wait for a reconnect. */
  Future<Void> dropConnections() {
    return onEventLoop(() -> listeners.table().closeAll());
  }

  /** Ends every session and closes every connection, as a restart of the server would. */
  Future<Void> endAllSessions() {
    return onEventLoop(() -> {
      sessions.endAll("ended on request");
      return listeners.table().closeAll();
    });
  }

  public List<String> listening() { return listeners == null ? List.of() : listeners.listening(); }
  RpfmOptions options() { return options; }
  RpfmCodec codec() { return codec; }
  ServerSessions<Void> sessions() { return sessions; }
  HandlerCalls calls() { return calls; }
}
