package io.gamebus.dfhack;

import io.gamebus.config.EndpointConfig;
import io.gamebus.config.OptionsReader;

/**
 * The DFHack-specific {@code options} of an endpoint.
 *
 * <ul>
 *   <li>{@code dfhackVersion} ("gamebus"), {@code dfVersion} ("unknown"): what the server role
 *       answers to {@code GetVersion} and {@code GetDFVersion}.</li>
 *   <li>{@code handlerTimeoutMs} (10000): server role, how long a bus handler may take before the
 *       call fails with {@code CR_LINK_FAILURE} (the real server has no timeout; a bus has to).</li>
 *   <li>{@code exampleCommands} (false): server role, also deploy the example {@code help} and
 *       {@code echo} commands.</li>
 *   <li>{@code requestTimeoutMs} (30000): client role, how long a {@code .request} may wait.</li>
 *   <li>{@code maxInFlight} (1024): client role, calls sent and not yet answered; past it
 *       requests fail at once (429 {@code busy}) instead of queueing without bound.</li>
 *   <li>{@code handshakeTimeoutMs} (10000): client role, how long the server may take to answer
 *       the handshake before the connection is dropped and retried.</li>
 *   <li>{@code readIdleTimeoutSeconds} (0, never): client role, a link on which the server sends
 *       nothing this long is closed and reconnected.</li>
 * </ul>
 */
public record DfhackOptions(String dfhackVersion, String dfVersion, long handlerTimeoutMs,
                            boolean exampleCommands, long requestTimeoutMs, int maxInFlight,
                            long handshakeTimeoutMs, int readIdleTimeoutSeconds) {

  public static DfhackOptions from(EndpointConfig endpoint) {
    OptionsReader options = endpoint.optionsReader();
    DfhackOptions result = new DfhackOptions(
      options.string("dfhackVersion", "gamebus"),
      options.string("dfVersion", "unknown"),
      options.longValue("handlerTimeoutMs", 10_000, 1, 600_000),
      options.bool("exampleCommands", false),
      options.longValue("requestTimeoutMs", 30_000, 1, 600_000),
      options.integer("maxInFlight", 1024, 1, 1_000_000),
      options.longValue("handshakeTimeoutMs", DfhackClientConnection.DEFAULT_HANDSHAKE_TIMEOUT_MS, 1, 600_000),
      options.integer("readIdleTimeoutSeconds", 0, 0, 86_400));
    options.done();
    return result;
  }
}
