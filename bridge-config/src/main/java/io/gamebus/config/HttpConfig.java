package io.gamebus.config;

import io.vertx.core.json.JsonObject;

/**
 * The HTTP server that serves the console page and the SockJS event-bus bridge.
 *
 * <pre>{@code "http": {"host": "127.0.0.1", "port": 8090}}</pre>
 */
public final class HttpConfig extends ConfigObject {

  /** Loopback, so nothing is reachable from other machines unless configured. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8090;

  private final String host;
  private final int port;

  HttpConfig(JsonFields f) {
    this.host = Hosts.read(f, "host", DEFAULT_HOST);
    this.port = f.port("port", DEFAULT_PORT);
    f.done();
  }

  /** Reads {@code json}, which may be empty: every field has a default. */
  public static HttpConfig fromJson(JsonObject json) {
    return new HttpConfig(JsonFields.of(json, "http"));
  }

  /** {@code host} 127.0.0.1, {@code port} 8090. */
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

  /** A copy with another port, e.g. 0 in tests. */
  public HttpConfig withPort(int port) {
    return fromJson(toJson().put("port", port));
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port);
  }
}
