package io.gamebus.bridge;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses bridge connections opened by other web sites (cross-site WebSocket hijacking): a
 * browser lets any page open a WebSocket to 127.0.0.1, but it always says which page in
 * {@code Origin}. Allowed are the console's own origins (the configured host, plus
 * {@code localhost}/{@code 127.0.0.1}/{@code [::1]} when bound to loopback) and the configured
 * ones. The console's origins are fixed names, not the request's {@code Host}, so a DNS-rebinding
 * page (whose origin and Host both say evil.example) is refused too. Requests without
 * {@code Origin} are not from a browser page and pass.
 */
public final class OriginGuard implements Handler<RoutingContext> {

  private static final System.Logger LOG = System.getLogger(OriginGuard.class.getName());
  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private final Set<String> allowed = new HashSet<>();

  public OriginGuard(String host, int port, List<String> configured) {
    for (String name : LOOPBACK_NAMES.contains(host) || "0.0.0.0".equals(host) ? LOOPBACK_NAMES : Set.of(host)) {
      String hostPart = name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
      allowed.add("http://" + hostPart + ":" + port);
    }
    configured.forEach(origin -> allowed.add(origin.toLowerCase(Locale.ROOT)));
  }

  public boolean allows(String origin) {
    return origin == null || allowed.contains(origin.toLowerCase(Locale.ROOT));
  }

  @Override
  public void handle(RoutingContext context) {
    String origin = context.request().getHeader("Origin");
    if (allows(origin)) {
      context.next();
      return;
    }
    LOG.log(System.Logger.Level.WARNING, "Refused event-bus bridge connection from origin {0} (remote {1}): "
      + "not the console's origin and not in bridge.allowedOrigins", origin, context.request().remoteAddress());
    context.response().setStatusCode(403).end("origin not allowed\n");
  }
}
