package io.gamebus.dfhack;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
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
 *       map, so {@code BindMethod} succeeds only for exactly these types, and only while the
 *       registration lasts.</li>
 * </ul>
 * Handlers complete with a {@link DfhackReply}; a handler that throws or fails is answered as a
 * failure (the DFHack client sees its text and {@code CR_FAILURE}), never left without a reply.
 */
public final class DfhackHandlers {

  /** A registered method: {@link #unregister()} removes the handler and its signature. */
  public interface Registration {
    Future<Void> unregister();
  }

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

  /** The key that says a plugin has at least one registered method ("No such plugin" otherwise). */
  static String pluginKey(String plugin) {
    return plugin + "::";
  }

  /** A console command on the endpoint of the default bus prefix. */
  public static MessageConsumer<JsonObject> command(Vertx vertx, String endpoint, String command,
                                                    Function<JsonObject, Future<DfhackReply>> handler) {
    return command(vertx, Gamebus.DEFAULT_PREFIX, endpoint, command, handler);
  }

  public static MessageConsumer<JsonObject> command(Vertx vertx, String prefix, String endpoint, String command,
                                                    Function<JsonObject, Future<DfhackReply>> handler) {
    Addresses addresses = new Addresses(prefix, "dfhack", endpoint);
    return vertx.eventBus().consumer(commandAddress(addresses, command), message -> answer(message, handler));
  }

  /** A method on the endpoint of the default bus prefix. */
  public static Future<Registration> method(Vertx vertx, String endpoint, MethodSignature signature,
                                            Function<JsonObject, Future<DfhackReply>> handler) {
    return method(vertx, Gamebus.DEFAULT_PREFIX, endpoint, signature, handler);
  }

  /** Completes once the handler is reachable cluster-wide and its signature is recorded. */
  public static Future<Registration> method(Vertx vertx, String prefix, String endpoint, MethodSignature signature,
                                            Function<JsonObject, Future<DfhackReply>> handler) {
    Addresses addresses = new Addresses(prefix, "dfhack", endpoint);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(methodAddress(addresses, signature),
      message -> answer(message, handler));
    JsonObject recorded = new JsonObject().put("plugin", signature.plugin()).put("method", signature.method())
      .put("input", signature.inputType()).put("output", signature.outputType());
    return consumer.completion()
      .compose(v -> signatures(vertx, addresses))
      .compose(map -> map.put(signature.qualifiedName(), recorded)
        .compose(v -> map.put(pluginKey(signature.plugin()), new JsonObject()))
        .map(v -> (Registration) () -> map.remove(signature.qualifiedName()).transform(r -> consumer.unregister())))
      .onFailure(e -> consumer.unregister());
  }

  private static void answer(Message<JsonObject> message, Function<JsonObject, Future<DfhackReply>> handler) {
    Future<DfhackReply> reply;
    try {
      reply = handler.apply(message.body());
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    if (reply == null) {
      reply = Future.failedFuture("the handler returned no reply");
    }
    reply.onComplete(done -> {
      if (done.succeeded() && done.result() != null) {
        message.reply(done.result().toJson());
      } else {
        message.fail(1, done.failed() ? String.valueOf(done.cause().getMessage()) : "the handler returned no reply");
      }
    });
  }
}
