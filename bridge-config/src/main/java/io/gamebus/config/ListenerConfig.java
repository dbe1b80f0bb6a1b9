package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One socket a server endpoint listens on. A protocol may listen on TCP and WebSocket at once; the
 * same codec serves both.
 *
 * <pre>{@code {"transport": "websocket", "host": "127.0.0.1", "port": 8003, "path": "/", "allowedOrigins": []}}</pre>
 */
public final class ListenerConfig extends ConfigObject {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final String DEFAULT_PATH = "/";

  private final Transport transport;
  private final String host;
  private final int port;
  private final String path;
  private final List<String> allowedOrigins;

  ListenerConfig(JsonFields f) {
    this.transport = Ids.read(f, "transport", Transport::of);
    this.host = Hosts.read(f, "host", DEFAULT_HOST);
    this.port = f.port("port", null);
    if (transport == Transport.WEBSOCKET) {
      this.path = f.matching("path", DEFAULT_PATH, "/\\S*", "a path starting with /");
      this.allowedOrigins = f.list("allowedOrigins", List.of(), BridgeConfig::origin);
    } else {
      if (f.has("path")) {
        throw f.error("path", "only websocket listeners have a path");
      }
      if (f.has("allowedOrigins")) {
        throw f.error("allowedOrigins", "only websocket listeners check origins");
      }
      this.path = null;
      this.allowedOrigins = List.of();
    }
    f.done();
  }

  public static ListenerConfig fromJson(JsonObject json) {
    return new ListenerConfig(JsonFields.of(json, ""));
  }

  /** TCP or WebSocket; required. */
  public Transport transport() {
    return transport;
  }

  /** Address to bind; default {@value #DEFAULT_HOST}. */
  public String host() {
    return host;
  }

  /** TCP port, 0..65535; required; 0 picks a free port (tests). */
  public int port() {
    return port;
  }

  /** WebSocket request path; default {@value #DEFAULT_PATH}; {@code null} for TCP listeners. */
  public String path() {
    return path;
  }

  /**
   * Web pages, besides the listener's own {@code http://127.0.0.1:<port>} and
   * {@code http://localhost:<port>}, whose scripts may open this WebSocket; default none. A
   * request without {@code Origin} (not a browser page) is always allowed. WebSocket only.
   */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("transport", transport.id()).put("host", host).put("port", port);
    return path == null ? json : json.put("path", path).put("allowedOrigins", new JsonArray(allowedOrigins));
  }
}
