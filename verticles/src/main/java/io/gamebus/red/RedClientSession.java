package io.gamebus.red;

import io.gamebus.bus.BusError;
import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.red.RedCodecException;
import io.gamebus.codecs.red.RedMessage;
import io.gamebus.codecs.red.RedMessage.ErrorReply;
import io.gamebus.codecs.red.RedMessage.Notification;
import io.gamebus.codecs.red.RedMessage.Request;
import io.gamebus.codecs.red.RedMessage.Result;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.PendingCalls;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamSession;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One connection to a Red RPC server. The handshake is Red's advice for clients (red.md §11):
 * {@code GET_METHODS} (a long-lived connection can hold a stale method table), published as
 * {@code methods}, then {@code SUBSCRIBE} to the configured topics, published as
 * {@code subscribed}; the link is up only after both. Replies are matched by id (Red answers each
 * request in its own task, so out of order); every decoded frame is published on {@code .in}.
 */
final class RedClientSession implements UpstreamSession<RedClientSession.Inbound> {

  /** One inbound text frame: a message, or why it could not be decoded. */
  record Inbound(RedMessage message, RedCodecException error) {
  }

  /** What the handshake learnt, for the endpoint's listing. */
  record Learnt(JsonArray methods, JsonArray subscriptions) {
  }

  /** WebSocket close status sent when the endpoint stops: a normal closure. */
  static final int CLOSE_NORMAL = 1000;

  private final String id;
  private final Wire wire;
  private final EndpointBus bus;
  private final int maxRequestBytes;
  private final LongSupplier ids;
  private final List<String> topics;
  private final Consumer<Learnt> learnt;
  private final Runnable proven;
  private final PendingCalls<String, RedMessage> calls;
  private long firstId = -1;
  private long lastId = -1;
  private boolean closed;

  /**
   * @param maxRequestBytes a request frame this long or longer is refused with 413 (Red closes the
   *     connection on a message of {@code max_msg_size} bytes or more)
   * @param ids request ids, unique for the endpoint's life
   */
  RedClientSession(String id, Wire wire, EndpointBus bus, Timers timers, long timeoutMs, int maxRequestBytes,
                   LongSupplier ids, List<String> topics, Consumer<Learnt> learnt, Runnable proven) {
    this.id = id;
    this.wire = wire;
    this.bus = bus;
    this.maxRequestBytes = maxRequestBytes;
    this.ids = ids;
    this.topics = topics;
    this.learnt = learnt;
    this.proven = proven;
    this.calls = PendingCalls.byId(timers, timeoutMs);
  }

  String id() { return id; }
  int inFlight() { return calls.size(); }

  @Override
  public Future<Void> handshake() {
    return call("GET_METHODS", null).compose(reply -> {
      JsonArray methods = resultList("GET_METHODS", reply);
      bus.status(id, StatusEvent.METHODS, methods.size() + " methods", new JsonObject().put("methods", methods));
      if (topics.isEmpty()) {
        return Future.succeededFuture(new Learnt(methods, new JsonArray()));
      }
      return call("SUBSCRIBE", new JsonArray(new ArrayList<>(topics))).map(r -> {
        JsonArray subscriptions = resultList("SUBSCRIBE", r);
        List<String> refused = topics.stream().filter(t -> !subscriptions.contains(t)).toList();
        // Red skips topics it does not offer without a word: say which, or the silence is a mystery.
        bus.status(id, StatusEvent.SUBSCRIBED, refused.isEmpty() ? null : "not offered by the server: "
          + String.join(", ", refused), new JsonObject().put("subscriptions", subscriptions));
        return new Learnt(methods, subscriptions);
      });
    }).map(known -> {
      learnt.accept(known);
      proven.run();
      return null;
    });
  }

  /** A handshake reply's list; an error or another shape fails the attempt (retried with backoff). */
  private static JsonArray resultList(String method, RedMessage reply) {
    if (reply instanceof ErrorReply e) {
      throw new IllegalStateException(method + " answered " + e.error().code() + " " + e.error().message());
    }
    if (((Result) reply).result() instanceof JsonArray list) {
      return list;
    }
    throw new IllegalStateException(method + " answered " + ((Result) reply).result() + ", not a list");
  }

  /**
   * Sends one call with a fresh id; the future is its {@link Result} or {@link ErrorReply}.
   *
   * @throws io.vertx.core.eventbus.ReplyException 400 when the params are not JSON, 413 when too large
   */
  Future<RedMessage> call(String method, Object params) {
    long callId = ids.getAsLong();
    Request request;
    String encoded;
    try {
      request = Request.of(callId, method, params);
      encoded = request.encode();
    } catch (IllegalArgumentException e) {
      throw BusError.BAD_MESSAGE.exception("params are not JSON: " + e.getMessage());
    }
    // Red's encoding escapes every non-ASCII character, so chars are bytes.
    if (encoded.length() >= maxRequestBytes) {
      throw BusError.TOO_LARGE.exception(encoded.length() + " bytes >= maxMessageBytes " + maxRequestBytes
        + " (Red closes the connection on such a message)");
    }
    if (firstId < 0) {
      firstId = callId;
    }
    lastId = callId;
    Future<RedMessage> answer = calls.add(callId, method).future();
    answer.onSuccess(reply -> bus.publish(id, method, reply.json()));
    wire.send(Outgoing.ofText(encoded, method, request.json()));
    return answer;
  }

  @Override
  public void received(Inbound inbound) {
    if (inbound.error() != null) {
      RedCodecException e = inbound.error();
      bus.badInput(id, "undecodable frame (" + e.reason() + "): " + e.getMessage());
      return;
    }
    RedMessage message = inbound.message();
    if (message instanceof Notification n) {
      bus.publish(id, n.method(), n.json());
    } else if (message instanceof Request r) {
      bus.badInput(id, "a call from the server (method " + r.method() + ", id " + r.id()
        + ") is not answered: the client role takes no calls, and stock Red never makes any");
    } else {
      reply(message, message.id());
    }
  }

  private void reply(RedMessage reply, Object replyId) {
    Long key = ownId(replyId);
    if (key != null && calls.complete(key, reply)) {
      return;
    }
    String what = reply instanceof ErrorReply e ? "error " + e.error().code() + " " + e.error().message() : "result";
    if (replyId == null) {
      bus.badInput(id, what + " without an id: the server could not read one of our requests");
    } else if (key != null && key >= firstId && key <= lastId) {
      bus.badInput(id, what + " for call " + key + ", which no longer waits (timed out)");
    } else {
      bus.badInput(id, what + " for id " + replyId + ", which was never sent on this connection");
    }
  }

  /** Our ids are whole numbers; a reply may carry one as any JSON number type. */
  private static Long ownId(Object replyId) {
    if (replyId instanceof Integer || replyId instanceof Long || replyId instanceof Short) {
      return ((Number) replyId).longValue();
    }
    return null;
  }

  @Override
  public void closed(String why) {
    closed = true;
    String detail = wire.closeDetail();
    calls.failAll(BusError.NOT_CONNECTED.exception("the connection to the Red server closed: " + why
      + (detail == null ? "" : ", " + detail)));
  }

  /** Red has no goodbye: pending calls fail, and the socket closes with 1000. */
  @Override
  public Future<Void> shutdown() {
    calls.failAll(BusError.NOT_CONNECTED.exception("the endpoint is stopping"));
    return closed ? Future.succeededFuture() : wire.close(CLOSE_NORMAL, "");
  }
}
