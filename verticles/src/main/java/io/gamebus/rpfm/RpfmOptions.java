package io.gamebus.rpfm;

import io.gamebus.config.EndpointConfig;
import io.gamebus.config.OptionsReader;

/**
 * The RPFM-specific {@code options} of an endpoint.
 *
 * <ul>
 *   <li>{@code version} ("5.0.6"): server role, what {@code GET /version} reports. The real RPFM UI
 *       kills the process on port 45127 unless this equals its own version exactly.</li>
 *   <li>{@code sessionGraceSeconds} (300, like the real server): server role, how long a session
 *       without connections is kept; a reconnect cancels the countdown.</li>
 *   <li>{@code maxIdleSessions} (100): server role, sessions without a connection kept at most; past
 *       it the one idle longest ends at once (a peer connecting and dropping in a loop cannot pile
 *       sessions up).</li>
 *   <li>{@code handlerTimeoutMs} (60000): server role, how long a bus handler may take before the
 *       client gets an {@code Error} (the real UI waits forever, so something must answer).</li>
 *   <li>{@code maxInFlightPerConnection} (256): server role, commands of one connection waiting for
 *       their handlers; past it the connection is not read until answers go out.</li>
 *   <li>{@code exampleHandlers} (false): server role, also deploy the example pack handlers.</li>
 *   <li>{@code requestTimeoutMs} (60000): client role, how long a {@code .request} may wait; the
 *       real server never answers some inputs.</li>
 *   <li>{@code maxInFlight} (1024): client role, requests sent and not yet answered; past it
 *       requests fail at once with 429 {@code busy}.</li>
 *   <li>{@code handshakeTimeoutMs} (10000): client role, how long the server may take to send
 *       {@code SessionConnected} after the connection opens.</li>
 *   <li>{@code readIdleTimeoutSeconds} (0, never): client role; RPFM has no heartbeat, so an idle
 *       link is normal.</li>
 * </ul>
 */
public record RpfmOptions(String version, int sessionGraceSeconds, int maxIdleSessions, long handlerTimeoutMs, int maxInFlightPerConnection,
                          boolean exampleHandlers, long requestTimeoutMs, int maxInFlight, long handshakeTimeoutMs,
                          int readIdleTimeoutSeconds) {

  public static RpfmOptions from(EndpointConfig endpoint) {
    OptionsReader options = endpoint.optionsReader();
    RpfmOptions result = new RpfmOptions(
      options.string("version", "5.0.6"),
      options.integer("sessionGraceSeconds", 300, 1, 7 * 86_400),
      options.integer("maxIdleSessions", 100, 1, 1_000_000),
      options.longValue("handlerTimeoutMs", 60_000, 1, 3_600_000),
      options.integer("maxInFlightPerConnection", 256, 1, 100_000),
      options.bool("exampleHandlers", false),
      options.longValue("requestTimeoutMs", 60_000, 1, 3_600_000),
      options.integer("maxInFlight", 1024, 1, 1_000_000),
      options.longValue("handshakeTimeoutMs", 10_000, 1, 600_000),
      options.integer("readIdleTimeoutSeconds", 0, 0, 86_400));
    options.done();
    return result;
  }
}
