package io.gamebus.rpfm;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.rpfm.RpfmCatalogue;
import io.gamebus.endpoint.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * The Java API for answering RPFM commands on a server-role endpoint from any node. A handler for
 * the command {@code V} listens at {@code <prefix>.rpfm.<endpoint>.handle.V} and gets
 * {@code {command, args?, id, session, node, connection}}: {@code session} is the RPFM session id,
 * unique on its {@code node}, so per-session state is keyed by both. It answers with a response in
 * the bus form {@code {"variant": "String", "value": "my.pack"}} ({@code {"variant": "Success"}}
 * for a unit response); failing the call ({@code Future.failedFuture("Pack not found: x")}) sends
 * the client {@code {"Error": "<the message>"}}, RPFM's only error form. A handler that takes longer
 * than the endpoint's {@code handlerTimeoutMs} is answered with an {@code Error} for it.
 */
public final class RpfmHandlers {

  private RpfmHandlers() {
  }

  /** A command handler on the endpoint of the default bus prefix. */
  public static Future<HandlerRegistry.Registration> command(Vertx vertx, String endpoint, String command,
                                                             Function<JsonObject, Future<JsonObject>> handler) {
    return command(vertx, Gamebus.DEFAULT_PREFIX, endpoint, command, handler);
  }

  /**
   * Registers the handler of one {@code Command} variant; completes once it is reachable
   * cluster-wide. Fails at once for a name that is not a command of RPFM {@value RpfmCatalogue#VERSION}.
   */
  public static Future<HandlerRegistry.Registration> command(Vertx vertx, String prefix, String endpoint,
                                                             String command,
                                                             Function<JsonObject, Future<JsonObject>> handler) {
    if (!RpfmCatalogue.isCommand(command)) {
      return Future.failedFuture(new IllegalArgumentException(command + " is not a command of RPFM "
        + RpfmCatalogue.VERSION));
    }
    JsonObject meta = new JsonObject().put("kind", "command").put("command", command);
    return new HandlerRegistry(vertx).handle(new Addresses(prefix, "rpfm", endpoint), command, meta, handler);
  }

  /** The bus form of a response variant with a value, e.g. {@code reply("String", "my.pack")}. */
  public static JsonObject reply(String variant, Object value) {
    return new JsonObject().put("variant", variant).put("value", value);
  }

  /** {@code {"variant": "Success"}}. */
  public static JsonObject success() {
    return new JsonObject().put("variant", "Success");
  }
}
