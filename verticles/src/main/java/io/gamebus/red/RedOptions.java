package io.gamebus.red;

import io.gamebus.config.EndpointConfig;
import io.gamebus.config.OptionsReader;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Red-specific {@code options} of a server-role endpoint.
 *
 * <ul>
 *   <li>{@code handlerTimeoutMs} (60000): how long a bus handler may take before the client gets
 *       {@code -32603 "Internal Error"} (real Red has no timeout; something must answer).</li>
 *   <li>{@code maxInFlightPerConnection} (256): calls of one connection waiting for their
 *       handlers; past it the connection is not read until answers go out.</li>
 *   <li>{@code methodRefreshMs} (5000): how often the cached table of methods and topics
 *       registered cluster-wide is re-read; an unknown name re-reads it at once.</li>
 *   <li>{@code topics} ({}): topic name → bus address; every message published or sent there is
 *       notified to the topic's subscribers, e.g.
 *       {@code {"FAF__GAME_INFO": "gamebus.faf.lobby.in.game_info"}}.</li>
 *   <li>{@code exampleMethods} (false): also deploy {@code GAMEBUS__ENDPOINTS} and
 *       {@code GAMEBUS__SEND} (io.gamebus.examples.RedExampleMethods).</li>
 * </ul>
 */
public record RedOptions(long handlerTimeoutMs, int maxInFlightPerConnection, long methodRefreshMs,
                         Map<String, String> topics, boolean exampleMethods) {

  public RedOptions {
    topics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topics));
  }

  public static RedOptions from(EndpointConfig endpoint) {
    OptionsReader options = endpoint.optionsReader();
    long handlerTimeoutMs = options.longValue("handlerTimeoutMs", 60_000, 1, 3_600_000);
    int maxInFlight = options.integer("maxInFlightPerConnection", 256, 1, 100_000);
    long refreshMs = options.longValue("methodRefreshMs", 5_000, 100, 3_600_000);
    Map<String, String> topics = new LinkedHashMap<>();
    options.object("topics", new io.vertx.core.json.JsonObject()).forEach(entry -> {
      if (entry.getKey().isEmpty()) {
        throw options.error("topics", "a topic name must not be empty");
      }
      if (!(entry.getValue() instanceof String address) || address.isEmpty()) {
        throw options.error("topics." + entry.getKey(), "must be a bus address (a non-empty string)");
      }
      topics.put(entry.getKey(), address);
    });
    boolean examples = options.bool("exampleMethods", false);
    options.done();
    return new RedOptions(handlerTimeoutMs, maxInFlight, refreshMs, topics, examples);
  }
}
