package io.gamebus.endpoint;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who may talk to a listener from a browser. A browser lets any page open a WebSocket or send a
 * request to 127.0.0.1, but it says which page in {@code Origin}, and which name it resolved in
 * {@code Host}:
 * <ul>
 *   <li>{@code Origin} must be absent (not a browser page), the listener's own
 *       ({@code http://127.0.0.1|localhost|[::1]:<port>} on loopback or 0.0.0.0, else
 *       {@code http://<host>:<port>}), or configured (cross-site WebSocket hijacking);</li>
 *   <li>{@code Host} must be absent, {@code localhost}, an IP address or the configured host,
 *       each with the listener's port or without any: a DNS-rebinding page reaches us under its own name, which is
 *       none of these.</li>
 * </ul>
 * The listener's names are fixed, never taken from the request, so a rebinding page whose Origin
 * and Host both say evil.example is refused.
 */
public final class WebGuard {

  private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]", "::1");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

  private final Set<String> origins = new HashSet<>();
  private final String configuredHost;
  private final String port;

  /**
   * @param host the bound address from configuration
   * @param port the actual port (after {@code listen(0)})
   * @param configured extra allowed origins, e.g. {@code http://localhost:3000}
   */
  public WebGuard(String host, int port, List<String> configured) {
    this.port = String.valueOf(port);
    this.configuredHost = bracketed(host.toLowerCase(Locale.ROOT));
    for (String name : LOOPBACK_NAMES.contains(host) || "0.0.0.0".equals(host) ? LOOPBACK_NAMES : Set.of(host)) {
      origins.add("http://" + bracketed(name) + ":" + port);
    }
    configured.forEach(origin -> origins.add(origin.toLowerCase(Locale.ROOT)));
  }

  private static String bracketed(String name) {
    return name.contains(":") && !name.startsWith("[") ? "[" + name + "]" : name;
  }

  /** Whether a page of that {@code Origin} (null: none) may connect. */
  public boolean allowsOrigin(String origin) {
    return origin == null || origins.contains(origin.toLowerCase(Locale.ROOT));
  }

  /** Whether a request with that {@code Host} header (null: none) was addressed to this listener. */
  public boolean allowsHost(String hostHeader) {
    if (hostHeader == null) {
      return true;
    }
    String value = hostHeader.toLowerCase(Locale.ROOT);
    int colon = value.lastIndexOf(':');
    String name;
    if (colon < 0 || value.endsWith("]")) {
      // No port: not what a browser sends for this (non-default) port, but what non-browser tools
      // such as the RPFM UI's probe send ("Host: 127.0.0.1"). A rebinding page always names
      // itself, so a bare IP address or localhost is still our own name.
      name = value;
    } else if (value.substring(colon + 1).equals(port)) {
      name = value.substring(0, colon);
    } else {
      return false;
    }
    return "localhost".equals(name) || name.equals(configuredHost) || IPV4.matcher(name).matches()
      || IPV6.matcher(name).matches();
  }

  /**
   * The first route of every HTTP listener: a request whose {@code Host} is not the listener's own
   * is answered 403 (a DNS-rebinding page reaches us under its own name). The guard is supplied
   * per request because it needs the actual port, known only once bound.
   */
  public static Handler<RoutingContext> hostCheck(Supplier<WebGuard> guard) {
    return ctx -> {
      if (guard.get().allowsHost(ctx.request().getHeader("Host"))) {
        ctx.next();
      } else {
        ctx.response().setStatusCode(403).end("host not allowed\n");
      }
    };
  }
}
