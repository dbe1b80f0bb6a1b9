package io.gamebus.faf;

import io.gamebus.config.EndpointConfig;
import io.gamebus.config.OptionsReader;

/**
 * The FAF-specific {@code options} of an endpoint.
 *
 * <ul>
 *   <li>{@code pingIntervalSeconds} (45, like the real server; 0 disables): server role pings
 *       authenticated clients; client role pings after this long without inbound traffic.</li>
 *   <li>{@code loginHandlerTimeoutMs} (5000): how long the server waits for the bus handler that
 *       builds the login sequence.</li>
 *   <li>{@code binaryFrames} (true): server role sends binary WebSocket frames, which every FAF
 *       client reads (the PyQt client reads nothing else).</li>
 *   <li>{@code userAgent} ("gamebus"), {@code version} ("0.1.0"), {@code uniqueId} (""): what the
 *       client role sends in {@code ask_session} and {@code auth}.</li>
 *   <li>{@code pongTimeoutSeconds} (10): client role, how long the server has to send anything
 *       after our ping; silence past it closes the link as frozen and reconnects, so a frozen
 *       server is noticed within {@code pingIntervalSeconds + pongTimeoutSeconds} (+1 s) of its
 *       last message.</li>
 *   <li>{@code readIdleTimeoutSeconds} (3 × {@code pingIntervalSeconds}, i.e. 135; 0 never): client
 *       role, a link on which the server sends nothing this long is closed and reconnected (the
 *       real server pings every 45 s, so three missed pings mean a half-open link).</li>
 * </ul>
 */
public record FafOptions(int pingIntervalSeconds, long loginHandlerTimeoutMs, boolean binaryFrames,
                         String userAgent, String version, String uniqueId, int readIdleTimeoutSeconds,
                         int pongTimeoutSeconds) {

  /** Reads and validates {@code endpoints[i].options}; unknown fields are errors naming their path. */
  public static FafOptions from(EndpointConfig endpoint) {
    OptionsReader options = endpoint.optionsReader();
    int pingIntervalSeconds = options.integer("pingIntervalSeconds", 45, 0, 86_400);
    FafOptions result = new FafOptions(
      pingIntervalSeconds,
      options.longValue("loginHandlerTimeoutMs", 5_000, 1, 600_000),
      options.bool("binaryFrames", true),
      options.string("userAgent", "gamebus"),
      options.string("version", "0.1.0"),
      options.string("uniqueId", ""),
      options.integer("readIdleTimeoutSeconds", 3 * pingIntervalSeconds, 0, 3 * 86_400),
      options.integer("pongTimeoutSeconds", 10, 1, 3_600));
    options.done();
    return result;
  }
}
