package io.gamebus.modrinth;

import io.gamebus.config.EndpointConfig;
import io.gamebus.config.OptionsReader;

import java.util.List;

/**
 * The Modrinth-specific {@code options} of an endpoint.
 *
 * <ul>
 *   <li>{@code serverIds} (["*"]): server role, the server ids this node hosts; {@code *} accepts
 *       any id. Another id gets 404 from the REST routes and the socket.</li>
 *   <li>{@code tokenLifetimeSeconds} (900): server role, how long a minted socket JWT is valid.</li>
 *   <li>{@code renewBeforeSeconds} (60): server role, how long before expiry {@code auth-expiring}
 *       is sent (the official client then fetches a new token and sends {@code auth} again).</li>
 *   <li>{@code maxFailedAuths} (5): server role, failed {@code auth} frames in a row before the
 *       socket is closed with 1008.</li>
 *   <li>{@code powerHandlerTimeoutMs} (10000): server role, how long {@code POST …/power} waits for
 *       the {@code handle.power} bus handler.</li>
 *   <li>{@code exampleServer} (false): server role, also deploy the example Minecraft-like server
 *       for id {@code demo}.</li>
 *   <li>{@code serverId} (required in the client role): the hosted server to connect to.</li>
 *   <li>{@code authTimeoutMs} (30000, as the official client): client role, how long to wait for
 *       {@code auth-ok}.</li>
 *   <li>{@code requestTimeoutMs} (10000, the official client's REST timeout): client role, one REST
 *       call (token or power).</li>
 *   <li>{@code readIdleTimeoutSeconds} (0, never): client role.</li>
 * </ul>
 */
public record ModrinthOptions(List<String> serverIds, int tokenLifetimeSeconds, int renewBeforeSeconds, int maxFailedAuths,
                              long powerHandlerTimeoutMs, boolean exampleServer, String serverId, long authTimeoutMs,
                              long requestTimeoutMs, int readIdleTimeoutSeconds) {

  /** The id the example server and the default configuration use. */
  public static final String DEMO_SERVER = "demo";

  public static ModrinthOptions from(EndpointConfig endpoint) {
    OptionsReader options = endpoint.optionsReader();
    int lifetime = options.integer("tokenLifetimeSeconds", 900, 10, 86_400);
    ModrinthOptions result = new ModrinthOptions(
      options.strings("serverIds", List.of("*")),
      lifetime,
      options.integer("renewBeforeSeconds", Math.min(60, lifetime / 2), 1, lifetime - 1),
      options.integer("maxFailedAuths", 5, 1, 1000),
      options.longValue("powerHandlerTimeoutMs", 10_000, 1, 600_000),
      options.bool("exampleServer", false),
      options.string("serverId", null),
      options.longValue("authTimeoutMs", 30_000, 1, 600_000),
      options.longValue("requestTimeoutMs", 10_000, 1, 600_000),
      options.integer("readIdleTimeoutSeconds", 0, 0, 86_400));
    for (String id : result.serverIds) {
      if (!"*".equals(id) && !id.matches("[A-Za-z0-9_-]{1,64}")) {
        throw options.error("serverIds", "'" + id + "' is not a server id (letters, digits, _ or -, at most 64)");
      }
    }
    if (endpoint.role() == io.gamebus.config.Role.CLIENT && (result.serverId == null
      || !result.serverId.matches("[A-Za-z0-9_-]{1,64}"))) {
      throw options.error("serverId", "the client role needs the hosted server's id (letters, digits, _ or -)");
    }
    options.done();
    return result;
  }

  /** Whether this server role hosts that id. */
  public boolean hosts(String id) {
    return id != null && id.matches("[A-Za-z0-9_-]{1,64}") && (serverIds.contains("*") || serverIds.contains(id));
  }
}
