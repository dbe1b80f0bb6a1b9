package io.gamebus.support;

import io.gamebus.config.GamebusConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Configurations for tests: everything on loopback with port 0. */
public final class TestConfigs {

  public static final String SECRET_ENV_FILE_NAME = "faf-secret";

  private TestConfigs() {
  }

  /** A FAF server endpoint "lobby" with TCP and WebSocket listeners on ephemeral ports. */
  public static JsonObject fafServer(String name, String secretFile) {
    return new JsonObject()
      .put("protocol", "faf").put("name", name).put("role", "server")
      .put("listeners", new JsonArray()
        .add(new JsonObject().put("transport", "tcp").put("host", "127.0.0.1").put("port", 0))
        .add(new JsonObject().put("transport", "websocket").put("host", "127.0.0.1").put("port", 0).put("path", "/")))
      .put("auth", new JsonObject().put("jwtAlgorithm", "HS256").put("keyFile", secretFile));
  }

  public static JsonObject fafClient(String name, String url, String tokenFile) {
    JsonObject endpoint = new JsonObject()
      .put("protocol", "faf").put("name", name).put("role", "client").put("url", url)
      .put("reconnect", new JsonObject().put("initialDelayMs", 50).put("maxDelayMs", 500));
    if (tokenFile != null) {
      endpoint.put("auth", new JsonObject().put("tokenFile", tokenFile));
    }
    return endpoint;
  }

  /** An RPFM server endpoint on an ephemeral port at /ws with the example pack handlers. */
  public static JsonObject rpfmServer(String name, JsonObject options) {
    return new JsonObject()
      .put("protocol", "rpfm").put("name", name).put("role", "server")
      .put("listeners", new JsonArray()
        .add(new JsonObject().put("transport", "websocket").put("host", "127.0.0.1").put("port", 0).put("path", "/ws")))
      .put("options", new JsonObject().put("exampleHandlers", true).mergeIn(options));
  }

  public static JsonObject rpfmClient(String name, String url, JsonObject options) {
    return new JsonObject()
      .put("protocol", "rpfm").put("name", name).put("role", "client").put("url", url)
      .put("reconnect", new JsonObject().put("initialDelayMs", 50).put("maxDelayMs", 500))
      .put("options", options);
  }

  /** A Modrinth server endpoint on an ephemeral port at /ws; the API token is read from {@code tokenFile}. */
  public static JsonObject modrinthServer(String name, String tokenFile, JsonObject options) {
    return new JsonObject()
      .put("protocol", "modrinth").put("name", name).put("role", "server")
      .put("listeners", new JsonArray()
        .add(new JsonObject().put("transport", "websocket").put("host", "127.0.0.1").put("port", 0).put("path", "/ws")))
      .put("auth", new JsonObject().put("tokenFile", tokenFile))
      .put("options", options);
  }

  public static JsonObject modrinthClient(String name, String archonBaseUrl, String tokenFile, JsonObject options) {
    return new JsonObject()
      .put("protocol", "modrinth").put("name", name).put("role", "client").put("url", archonBaseUrl)
      .put("auth", new JsonObject().put("tokenFile", tokenFile))
      .put("reconnect", new JsonObject().put("initialDelayMs", 50).put("maxDelayMs", 500))
      .put("options", options);
  }

  /** A Red client endpoint that connects to {@code url} and reconnects fast (50 ms, up to 500 ms). */
  public static JsonObject redClient(String name, String url, JsonObject options) {
    return new JsonObject()
      .put("protocol", "red").put("name", name).put("role", "client").put("url", url)
      .put("reconnect", new JsonObject().put("initialDelayMs", 50).put("maxDelayMs", 500))
      .put("options", options);
  }

  /** A Red server endpoint on an ephemeral port at {@code /}. */
  public static JsonObject redServer(String name, JsonObject options) {
    return new JsonObject()
      .put("protocol", "red").put("name", name).put("role", "server")
      .put("listeners", new JsonArray()
        .add(new JsonObject().put("transport", "websocket").put("host", "127.0.0.1").put("port", 0).put("path", "/")))
      .put("options", options);
  }

  public static GamebusConfig node(JsonObject... endpoints) {
    JsonArray list = new JsonArray();
    for (JsonObject e : endpoints) {
      list.add(e);
    }
    return GamebusConfig.fromJson(new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("endpoints", list));
  }
}
