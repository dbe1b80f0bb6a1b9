package io.gamebus.config;

import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The level at which each {@code .status} event of an endpoint is logged
 * ({@code limits.statusLogLevels}): the defaults below, changed per event by the configuration.
 * Levels are {@code off}, {@code debug}, {@code info} and {@code warning} (the JDK's
 * {@code FINE}, {@code INFO}, {@code WARNING}). {@code bad-input} is not here: each bad input is
 * logged once, at {@code limits.badInputLogLevel}.
 *
 * <pre>{@code "limits": {"statusLogLevels": {"connection-opened": "info", "authenticated": "info"}}}</pre>
 */
public final class StatusLogLevels extends ConfigObject {

  public static final String LEVELS = "off|debug|info|warning";

  /**
   * The one table of defaults, by the event's {@code state} string: what an operator must see
   * (failures, refusals) at warning; lifecycle at info; every connection's coming and going at
   * debug, so a busy endpoint does not fill the log. Tests check it names every status event.
   */
  public static final Map<String, String> DEFAULTS = defaults(
      // the endpoint itself
      "listening", "info",
      "connecting", "debug",
      "connected", "info",
      "reconnecting", "info",
      "failed", "warning",
      "stopped", "info",
      "topic-dropped", "warning",
      // one connection
      "connection-opened", "debug",
      "connection-closed", "debug",
      "connection-error", "info",
      "connection-refused", "warning",
      "handshake", "debug",
      "authenticated", "debug",
      "authentication-failed", "warning",
      "slow-consumer", "warning",
      "quit", "debug",
      "closed-on-bad-input", "info",
      "invalid", "warning",
      "handler-failed", "warning",
      "call-failed", "warning",
      // sessions
      "session-started", "debug",
      "session-resumed", "debug",
      "session-ended", "debug",
      "session-lost", "warning",
      // what a client link learnt from its upstream
      "methods", "debug",
      "subscribed", "info");

  /** The status event that is logged elsewhere, once. */
  public static final String BAD_INPUT = "bad-input";

  private final Map<String, String> levels;

  StatusLogLevels(JsonFields f) {
    Map<String, String> given = new LinkedHashMap<>();
    for (String state : f.givenKeys()) {
      if (state.equals(BAD_INPUT)) {
        throw f.error(state, "bad input is logged by limits.badInputLogLevel");
      }
      if (!DEFAULTS.containsKey(state)) {
        throw f.error(state, "not a status event; one of " + String.join(", ", DEFAULTS.keySet()));
      }
      given.put(state, f.matching(state, null, LEVELS, "one of off, debug, info, warning"));
    }
    f.done();
    Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
    all.putAll(given);
    levels = Collections.unmodifiableMap(all);
  }

  public static StatusLogLevels fromJson(JsonObject json) {
    return new StatusLogLevels(JsonFields.of(json, "limits.statusLogLevels"));
  }

  /**
   * The level of {@code state} ({@code off}, {@code debug}, {@code info}, {@code warning});
   * {@code off} for {@code bad-input} (logged elsewhere), {@code info} for a state not in the table.
   */
  public String level(String state) {
    return levels.getOrDefault(state, BAD_INPUT.equals(state) ? "off" : "info");
  }

  /** Every event's level, defaults included, in the table's order. */
  public Map<String, String> levels() {
    return levels;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject(new LinkedHashMap<>(levels));
  }

  private static Map<String, String> defaults(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }
}
