package io.gamebus.config;

import io.vertx.core.json.JsonObject;

/**
 * The HTTP server that serves the console page, the SockJS event-bus bridge, {@code /health} and
 * (unless {@code metrics} is false) {@code /metrics}.
 *
 * <pre>{@code "http": {"host": "127.0.0.1", "port": 8090, "metrics": true}}</pre>
 */
public final class HttpConfig extends ConfigObject {

  /** Loopback, so nothing is reachable from other machines unless configured. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8090;

  private final String host;
  private final int port;
  private final boolean metrics;

  HttpConfig(JsonFields f) {
    this.host = Hosts.read(f, "host", DEFAULT_HOST);
    this.port = f.port("port", DEFAULT_PORT);
    this.metrics = f.bool("metrics", true);
    f.done();
  }

  /** Reads {@code json}, which may be empty: every field has a default. */
  public static HttpConfig fromJson(JsonObject json) {
    return new HttpConfig(JsonFields.of(json, "http"));
  }

  /** {@code host} 127.0.0.1, {@code port} 8090, {@code metrics} on. */
  public static HttpConfig defaults() {
    return fromJson(new JsonObject());
  }

  /** Address to bind; default {@value #DEFAULT_HOST}. */
  public String host() {
    return host;
  }

  /** TCP port; default {@value #DEFAULT_PORT}; 0 picks a free port (tests). */
  public int port() {
    return port;
  }

  /**
   * Whether Vert.x collects metrics (Micrometer) and the console serves them at {@code /metrics} in
   * Prometheus's text format; default true. False: no Vert.x metrics, {@code /metrics} is 404.
   */
  public boolean metrics() {
    return metrics;
  }

  /** A copy with another port, e.g. 0 in tests. */
  public HttpConfig withPort(int port) {
    return fromJson(toJson().put("port", port));
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("metrics", metrics);
  }
}
