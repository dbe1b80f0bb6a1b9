package io.gamebus.examples;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.red.RedSignature;
import io.gamebus.red.RedMethods;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Example Red RPC methods that let a JSON-RPC client reach every protocol through gamebus:
 * <ul>
 *   <li>{@code GAMEBUS__ENDPOINTS} (no params): the endpoints of every node, as
 *       {@code gamebus.endpoints} answers: {@code {"endpoints": [...], "unreachable": [...]}}.</li>
 *   <li>{@code GAMEBUS__SEND} ({@code protocol}, {@code endpoint}, {@code message}, optional
 *       {@code connection}): writes {@code message} to that endpoint's {@code .out} (to one
 *       connection, or to all without {@code connection}) and returns its acknowledgement, e.g.
 *       {@code {"written": 1}}. A bus failure (no such endpoint, unknown connection, bad message)
 *       is the error {@code -32000} with the bus's text, e.g. {@code "unknown_connection: n1-7"};
 *       arguments of the wrong type are {@code -32001}.</li>
 * </ul>
 * {@link #start()} completes once both are callable.
 */
public final class RedExampleMethods extends VerticleBase {

  /** The error of a bus failure. */
  public static final int BUS_FAILURE = -32000;
  /** The error of arguments of the wrong type. */
  public static final int BAD_ARGUMENTS = -32001;

  private static final long ENDPOINTS_TIMEOUT_MS = 10_000;

  private final String prefix;
  private final String endpoint;

  public RedExampleMethods(String prefix, String endpoint) {
    this.prefix = prefix;
    this.endpoint = endpoint;
  }

  @Override
  public Future<?> start() {
    return Future.all(
      RedMethods.register(vertx, prefix, endpoint, "GAMEBUS__ENDPOINTS", RedSignature.none(), call -> endpoints()),
      RedMethods.register(vertx, prefix, endpoint, "GAMEBUS__SEND",
        RedSignature.of(List.of("protocol", "endpoint", "message"), optionalConnection()), this::send));
  }

  private static Map<String, Object> optionalConnection() {
    Map<String, Object> optional = new LinkedHashMap<>();
    optional.put("connection", null);
    return optional;
  }

  private Future<JsonObject> endpoints() {
    return vertx.eventBus().<JsonObject>request(Addresses.endpoints(prefix), null,
        new DeliveryOptions().setSendTimeout(ENDPOINTS_TIMEOUT_MS))
      .map(reply -> RedMethods.result(reply.body()))
      .recover(e -> Future.failedFuture(RedMethods.error(BUS_FAILURE, String.valueOf(e.getMessage()))));
  }

  private Future<JsonObject> send(JsonObject call) {
    JsonObject args = call.getJsonObject("args");
    Object protocol = args.getValue("protocol");
    Object target = args.getValue("endpoint");
    Object message = args.getValue("message");
    Object connection = args.getValue("connection");
    if (!(protocol instanceof String p) || !(target instanceof String e) || !(message instanceof JsonObject m)
      || (connection != null && !(connection instanceof String))) {
      return Future.failedFuture(RedMethods.error(BAD_ARGUMENTS,
        "protocol, endpoint (and connection) must be strings, message an object"));
    }
    Gamebus bus = Gamebus.of(vertx, prefix);
    Future<JsonObject> ack = connection == null ? bus.broadcast(p, e, m) : bus.send(p, e, (String) connection, m);
    return ack.map(RedMethods::result)
      .recover(failure -> Future.failedFuture(RedMethods.error(BUS_FAILURE, String.valueOf(failure.getMessage()))));
  }
}
