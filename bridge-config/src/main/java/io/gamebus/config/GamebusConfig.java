package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole gamebus configuration: one JSON document, validated entirely when read. Every error
 * names the field by its path ({@code endpoints[1].listeners[0].port}) and the reason; a field
 * nobody knows is an error too, so a misspelt setting never passes silently.
 *
 * <pre>{@code {"busPrefix": "gamebus", "http": {...}, "bridge": {...}, "cluster": {...},
 *  "endpoints": [{...}, ...], "deploy": [{"verticle": "my.Verticle"}, ...]}}</pre>
 *
 * <p>Only {@code endpoints[*].protocol}, {@code name} and {@code role} (plus listeners or url) are
 * required; everything else has a documented default. {@code null} counts as absent.
 */
public final class GamebusConfig extends ConfigObject {

  /** The embedded default configuration on the classpath. */
  public static final String DEFAULT_RESOURCE = "gamebus/default.json";
  public static final String DEFAULT_BUS_PREFIX = "gamebus";

  private final String busPrefix;
  private final HttpConfig http;
  private final BridgeConfig bridge;
  private final ClusterConfig cluster;
  private final List<EndpointConfig> endpoints;
  private final List<DeployConfig> deploy;

  private GamebusConfig(JsonFields f) {
    busPrefix = f.matching("busPrefix", DEFAULT_BUS_PREFIX, "[a-z][a-z0-9_-]*",
        "a bus prefix: a-z first, then a-z, 0-9, _ or -");
    http = f.object("http", HttpConfig::new);
    bridge = f.object("bridge", b -> new BridgeConfig(b, busPrefix));
    cluster = f.object("cluster", ClusterConfig::new);
    endpoints = f.list("endpoints", List.of(), JsonFields.objects(EndpointConfig::new));
    deploy = f.list("deploy", List.of(), JsonFields.objects(DeployConfig::new));
    f.done();
    checkNamesUnique();
    checkPortsUnique();
  }

  /**
   * Reads and validates a configuration.
   *
   * @throws ConfigException naming the first field in error
   */
  public static GamebusConfig fromJson(JsonObject json) {
    return new GamebusConfig(JsonFields.of(json, ""));
  }

  /**
   * Reads and validates a configuration after applying {@code overrides}; an error caused by an
   * override names it.
   *
   * @throws ConfigException naming the first field in error
   */
  public static GamebusConfig fromJson(JsonObject json, ConfigOverrides overrides) {
    JsonObject applied = overrides.applyTo(json);
    try {
      return fromJson(applied);
    } catch (ConfigException e) {
      throw overrides.explain(e, applied);
    }
  }

  /** The embedded {@value #DEFAULT_RESOURCE}: every endpoint on loopback. */
  public static GamebusConfig loadDefault() {
    return loadDefault(ConfigOverrides.none());
  }

  /** The embedded {@value #DEFAULT_RESOURCE} with {@code overrides} applied before validation. */
  public static GamebusConfig loadDefault(ConfigOverrides overrides) {
    try (InputStream in = GamebusConfig.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new ConfigException(DEFAULT_RESOURCE, null, "missing from the classpath", null);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE, overrides);
    } catch (IOException e) {
      throw new ConfigException(DEFAULT_RESOURCE, null, "cannot read: " + e, e);
    }
  }

  /**
   * Reads a configuration file.
   *
   * @throws ConfigException whose message starts with the file, then the field: "my.json:
   *     endpoints[0].name: required", or "my.json: line 4, column 3: ..." for a syntax error
   */
  public static GamebusConfig load(Path file) {
    return load(file, ConfigOverrides.none());
  }

  /** Reads a configuration file and applies {@code overrides} before validating it. */
  public static GamebusConfig load(Path file, ConfigOverrides overrides) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "", "cannot read: " + FileText.why(e), e);
    }
    return parse(text, file.toString(), overrides);
  }

  private static GamebusConfig parse(String text, String source, ConfigOverrides overrides) {
    try {
      return fromJson(StrictJson.parse(text, source), overrides);
    } catch (ConfigException e) {
      throw e.source() == null ? e.inSource(source) : e;
    }
  }

  /** First part of every bus address; default {@value #DEFAULT_BUS_PREFIX}; {@code [a-z][a-z0-9_-]*}. */
  public String busPrefix() {
    return busPrefix;
  }

  /** The console and browser bridge HTTP server; default 127.0.0.1:8090. */
  public HttpConfig http() {
    return http;
  }

  /** The browser event-bus bridge; default lets browsers read {@code <busPrefix>.*} and send to {@code .out}. */
  public BridgeConfig bridge() {
    return bridge;
  }

  /** Clustering; default off. */
  public ClusterConfig cluster() {
    return cluster;
  }

  /** The endpoints to start, in file order; default none. Names are unique per protocol. */
  public List<EndpointConfig> endpoints() {
    return endpoints;
  }

  /**
   * Your own verticles, deployed after the endpoints and the console, in this order; default none.
   * {@code --deploy CLASS} adds entries.
   */
  public List<DeployConfig> deploy() {
    return deploy;
  }

  /** A copy with clustering switched on or off, for the {@code --cluster} flag. */
  public GamebusConfig withCluster(boolean enabled) {
    JsonObject json = toJson();
    json.put("cluster", cluster.withEnabled(enabled).toJson());
    return fromJson(json);
  }

  /** A copy with another HTTP server, e.g. {@code http().withPort(0)} in tests. */
  public GamebusConfig withHttp(HttpConfig http) {
    return fromJson(toJson().put("http", http.toJson()));
  }

  @Override
  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    endpoints.forEach(e -> array.add(e.toJson()));
    JsonArray verticles = new JsonArray();
    deploy.forEach(d -> verticles.add(d.toJson()));
    return new JsonObject()
        .put("busPrefix", busPrefix)
        .put("http", http.toJson())
        .put("bridge", bridge.toJson())
        .put("cluster", cluster.toJson())
        .put("endpoints", array)
        .put("deploy", verticles);
  }

  /** Names form bus addresses, so two endpoints of one protocol with one name would share them. */
  private void checkNamesUnique() {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < endpoints.size(); i++) {
      EndpointConfig e = endpoints.get(i);
      Integer first = seen.putIfAbsent(e.protocol().id() + "." + e.name(), i);
      if (first != null) {
        throw new ConfigException("endpoints[" + i + "].name", "'" + e.name() + "' is already used by "
            + e.protocol().id() + " endpoint endpoints[" + first + "]");
      }
    }
  }

  /**
   * Two listeners on one host and port would fail only at start-up, with a bind error that names
   * neither; port 0 (any free port) never clashes. Hosts are compared as written.
   */
  private void checkPortsUnique() {
    Map<String, String> seen = new HashMap<>();
    if (http.port() != 0) {
      seen.put(http.host() + ":" + http.port(), "http");
    }
    for (int i = 0; i < endpoints.size(); i++) {
      List<ListenerConfig> listeners = endpoints.get(i).listeners();
      for (int j = 0; j < listeners.size(); j++) {
        ListenerConfig l = listeners.get(j);
        String path = "endpoints[" + i + "].listeners[" + j + "]";
        String first = l.port() == 0 ? null : seen.putIfAbsent(l.host() + ":" + l.port(), path);
        if (first != null) {
          throw new ConfigException(path + ".port", l.host() + ":" + l.port() + " is already used by " + first);
        }
      }
    }
  }
}
