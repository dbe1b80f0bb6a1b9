package io.gamebus.red;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.red.RedCodec;
import io.gamebus.codecs.red.RedError;
import io.gamebus.codecs.red.RedMessage;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Notification;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.gamebus.codecs.red.Outcome;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.HandlerCalls;
import io.gamebus.endpoint.HandlerRegistry;
import io.gamebus.endpoint.OutRouter;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.ServerListeners;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Red-DiscordBot's RPC server in the server role: gamebus is the bot's {@code --rpc} listener.
 * JSON-RPC 2.0 over a WebSocket at {@code /} (non-upgrade requests there: 405, elsewhere: 404),
 * one object per text frame, validated by the codec exactly as Red validates it. Methods are
 * answered by bus handlers registered with {@link RedMethods} anywhere in the cluster; topics come
 * from {@code options.topics} (bus addresses) and {@link RedMethods#topic}, and {@code .out}
 * {@code {"method": topic, "params": data, "retain": bool}} notifies their subscribers.
 */
public final class RedServerEndpoint extends EndpointVerticle implements OutRouter.Target {

  private RedOptions options;
  private RedCodec codec;
  private RedMethodTable table;
  private HandlerCalls calls;
  private ServerListeners<RedServerConnection> listeners;
  private OutRouter out;
  private final Map<String, Outgoing> retained = new HashMap<>();
  private final List<MessageConsumer<Object>> topicConsumers = new ArrayList<>();
  private long refreshTimer = -1;

  public RedServerEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = RedOptions.from(config);
    // Red's meaning of its limit (aiohttp's max_msg_size): a message of exactly the limit is refused.
    codec = new RedCodec(Math.max(1, config.limits().maxMessageBytes() - 1));
    table = new RedMethodTable(new HandlerRegistry(vertx), bus.addresses());
    calls = new HandlerCalls(bus);
    listeners = new ServerListeners<>(vertx, context, bus, new ServerListeners.Hooks<RedServerConnection>(
      (link, transport) -> new RedServerConnection(link, this))
      .binaryFrames(false).textAsBytes(true).plainHttp(RedServerEndpoint::plainHttp));
    out = new OutRouter(bus, this, context.registry());
    out.start();
    options.topics().forEach((topic, address) -> topicConsumers.add(vertx.eventBus().consumer(address,
      message -> fromTopicAddress(topic, message.body()))));
    refreshTimer = vertx.setPeriodic(options.methodRefreshMs(), t -> table.refresh());
    return table.refresh().compose(v -> listeners.listen());
  }

  @Override
  protected Future<?> stopEndpoint() {
    vertx.cancelTimer(refreshTimer);
    out.stop();
    topicConsumers.forEach(MessageConsumer::unregister);
    return listeners.closeAll();
  }

  /** What real Red answers a plain HTTP request: 405 on {@code /} (no upgrade), 404 elsewhere. */
  private static void plainHttp(HttpServerRequest request) {
    boolean root = "/".equals(request.path());
    if (root) {
      request.response().putHeader("Allow", "GET").setStatusCode(405).end();
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  /** A message on a configured topic's address, notified to the topic's subscribers on this node. */
  private void fromTopicAddress(String topic, Object body) {
    try {
      notifyLocally(topic, busData(body), false);
    } catch (ReplyException notJson) {
      bus.status(null, StatusEvent.TOPIC_DROPPED, topic + ": " + notJson.getMessage());
    }
  }

  /** A message from a configured topic's address as notification data: an envelope's JSON form, or the body. */
  private static Object busData(Object body) {
    if (body instanceof Envelope envelope) {
      return envelope.toJson();
    }
    if (body instanceof Buffer buffer) {
      return buffer.toString();
    }
    return body;
  }

  // ---- methods

  /**
   * The answer to one call of a registered (or unknown) method, never failing: the handler's
   * result, its own error, {@code -32601}, {@code -32602} or {@code -32603}.
   */
  Future<Outgoing> call(String connection, Request request) {
    String method = request.method();
    return table.find(method).compose(signature -> {
      if (signature == null) {
        return Future.succeededFuture(answer(request, ErrorReply.of(request.id(), RedError.METHOD_NOT_FOUND)));
      }
      Outcome<JsonObject> bound = signature.bind(request.params());
      if (bound instanceof Outcome.Failed<JsonObject> failed) {
        return Future.succeededFuture(answer(request, ErrorReply.of(request.id(), failed.error())));
      }
      JsonObject body = new JsonObject().put("method", method).put("args", ((Outcome.Ok<JsonObject>) bound).value())
        .put("params", request.params()).put("id", request.id()).put("connection", connection).put("node", bus.nodeId());
      return calls.ask(connection, method, body, options.handlerTimeoutMs(), reply -> reply.getValue("result"))
        .map(outcome -> reply(request, outcome));
    });
  }

  /**
   * A reply encoded for the wire, with its view for {@code .sent}: the type is the method it
   * answers, as on {@code .in} in the client role.
   *
   * @throws IllegalArgumentException when the reply holds a value JSON cannot encode
   */
  static Outgoing answer(Request request, RedMessage reply) {
    return Outgoing.ofText(reply.encode(), request.method(), reply.json());
  }

  private Outgoing reply(Request request, HandlerCalls.Outcome<Object> outcome) {
    if (outcome instanceof HandlerCalls.Answered<Object> answered) {
      try {
        return answer(request, Result.of(request.id(), answered.value()));
      } catch (IllegalArgumentException notJson) {
        bus.status(null, StatusEvent.HANDLER_FAILED, request.method() + ": result is not JSON: "
          + notJson.getMessage());
        return answer(request, ErrorReply.of(request.id(), RedError.INTERNAL_ERROR));
      }
    }
    if (outcome instanceof HandlerCalls.NoHandler<Object>) {
      return answer(request, ErrorReply.of(request.id(), RedError.METHOD_NOT_FOUND));
    }
    if (outcome instanceof HandlerCalls.Refused<Object> refused && RedError.isServerDefined(refused.code())) {
      return answer(request, ErrorReply.of(request.id(), RedError.serverDefined(refused.code(), refused.text(), null)));
    }
    return answer(request, ErrorReply.of(request.id(), RedError.INTERNAL_ERROR));
  }

  /** Built-ins, then every registered method (a fresh read: a client asks for the current list). */
  Future<List<String>> methodNames() {
    return table.refresh().map(v -> {
      List<String> names = new ArrayList<>(io.gamebus.codecs.red.RedBuiltins.NAMES);
      names.addAll(table.methodNames());
      return names;
    });
  }

  // ---- topics

  /** Configured topics, then registered ones. */
  Set<String> topics() {
    Set<String> all = new LinkedHashSet<>(options.topics().keySet());
    all.addAll(table.topics());
    return all;
  }

  /** The topics after a fresh read of the registered ones (a client asks for the current list). */
  Future<Set<String>> freshTopics() {
    return table.refresh().map(v -> topics());
  }

  /** A topic's retained notification, or null. */
  Outgoing retained(String topic) {
    return retained.get(topic);
  }

  /** Encodes one notification once and writes it to every subscriber on this node. */
  private int notifyLocally(String topic, Object data, boolean retain) {
    return listeners.table().writeToAll(notification(topic, data, retain), c -> c.subscribed(topic));
  }

  /** The notification encoded once for every connection it goes to; kept for new subscribers if retained. */
  private Outgoing notification(String topic, Object data, boolean retain) {
    Outgoing encoded;
    try {
      Notification notification = Notification.of(topic, data);
      encoded = Outgoing.ofText(notification.encode(), topic, notification.json());
    } catch (IllegalArgumentException e) {
      throw BusError.BAD_MESSAGE.exception("params are not JSON: " + e.getMessage());
    }
    if (retain) {
      retained.put(topic, encoded);
    }
    return encoded;
  }

  /** {@code .out}: {@code {"method": topic, "params"?: data, "retain"?: false}}. */
  private record Push(String topic, Object data, boolean retain) {
  }

  private Push push(JsonObject message) {
    Object topic = message.getValue("method");
    if (!(topic instanceof String name) || name.isEmpty()) {
      throw BusError.BAD_MESSAGE.exception("a Red .out message is {\"method\": topic, \"params\": data, \"retain\": false}");
    }
    Object retain = message.getValue("retain", false);
    if (!(retain instanceof Boolean)) {
      throw BusError.BAD_MESSAGE.exception("retain must be true or false");
    }
    if (!topics().contains(name)) {
      table.refresh(); // registered elsewhere moments ago: known to the next try
      throw BusError.BAD_MESSAGE.exception("unknown topic " + name
        + ": configure it in options.topics or register it with RedMethods.topic (known on every node within methodRefreshMs)");
    }
    return new Push(name, message.getValue("params"), (Boolean) retain);
  }

  @Override
  public int writeTo(String connection, JsonObject message) {
    Push push = push(message);
    if (push.retain()) {
      // Retained state is what every later subscriber gets: one connection's message must not become it.
      throw BusError.BAD_MESSAGE.exception("retain is for notifications to every subscriber, not to one connection");
    }
    return listeners.table().writeTo(connection, notification(push.topic(), push.data(), false));
  }

  @Override
  public int writeToAll(JsonObject message) {
    Push push = push(message);
    return notifyLocally(push.topic(), push.data(), push.retain());
  }

  @Override
  public JsonObject details() {
    return new JsonObject().put("listeners", new JsonArray(listening()))
      .put("methods", table == null ? 0 : table.methodNames().size())
      .put("topics", options == null ? 0 : topics().size());
  }

  public List<String> listening() { return listeners == null ? List.of() : listeners.listening(); }
  RedOptions options() { return options; }
  RedCodec codec() { return codec; }
}
