package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to the configuration JSON made before it is validated, so an overridden value is checked
 * like one written in the file and its errors name the field. Applied in order: environment
 * variables ({@link #ENVIRONMENT}), then {@code --set PATH=VALUE} in command-line order, then
 * {@code --deploy CLASS}. An error caused by an override says which one
 * ({@code http.port: 70000 is not a port (from --set http.port)}), naming it by its path, never
 * its value, since that might be a credential typed in the wrong place.
 *
 * <p>A value is JSON when it parses as JSON ({@code 9000}, {@code true}, {@code null} = absent,
 * {@code ["a","b"]}, {@code "quoted"}), else a string; text starting with {@code [ { "} must be
 * valid JSON. Where the field is a list of strings (it is an array already, or it is an
 * {@code allowedOrigins} or {@code transports} field) a plain value is split at commas.
 * {@link ConfigPath} describes the paths.
 */
public final class ConfigOverrides {

  /** The environment variables read, and the field each sets. An empty variable counts as unset. */
  public static final Map<String, String> ENVIRONMENT = environment();

  /** Fields whose plain values are comma-separated lists even when the file leaves them out. */
  private static final Set<String> STRING_LISTS = Set.of("allowedOrigins", "transports");

  private final List<Change> changes;

  private ConfigOverrides(List<Change> changes) {
    this.changes = List.copyOf(changes);
  }

  /** No overrides: the file as written. */
  public static ConfigOverrides none() {
    return new ConfigOverrides(List.of());
  }

  /** The {@link #ENVIRONMENT} variables set (non-empty) in {@code env}, e.g. {@code System.getenv()}. */
  public static ConfigOverrides fromEnvironment(Map<String, String> env) {
    List<Change> changes = new ArrayList<>();
    ENVIRONMENT.forEach((variable, field) -> {
      String value = env.get(variable);
      if (value != null && !value.isEmpty()) {
        changes.add(new Change(variable, ConfigPath.parse(field, variable), value, false));
      }
    });
    return new ConfigOverrides(changes);
  }

  /**
   * These overrides, then {@code --set PATH=VALUE} for each of {@code assignments}.
   *
   * @throws ConfigException for an assignment without {@code =} or with a malformed path
   */
  public ConfigOverrides set(List<String> assignments) {
    List<Change> all = new ArrayList<>(changes);
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new ConfigException("", "--set needs PATH=VALUE, like http.port=9000; got '"
            + (equals < 0 ? assignment : "=...") + "'");
      }
      String path = assignment.substring(0, equals);
      String origin = "--set " + path;
      all.add(new Change(origin, ConfigPath.parse(path, origin), assignment.substring(equals + 1), false));
    }
    return new ConfigOverrides(all);
  }

  /** These overrides, then one {@code deploy} entry with the defaults for each class name. */
  public ConfigOverrides deploy(List<String> verticles) {
    List<Change> all = new ArrayList<>(changes);
    for (String verticle : verticles) {
      all.add(new Change("--deploy " + verticle, ConfigPath.parse("deploy", "--deploy"), verticle, true));
    }
    return new ConfigOverrides(all);
  }

  /**
   * A copy of {@code json} with every override applied, ready for {@link GamebusConfig#fromJson}.
   *
   * @throws ConfigException when an override cannot be applied (a missing list element, a field
   *     inside a number, ...), naming the override
   */
  public JsonObject applyTo(JsonObject json) {
    JsonObject copy = json.copy();
    for (Change change : changes) {
      try {
        if (change.append) {
          change.path.appendTo(copy, DeployConfig.entry(change.text));
        } else {
          change.path.assign(copy, field -> value(change.text, field));
        }
      } catch (ConfigException e) {
        throw e.withReason(e.reason() + " (from " + change.origin + ")");
      }
    }
    return copy;
  }

  /**
   * {@code e}, found in {@code applied} (what {@link #applyTo} returned), with the last override
   * that wrote the field in error (or an object holding it) named; {@code e} itself when the field
   * came from the file.
   */
  ConfigException explain(ConfigException e, JsonObject applied) {
    Object deploy = applied.getValue("deploy");
    int next = deploy instanceof JsonArray ? ((JsonArray) deploy).size() : 0; // --deploy entries are last
    for (int i = changes.size() - 1; i >= 0; i--) {
      Change change = changes.get(i);
      boolean wrote = change.append ? ConfigPath.covers("deploy\\[" + --next + "]", e.path()) : change.path.covers(e.path());
      if (wrote) {
        return e.withReason(e.reason() + " (from " + change.origin + ")");
      }
    }
    return e;
  }

  /** The JSON for {@code text} written into {@code field}, which holds {@code current} now. */
  private static Object value(String text, ConfigPath.Target field) {
    boolean list = field.current() instanceof JsonArray || STRING_LISTS.contains(field.name());
    Object json = StrictJson.value(text, field.path());
    if (json != StrictJson.NOT_JSON) {
      return json;
    }
    if (!list) {
      return text;
    }
    JsonArray items = new JsonArray();
    Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
    return items;
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("GAMEBUS_HTTP_HOST", "http.host");
    env.put("GAMEBUS_HTTP_PORT", "http.port");
    env.put("GAMEBUS_ALLOWED_ORIGINS", "bridge.allowedOrigins");
    env.put("GAMEBUS_CLUSTER", "cluster.enabled");
    return java.util.Collections.unmodifiableMap(env);
  }

  /** One override; {@code append} adds {@code text} as a deploy entry instead of assigning it. */
  private record Change(String origin, ConfigPath path, String text, boolean append) {
  }
}
