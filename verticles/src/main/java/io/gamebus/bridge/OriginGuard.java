package io.gamebus.bridge;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import io.gamebus.endpoint.WebGuard;

import java.util.List;

/**
 * Refuses bridge connections opened by other web sites (cross-site WebSocket hijacking): a
 * browser lets any page open a WebSocket to 127.0.0.1, but it always says which page in
 * {@code Origin}. Allowed are the console's own origins (the configured host, plus
 * {@code localhost}/{@code 127.0.0.1}/{@code [::1]} when bound to loopback) and the configured
 * ones. The console's origins are fixed names, not the request's {@code Host}, so a DNS-rebinding
 * page (whose origin and Host both say evil.example) is refused too. Requests without
 * {@code Origin} are not from a browser page and pass. The rules are {@link WebGuard}'s, shared
 * with every WebSocket listener.
 */
public final class OriginGuard implements Handler<RoutingContext> {

  private static final System.Logger LOG = System.getLogger(OriginGuard.class.getName());
  private final WebGuard guard;

  public OriginGuard(String host, int port, List<String> configured) {
    this.guard = new WebGuard(host, port, configured);
  }

  public boolean allows(String origin) {
    return guard.allowsOrigin(origin);
  }

  /** The rules behind this guard, also used for the console's Host check. */
  public WebGuard rules() {
    return guard;
  }

  @Override
  public void handle(RoutingContext context) {
    if (admits(context.request().getHeader("Origin"), context.request().remoteAddress())) {
      context.next();
    } else {
      context.response().setStatusCode(403).end("origin not allowed\n");
    }
  }

  /** Whether a request with this {@code Origin} may use the bridge; a refusal is logged. */
  boolean admits(String origin, Object remote) {
    if (allows(origin)) {
      return true;
    }
    LOG.log(System.Logger.Level.WARNING, "Refused event-bus bridge connection from origin {0} (remote {1}): "
      + "not the console''s origin and not in bridge.allowedOrigins", origin, remote);
    return false;
  }
}
