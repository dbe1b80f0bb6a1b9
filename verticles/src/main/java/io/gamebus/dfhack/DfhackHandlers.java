package io.gamebus.dfhack;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.endpoint.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The Java API for answering DFHack calls on a server-role endpoint from any node, one client of
 * the protocol-neutral {@link HandlerRegistry}.
 *
 * <ul>
 *   <li>{@link #command}: a console command for {@code RunCommand}, at
 *       {@code <prefix>.dfhack.<endpoint>.handle.command.<name>}; the request body is
 *       {@code {connection, command, arguments}} (plus {@code commandBytes}/{@code argumentsBytes}
 *       when the peer sent bytes that are not UTF-8, see {@link DfhackByteStrings}).</li>
 *   <li>{@link #method}: an RPC method with its exact input and output types, at
 *       {@code .handle.<method>} (core) or {@code .handle.<plugin>.<method>}; the request body is
 *       {@code {connection, method, plugin, input}}. The signature is recorded in the registry, so
 *       {@code BindMethod} of a plugin method succeeds only for exactly these types, and only
 *       while the registration lasts (and its node lives).</li>
 * </ul>
 * Handlers complete with a {@link DfhackReply}; a handler that throws or fails is answered as a
 * failure (the DFHack client sees its text and {@code CR_FAILURE}, or the code of a
 * {@link io.vertx.core.eventbus.ReplyException}), never left without a reply. Both complete once
 * the handler is reachable cluster-wide and recorded.
 */
public final class DfhackHandlers {

  /** A registered command or method: {@link #unregister()} removes the handler and its entry. */
  public interface Registration {
    Future<Void> unregister();
  }

  private DfhackHandlers() {
  }

  /** The handler name of a console command. */
  static String commandName(String command) {
    return "command." + command;
  }

  /** The handler name of a method: its name (core) or {@code plugin.method}. */
  static String methodName(MethodSignature method) {
    return DfhackTypeNames.of(method);
  }

  /** The signature a live bus handler registered for that method, or null. */
  static Future<MethodSignature> registered(HandlerRegistry registry, Addresses addresses, MethodSignature method) {
    return registry.lookup(addresses, methodName(method)).map(entry -> entry == null ? null
      : new MethodSignature(method.plugin(), method.method(), entry.getString("input"), entry.getString("output")));
  }

  /** Whether any live bus handler registered a method of that plugin ("No such plugin" otherwise). */
  static Future<Boolean> pluginKnown(HandlerRegistry registry, Addresses addresses, String plugin) {
    return registry.list(addresses).map(all -> all.stream()
      .anyMatch(e -> "method".equals(e.getString("kind")) && plugin.equals(e.getString("plugin"))));
  }

  /** A console command on the endpoint of the default bus prefix. */
  public static Future<Registration> command(Vertx vertx, String endpoint, String command,
                                             Function<JsonObject, Future<DfhackReply>> handler) {
    return command(vertx, Gamebus.DEFAULT_PREFIX, endpoint, command, handler);
  }

  public static Future<Registration> command(Vertx vertx, String prefix, String endpoint, String command,
                                             Function<JsonObject, Future<DfhackReply>> handler) {
    JsonObject meta = new JsonObject().put("kind", "command").put("command", command);
    return register(vertx, prefix, endpoint, commandName(command), meta, handler);
  }

  /** A method on the endpoint of the default bus prefix. */
  public static Future<Registration> method(Vertx vertx, String endpoint, MethodSignature signature,
                                            Function<JsonObject, Future<DfhackReply>> handler) {
    return method(vertx, Gamebus.DEFAULT_PREFIX, endpoint, signature, handler);
  }

  public static Future<Registration> method(Vertx vertx, String prefix, String endpoint, MethodSignature signature,
                                            Function<JsonObject, Future<DfhackReply>> handler) {
    JsonObject meta = new JsonObject().put("kind", "method").put("plugin", signature.plugin())
      .put("method", signature.method()).put("input", signature.inputType()).put("output", signature.outputType());
    return register(vertx, prefix, endpoint, methodName(signature), meta, handler);
  }

  private static Future<Registration> register(Vertx vertx, String prefix, String endpoint, String name, JsonObject meta,
                                               Function<JsonObject, Future<DfhackReply>> handler) {
    Addresses addresses = new Addresses(prefix, "dfhack", endpoint);
    return new HandlerRegistry(vertx).handle(addresses, name, meta, call -> {
      Future<DfhackReply> reply = handler.apply(call);
      return reply == null ? null : reply.map(r -> r == null ? null : r.toJson());
    }).map(registration -> registration::unregister);
  }
}
