package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.endpoint.EndpointContext;
import io.gamebus.endpoint.EndpointVerticle;
import io.gamebus.endpoint.HandlerRegistry;
import io.gamebus.endpoint.ServerListeners;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * DFHack's Remote Interface in the server role: TCP listeners (default 127.0.0.1:5000, like
 * DFHack's {@code allow_remote: false}) from the shared layer, one {@link DfhackServerConnection}
 * per client. The
 * protocol has no unsolicited messages, so this endpoint has no {@code .out}; calls are answered
 * by the built-ins and by bus handlers.
 */
public final class DfhackServerEndpoint extends EndpointVerticle {

  private DfhackOptions options;
  private HandlerRegistry handlers;
  private ServerListeners<DfhackServerConnection> listeners;

  public DfhackServerEndpoint(EndpointContext context) {
    super(context);
  }

  @Override
  protected Future<?> startEndpoint() {
    options = DfhackOptions.from(config);
    // DFHack's own limit is 64 MiB; a lower maxMessageBytes applies when configured.
    int maxPayload = Math.min(RpcCodes.MAX_PAYLOAD, config.limits().maxMessageBytes());
    listeners = new ServerListeners<>(vertx, context, bus, new ServerListeners.Hooks<>(
      (link, transport) -> new DfhackServerConnection(link, this, maxPayload)));
    // The registry first: a BindMethod may arrive as soon as a listener accepts.
    handlers = new HandlerRegistry(vertx);
    return listeners.listen();
  }

  @Override
  protected Future<?> stopEndpoint() {
    return listeners.closeAll();
  }

  /** The signature a live bus handler registered for that method, or null. */
  Future<MethodSignature> registered(MethodSignature method) {
    return DfhackHandlers.registered(handlers, bus.addresses(), method);
  }

  /** Whether any bus handler registered a method of that plugin. */
  Future<Boolean> pluginKnown(String plugin) {
    return DfhackHandlers.pluginKnown(handlers, bus.addresses(), plugin);
  }

  @Override
  public java.util.List<String> writableChannels() { return List.of(); }

  @Override
  public JsonObject details() {
    return new JsonObject().put("listeners", new JsonArray(listening()));
  }

  public List<String> listening() { return listeners == null ? List.of() : listeners.listening(); }
  DfhackOptions options() { return options; }
}
