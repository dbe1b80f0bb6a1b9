package io.gamebus.red;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.red.RedBuiltins;
import io.gamebus.codecs.red.RedError;
import io.gamebus.codecs.red.RedSignature;
import io.gamebus.endpoint.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The Java API for Red RPC methods and topics on a server-role endpoint, from any node of the
 * cluster.
 *
 * <p>A method {@code COG__METHOD} is answered by the handler at
 * {@code <prefix>.red.<endpoint>.handle.COG__METHOD}, which gets
 * {@code {method, args, params, id, connection, node}}: {@code args} holds every declared
 * parameter by name, bound from the client's {@code params} as Red binds them (required ones
 * present, optional ones defaulted), {@code params} is what the client sent. It answers
 * {@code {"result": value}} ({@link #result}); a reply without {@code result} answers null. Failing
 * with {@link #error} (a code in -32099…-32000) sends the client that code and message; any other
 * failure, or no answer within the endpoint's {@code handlerTimeoutMs}, sends
 * {@code -32603 "Internal Error"}.
 */
public final class RedMethods {

  /** The {@code kind} of a registry entry that is a method. */
  static final String METHOD = "method";
  /** The {@code kind} of a registry entry that is a topic. */
  static final String TOPIC = "topic";

  private RedMethods() {
  }

  /** {@link #register(Vertx, String, String, String, RedSignature, Function)} on the default bus prefix. */
  public static Future<HandlerRegistry.Registration> register(Vertx vertx, String endpoint, String method,
                                                              RedSignature signature,
                                                              Function<JsonObject, Future<JsonObject>> handler) {
    return register(vertx, Gamebus.DEFAULT_PREFIX, endpoint, method, signature, handler);
  }

  /**
   * Registers a method; completes once it is callable (and listed by {@code GET_METHODS}) from
   * every node. Fails at once for a built-in's name or an empty one. Red names cog methods
   * {@code <COG>__<METHOD>} in upper case; clients must use the exact name.
   */
  public static Future<HandlerRegistry.Registration> register(Vertx vertx, String prefix, String endpoint,
                                                              String method, RedSignature signature,
                                                              Function<JsonObject, Future<JsonObject>> handler) {
    if (method == null || method.isEmpty() || RedBuiltins.isBuiltin(method)) {
      return Future.failedFuture(new IllegalArgumentException("'" + method + "' cannot be registered: "
        + (method == null || method.isEmpty() ? "empty name" : "a built-in of Red's RPC")));
    }
    JsonObject meta = new JsonObject().put("kind", METHOD).put("signature", signature.toJson());
    return new HandlerRegistry(vertx).handle(new Addresses(prefix, "red", endpoint), method, meta, handler);
  }

  /** {@link #topic(Vertx, String, String, String)} on the default bus prefix. */
  public static Future<HandlerRegistry.Registration> topic(Vertx vertx, String endpoint, String topic) {
    return topic(vertx, Gamebus.DEFAULT_PREFIX, endpoint, topic);
  }

  /**
   * Offers a topic: it is listed by {@code GET_TOPICS} and clients may {@code SUBSCRIBE} to it.
   * Messages reach its subscribers through the endpoint's {@code .out}:
   * {@code {"method": topic, "params": data, "retain": false}}.
   */
  public static Future<HandlerRegistry.Registration> topic(Vertx vertx, String prefix, String endpoint, String topic) {
    if (topic == null || topic.isEmpty()) {
      return Future.failedFuture(new IllegalArgumentException("a topic needs a name"));
    }
    return new HandlerRegistry(vertx).declare(new Addresses(prefix, "red", endpoint), topic,
      new JsonObject().put("kind", TOPIC));
  }

  /** A handler's answer: {@code {"result": value}}. */
  public static JsonObject result(Object value) {
    return new JsonObject().put("result", value);
  }

  /**
   * A failure the client sees as that JSON-RPC error, e.g.
   * {@code Future.failedFuture(RedMethods.error(-32001, "no such guild"))}.
   *
   * @param code -32099 … -32000 (the range JSON-RPC leaves to servers)
   */
  public static ReplyException error(int code, String message) {
    if (!RedError.isServerDefined(code)) {
      throw new IllegalArgumentException(code + " is not a server-defined code (-32099 … -32000)");
    }
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code, message);
  }
}
