package io.gamebus.rpfm;

import io.gamebus.bus.BusError;
import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.rpfm.RpfmCodec;
import io.gamebus.codecs.rpfm.RpfmCodecException;
import io.gamebus.codecs.rpfm.RpfmCommand;
import io.gamebus.codecs.rpfm.RpfmResponse;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.MessageDecoder;
import io.gamebus.endpoint.RequestChannel;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnector;
import io.gamebus.endpoint.UpstreamLink;
import io.gamebus.endpoint.UpstreamProtocol;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * RPFM in the client role: drives a real {@code rpfm_server} (default
 * {@code ws://127.0.0.1:45127/ws}). {@code .request} takes {@code {"command": "ClosePack", "args":
 * "my.pack"}} and replies with the response in the bus form {@code {"variant", "value"?}}; the
 * server's {@code {"Error": text}} fails the request with code {@value #ERROR_CODE} and the text.
 * After a drop the link reconnects with {@code ?session_id=} of the last session, so the server's
 * state survives; {@code session-lost} says when it did not. {@code Exit} is never sent; on stop,
 * {@code ClientDisconnecting} is sent and the socket closed without waiting for its answer.
 */
public final class RpfmClientEndpoint extends EndpointVerticle {

  /** The failure code of a request the RPFM server answered with {@code Error} (RPFM has no codes). */
  public static final int ERROR_CODE = 500;

  private RpfmOptions options;
  private RpfmCodec codec;
  private UpstreamLink<RpfmClientSession.Inbound, RpfmClientSession> link;
  private RequestChannel<RpfmClientSession, RpfmCommand, RpfmResponse> requests;
  private volatile long session = -1;
  private long nextId;
  private RpfmServerProbe probe;

  public RpfmClientEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = RpfmOptions.from(config);
    codec = new RpfmCodec(config.limits().maxMessageBytes());
    Timers timers = Timers.of(vertx);
    probe = new RpfmServerProbe(vertx, config.url(), bus);
    link = new UpstreamLink<>(bus, UpstreamConnector.resolving(vertx, this::url, this::resolve, config.limits(),
      options.readIdleTimeoutSeconds()), new Protocol(), config.reconnect(), options.handshakeTimeoutMs(), timers,
      context.node()::nextConnectionId);
    requests = new RequestChannel<>(bus, timers, options.requestTimeoutMs(), options.maxInFlight(), link::session,
      () -> "rpfm." + config.name() + " is not connected to " + link.url(), new Requests());
    return requests.start().onSuccess(v -> link.start());
  }

  @Override
  protected Future<?> stopEndpoint() {
    return requests.stop().eventually(link::stop).eventually(probe::close);
  }

  /**
   * Before each attempt, as the real UI does, asks {@code /version}: when the server process is new
   * (another pid, or nothing listened since the last connection), the session to resume is gone
   * even if the new process hands out the same id, so it is reported lost and not asked for.
   */
  private Future<String> resolve() {
    return probe.check().map(restarted -> {
      long last = session;
      if (restarted != null && last >= 0) {
        session = -1;
        bus.status(null, StatusEvent.SESSION_LOST, restarted + ": session " + Long.toUnsignedString(last)
          + " and its state are gone", new JsonObject().put("requested", last));
      }
      return url();
    });
  }

  /** The configured URL, with {@code session_id} of the last session once there is one. */
  private String url() {
    long last = session;
    if (last < 0) {
      return config.url();
    }
    return config.url() + (config.url().contains("?") ? "&" : "?") + "session_id=" + Long.toUnsignedString(last);
  }

  /** RPFM's hooks on the upstream link: one response per text frame, a session per connection. */
  private final class Protocol implements UpstreamProtocol<RpfmClientSession.Inbound, RpfmClientSession> {

    @Override
    public MessageDecoder<RpfmClientSession.Inbound> decoder() {
      // One bad frame is one lost answer, not a broken stream: it is handed on, not thrown.
      return (bytes, sink) -> {
        try {
          sink.accept(new RpfmClientSession.Inbound(codec.decodeResponse(bytes), null));
        } catch (RpfmCodecException e) {
          sink.accept(new RpfmClientSession.Inbound(null, e));
        }
      };
    }

    @Override
    public RpfmClientSession session(String connectionId, Wire wire, Runnable proven) {
      long last = session;
      return new RpfmClientSession(connectionId, wire, bus, codec, Timers.of(vertx), options.requestTimeoutMs(),
        last < 0 ? null : last, id -> session = id, () -> nextId++, proven);
    }
  }

  /** The {@code .request} contract on RPFM commands. */
  private static final class Requests implements RequestChannel.Protocol<RpfmClientSession, RpfmCommand, RpfmResponse> {

    @Override
    public RpfmCommand parse(JsonObject body) {
      RpfmCommand command;
      try {
        command = RpfmCommand.fromBus(0, body);
      } catch (RpfmCodecException e) {
        throw BusError.BAD_MESSAGE.exception(e.getMessage());
      }
      if ("Exit".equals(command.command()) || "ClientDisconnecting".equals(command.command())) {
        throw BusError.BAD_MESSAGE.exception(command.command() + " is never sent on request: it ends the server's"
          + " session (the endpoint sends ClientDisconnecting when it stops)");
      }
      return command;
    }

    @Override
    public int inFlight(RpfmClientSession session) {
      return session.inFlight();
    }

    @Override
    public Future<RpfmResponse> call(RpfmClientSession session, RpfmCommand command) {
      return session.call(command);
    }

    @Override
    public JsonObject reply(RpfmCommand command, RpfmResponse response) {
      if (response.isError()) {
        throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, ERROR_CODE, response.errorText());
      }
      return response.toBus();
    }
  }

  @Override
  public List<String> writableChannels() {
    return List.of("request");
  }

  @Override
  public JsonObject details() {
    RpfmClientSession s = link == null ? null : link.session();
    long last = session;
    return new JsonObject().put("url", config.url())
      .put("connection", s == null ? null : s.id())
      .put("session", last < 0 ? null : last);
  }
}
