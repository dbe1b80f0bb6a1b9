package io.gamebus.red;

import io.gamebus.bus.BusError;
import io.gamebus.codecs.red.RedCodec;
import io.gamebus.codecs.red.RedCodecException;
import io.gamebus.codecs.red.RedError;
import io.gamebus.codecs.red.RedMessage;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Result;
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
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;

/**
 * Red-DiscordBot's RPC in the client role: drives a real Red started with {@code --rpc} (usually
 * {@code ws://127.0.0.1:6133/}). {@code .request} takes {@code {"method": "CORE__NAME", "params":
 * …}} and replies {@code {"result": <any JSON>}}; a JSON-RPC error fails the request with the
 * error's code (e.g. -32601) and message, followed by {@code " (data: <JSON>)"} when the error
 * carries data. After each (re)connect the link calls {@code GET_METHODS} and {@code SUBSCRIBE}s
 * to {@code options.topics} before it counts as connected. {@code .out} is refused with 400: a
 * JSON-RPC client sends nothing but calls, and Red refuses notifications.
 */
public final class RedClientEndpoint extends EndpointVerticle {

  private static final Set<String> REQUEST_MEMBERS = Set.of("method", "params");

  private RedClientOptions options;
  private RedCodec codec;
  private UpstreamLink<RedClientSession.Inbound, RedClientSession> link;
  private RequestChannel<RedClientSession, Call, RedMessage> requests;
  private MessageConsumer<Object> outRefusal;
  private long nextId = 1;
  private volatile RedClientSession.Learnt learnt;

  public RedClientEndpoint(EndpointContext context) {
    super(context);
  }

  /** One {@code .request}: a method and its params as given (array, object, scalar, or null for none). */
  record Call(String method, Object params) {
  }

  @Override
  protected Future<?> startEndpoint() {
    options = RedClientOptions.from(config);
    codec = new RedCodec(config.limits().maxMessageBytes());
    Timers timers = Timers.of(vertx);
    link = new UpstreamLink<>(bus, UpstreamConnector.messages(vertx, config::url, config.limits(),
      options.readIdleTimeoutSeconds()), new Protocol(), config.reconnect(), options.handshakeTimeoutMs(), timers,
      context.node()::nextConnectionId);
    requests = new RequestChannel<>(bus, timers, options.requestTimeoutMs(), options.maxInFlight(), link::session,
      () -> "red." + config.name() + " is not connected to " + link.url(), new Calls());
    outRefusal = bus.eventBus().consumer(bus.addresses().out(), message -> message.fail(BusError.BAD_MESSAGE.code(),
      BusError.BAD_MESSAGE.exception("a Red client endpoint sends calls only: request " + bus.addresses().request()
        + " with {\"method\": …, \"params\": …} (Red refuses JSON-RPC notifications)").getMessage()));
    return outRefusal.completion().compose(v -> requests.start()).onSuccess(v -> link.start());
  }

  @Override
  protected Future<?> stopEndpoint() {
    Future<Void> refusal = outRefusal == null ? Future.succeededFuture() : outRefusal.unregister();
    return refusal.eventually(requests::stop).eventually(link::stop);
  }

  /** Red's hooks on the upstream link: one JSON-RPC object per text frame, a session per connection. */
  private final class Protocol implements UpstreamProtocol<RedClientSession.Inbound, RedClientSession> {

    @Override
    public MessageDecoder<RedClientSession.Inbound> decoder() {
      // One bad frame is one lost message, not a broken stream: it is handed on, not thrown.
      return (bytes, sink) -> {
        try {
          sink.accept(new RedClientSession.Inbound(codec.decodeFromServer(bytes), null));
        } catch (RedCodecException e) {
          sink.accept(new RedClientSession.Inbound(null, e));
        }
      };
    }

    @Override
    public RedClientSession session(String connectionId, Wire wire, Runnable proven) {
      return new RedClientSession(connectionId, wire, bus, Timers.of(vertx), options.requestTimeoutMs(),
        config.limits().maxMessageBytes(), () -> nextId++, options.topics(), known -> learnt = known, proven);
    }
  }

  /** The {@code .request} contract on JSON-RPC calls. */
  private static final class Calls implements RequestChannel.Protocol<RedClientSession, Call, RedMessage> {

    @Override
    public Call parse(JsonObject body) {
      for (String member : body.fieldNames()) {
        if (!REQUEST_MEMBERS.contains(member)) {
          throw BusError.BAD_MESSAGE.exception("unknown member '" + member + "': the body is {\"method\": name,"
            + " \"params\": array, object or value (optional)}; the endpoint numbers the calls itself");
        }
      }
      if (!(body.getValue("method") instanceof String method) || method.isEmpty()) {
        throw BusError.BAD_MESSAGE.exception("method must be a non-empty string, e.g. {\"method\": \"GET_METHODS\"}");
      }
      return new Call(method, body.getValue("params"));
    }

    @Override
    public int inFlight(RedClientSession session) {
      return session.inFlight();
    }

    @Override
    public Future<RedMessage> call(RedClientSession session, Call call) {
      return session.call(call.method(), call.params());
    }

    @Override
    public JsonObject reply(Call call, RedMessage answer) {
      if (answer instanceof ErrorReply e) {
        throw RedClientEndpoint.failure(e.error());
      }
      return new JsonObject().put("result", ((Result) answer).result());
    }
  }

  /** The bus failure of a JSON-RPC error: its code, its message, and its data (when any) after it. */
  static ReplyException failure(RedError error) {
    String message = error.data() == null ? error.message()
      : error.message() + " (data: " + Json.encode(error.data()) + ")";
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, error.code(), message);
  }

  @Override
  public List<String> writableChannels() {
    return List.of("request");
  }

  @Override
  public JsonObject details() {
    RedClientSession s = link == null ? null : link.session();
    RedClientSession.Learnt known = learnt;
    return new JsonObject().put("url", config.url())
      .put("connection", s == null ? null : s.id())
      .put("topics", options == null ? new JsonArray() : new JsonArray(options.topics()))
      .put("methods", known == null ? null : known.methods().copy())
      .put("subscriptions", known == null ? null : known.subscriptions().copy());
  }
}
