package io.gamebus.dfhack;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.function.Function;

/**
 * The Java API for answering DFHack calls on a server-role endpoint from any node.
 *
 * <ul>
 *   <li>{@link #command}: a console command for {@code RunCommand}, at
 *       {@code <prefix>.dfhack.<endpoint>.handle.command.<name>}; the request body is
 *       {@code {connection, command, arguments}}.</li>
 *   <li>{@link #method}: an RPC method with its exact input and output types, at
 *       {@code .handle.<method>} (core) or {@code .handle.<plugin>.<method>}; the request body is
 *       {@code {connection, method, plugin, input}}. The signature is recorded in a cluster-wide
 *       map, so {@code BindMethod} succeeds only for exactly these types.</li>
 * </ul>
 * Handlers complete with a {@link DfhackReply}.
 */
public final class DfhackHandlers {

  private DfhackHandlers() {
  }

  static String commandAddress(Addresses addresses, String command) {
    return addresses.handle("command." + command);
  }

  static String methodAddress(Addresses addresses, MethodSignature method) {
    return addresses.handle(method.isCore() ? method.method() : method.plugin() + "." + method.method());
  }

  /** The cluster-wide map of registered method signatures of one endpoint. */
  static Future<AsyncMap<String, JsonObject>> signatures(Vertx vertx, Addresses addresses) {
    return vertx.sharedData().getAsyncMap(addresses.base() + ".methods");
  }

  public static MessageConsumer<JsonObject> command(Vertx vertx, String endpoint, String command,
                                                    Function<JsonObject, Future<DfhackReply>> handler) {
    Addresses addresses = Gamebus.of(vertx).addresses("dfhack", endpoint);
    return vertx.eventBus().consumer(commandAddress(addresses, command), message -> handler.apply(message.body())
      .onSuccess(reply -> message.reply(reply.toJson()))
      .onFailure(e -> message.fail(1, String.valueOf(e.getMessage()))));
  }

  public static Future<MessageConsumer<JsonObject>> method(Vertx vertx, String endpoint, MethodSignature signature,
                                                           Function<JsonObject, Future<DfhackReply>> handler) {
    Addresses addresses = Gamebus.of(vertx).addresses("dfhack", endpoint);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(methodAddress(addresses, signature),
      message -> handler.apply(message.body())
        .onSuccess(reply -> message.reply(reply.toJson()))
        .onFailure(e -> message.fail(1, String.valueOf(e.getMessage()))));
    return signatures(vertx, addresses)
      .compose(map -> map.put(signature.qualifiedName(), new JsonObject()
        .put("plugin", signature.plugin()).put("method", signature.method())
        .put("input", signature.inputType()).put("output", signature.outputType())))
      .map(consumer);
  }
}
