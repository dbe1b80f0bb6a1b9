package io.gamebus.red;

import io.gamebus.config.EndpointConfig;
import io.gamebus.config.OptionsReader;

import java.util.List;

/**
 * The {@code options} of a Red endpoint in the client role.
 *
 * <ul>
 *   <li>{@code topics} ([]): topics to {@code SUBSCRIBE} to after each (re)connect; their
 *       notifications arrive on {@code .in} with type = topic. Stock Red offers none; topics
 *       come from third-party cogs (or a gamebus server role).</li>
 *   <li>{@code requestTimeoutMs} (60000): how long a {@code .request} may wait for its reply;
 *       Red sets no time limit on its methods, so something must.</li>
 *   <li>{@code maxInFlight} (1024): calls sent and not yet answered; past it requests fail at
 *       once with 429 {@code busy}.</li>
 *   <li>{@code handshakeTimeoutMs} (10000): how long opening the connection, {@code GET_METHODS}
 *       and {@code SUBSCRIBE} may take together before the attempt counts as failed.</li>
 *   <li>{@code readIdleTimeoutSeconds} (0, never): Red sends nothing on an idle connection (no
 *       heartbeat), so silence is normal.</li>
 * </ul>
 */
public record RedClientOptions(List<String> topics, long requestTimeoutMs, int maxInFlight, long handshakeTimeoutMs,
                               int readIdleTimeoutSeconds) {

  public static RedClientOptions from(EndpointConfig endpoint) {
    OptionsReader options = endpoint.optionsReader();
    List<String> topics = options.strings("topics", List.of());
    for (String topic : topics) {
      if (topic.isEmpty()) {
        throw options.error("topics", "a topic name must not be empty (Red skips empty names)");
      }
    }
    RedClientOptions result = new RedClientOptions(List.copyOf(topics),
      options.longValue("requestTimeoutMs", 60_000, 1, 3_600_000),
      options.integer("maxInFlight", 1024, 1, 1_000_000),
      options.longValue("handshakeTimeoutMs", 10_000, 1, 600_000),
      options.integer("readIdleTimeoutSeconds", 0, 0, 86_400));
    options.done();
    return result;
  }
}
