package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** One test per kind of error, each checking the exact path and reason. */
class ValidationTest {

  static JsonObject server(String name, int port) {
    return new JsonObject().put("protocol", "faf").put("name", name).put("role", "server")
        .put("listeners", new JsonArray().add(new JsonObject().put("transport", "tcp").put("port", port)));
  }

  static JsonObject client(String name, String url) {
    return new JsonObject().put("protocol", "faf").put("name", name).put("role", "client").put("url", url);
  }

  static JsonObject config(JsonObject... endpoints) {
    JsonArray array = new JsonArray();
    for (JsonObject e : endpoints) {
      array.add(e);
    }
    return new JsonObject().put("endpoints", array);
  }

  static void assertError(String message, JsonObject json) {
    ConfigException e = assertThrows(ConfigException.class, () -> GamebusConfig.fromJson(json));
    assertEquals(message, e.getMessage());
    assertEquals(message, e.path() + ": " + e.reason());
  }

  @Test
  void unknownField() {
    assertError("endpoints[0].bogus: unknown field", config(server("a", 1).put("bogus", 1)));
    assertError("bogus: unknown field", new JsonObject().put("bogus", true));
    assertError("endpoints[0].listeners[0].hots: unknown field",
        config(server("a", 1).put("listeners", new JsonArray().add(
            new JsonObject().put("transport", "tcp").put("port", 1).put("hots", "x")))));
  }

  @Test
  void wrongType() {
    assertError("http.port: expected an integer, got \"abc\"", new JsonObject().put("http", new JsonObject().put("port", "abc")));
    assertError("http.port: expected an integer, got 80.5", new JsonObject().put("http", new JsonObject().put("port", 80.5)));
    assertError("http: expected an object, got 8090", new JsonObject().put("http", 8090));
    assertError("http.metrics: expected true or false, got \"yes\"", new JsonObject().put("http", new JsonObject().put("metrics", "yes")));
    assertError("endpoints: expected an array, got an object", new JsonObject().put("endpoints", new JsonObject()));
    assertError("endpoints[0]: expected an object, got \"lobby\"", new JsonObject().put("endpoints", new JsonArray().add("lobby")));
    assertError("cluster.enabled: expected true or false, got \"yes\"", new JsonObject().put("cluster", new JsonObject().put("enabled", "yes")));
    assertError("endpoints[0].reconnect.jitter: expected a number, got \"low\"",
        config(client("c", "ws://h/").put("reconnect", new JsonObject().put("jitter", "low"))));
  }

  @Test
  void badPort() {
    assertError("endpoints[0].listeners[0].port: 70000 is not a port", config(server("a", 70000)));
    assertError("endpoints[0].listeners[0].port: -1 is not a port", config(server("a", -1)));
    assertError("http.port: 70000 is not a port", new JsonObject().put("http", new JsonObject().put("port", 70000)));
  }

  @Test
  void missingPort() {
    JsonObject e = server("a", 1);
    e.getJsonArray("listeners").getJsonObject(0).remove("port");
    assertError("endpoints[0].listeners[0].port: required", config(e));
  }

  @Test
  void portUsedTwice() {
    assertError("endpoints[1].listeners[0].port: 127.0.0.1:8002 is already used by endpoints[0].listeners[0]",
        config(server("a", 8002), server("b", 8002).put("protocol", "dfhack")));
    assertError("endpoints[0].listeners[0].port: 127.0.0.1:8090 is already used by http", config(server("a", 8090)));
  }

  @Test
  void portZeroNeverClashes() {
    GamebusConfig.fromJson(config(server("a", 0), server("b", 0)).put("http", new JsonObject().put("port", 0)));
  }

  @Test
  void badEnum() {
    assertError("endpoints[0].role: 'sever' is not one of server, client", config(server("a", 1).put("role", "sever")));
    assertError("endpoints[0].protocol: 'irc' is not one of rpfm, dfhack, faf, modrinth, red",
        config(server("a", 1).put("protocol", "irc")));
    JsonObject udp = server("a", 1);
    udp.getJsonArray("listeners").getJsonObject(0).put("transport", "udp");
    assertError("endpoints[0].listeners[0].transport: 'udp' is not one of tcp, websocket", config(udp));
  }

  @Test
  void duplicateName() {
    assertError("endpoints[3].name: 'lobby' is already used by faf endpoint endpoints[0]",
        config(server("lobby", 1), server("lobby", 2).put("protocol", "dfhack"), server("x", 3), server("lobby", 4)));
  }

  @Test
  void badName() {
    assertError("endpoints[0].name: 'Lobby' is not a name: a-z first, then a-z, 0-9, _ or -, at most 32",
        config(server("Lobby", 1)));
    assertError("endpoints[0].name: required", config(server("a", 1).putNull("name")));
  }

  @Test
  void clientWithListeners() {
    assertError("endpoints[0].listeners: a client endpoint does not listen; it connects to its url",
        config(server("a", 1).put("role", "client").put("url", "ws://h/")));
  }

  @Test
  void serverWithoutListeners() {
    assertError("endpoints[0].listeners: a server endpoint needs at least one listener",
        config(server("a", 1).put("listeners", new JsonArray())));
    JsonObject none = server("a", 1);
    none.remove("listeners");
    assertError("endpoints[0].listeners: a server endpoint needs at least one listener", config(none));
  }

  @Test
  void serverWithUrl() {
    assertError("endpoints[0].url: only client endpoints have a url; a server endpoint has listeners",
        config(server("a", 1).put("url", "ws://h/")));
  }

  @Test
  void inlineSecret() {
    String reason = ": secrets come from keyEnv/keyFile/tokenEnv/tokenFile, not from the configuration file";
    assertError("endpoints[0].auth.secret" + reason, config(server("a", 1).put("auth", new JsonObject().put("secret", "s3cr3t"))));
    assertError("endpoints[0].auth.key" + reason, config(server("a", 1).put("auth", new JsonObject().put("key", "k"))));
    assertError("endpoints[0].auth.token" + reason, config(client("c", "ws://h/").put("auth", new JsonObject().put("token", "t"))));
    assertError("endpoints[0].auth.password" + reason, config(client("c", "ws://h/").put("auth", new JsonObject().put("password", "p"))));
    assertError("endpoints[0].options.apiKey" + reason, config(server("a", 1).put("options", new JsonObject().put("apiKey", "k"))));
    assertError("endpoints[0].url" + reason, config(client("c", "wss://h/?access_token=abc")));
    assertError("endpoints[0].options.discord[0].botToken" + reason, config(server("a", 1).put("options",
        new JsonObject().put("discord", new JsonArray().add(new JsonObject().put("botToken", "t"))))));
  }

  @Test
  void envNameThatLooksLikeAValueIsNotEchoed() {
    assertError("endpoints[0].auth.keyEnv: not an environment variable name (give the variable's name, not its value)",
        config(server("a", 1).put("auth", new JsonObject().put("keyEnv", "hunter2 is my password"))));
  }

  @Test
  void keyAndTokenBelongToTheirRole() {
    assertError("endpoints[0].auth.keyEnv: a client endpoint logs in with tokenEnv or tokenFile; keyEnv is for server endpoints",
        config(client("c", "ws://h/").put("auth", new JsonObject().put("keyEnv", "K"))));
    assertError("endpoints[0].auth.tokenFile: a server endpoint verifies tokens with keyEnv or keyFile; tokenFile is for client endpoints",
        config(server("a", 1).put("auth", new JsonObject().put("tokenFile", "t.txt"))));
    assertError("endpoints[0].auth.keyFile: set keyEnv or keyFile, not both",
        config(server("a", 1).put("auth", new JsonObject().put("keyEnv", "K").put("keyFile", "k.pem"))));
    assertError("endpoints[0].auth.jwtAlgorithm: 'none' is not one of HS256, RS256",
        config(server("a", 1).put("auth", new JsonObject().put("jwtAlgorithm", "none"))));
  }

  @Test
  void badRegex() {
    JsonObject bridge = new JsonObject().put("outbound", new JsonArray().add(new JsonObject().put("addressRegex", "gamebus.(")));
    ConfigException e = assertThrows(ConfigException.class,
        () -> GamebusConfig.fromJson(new JsonObject().put("bridge", bridge)));
    assertEquals("bridge.outbound[0].addressRegex", e.path());
    assertEquals("'gamebus.(' is not a regular expression: Unclosed group near index 9", e.reason());
  }

  @Test
  void permittedAddressNeedsExactlyOneOf() {
    assertError("bridge.inbound[0]: set exactly one of address and addressRegex", new JsonObject().put("bridge",
        new JsonObject().put("inbound", new JsonArray().add(new JsonObject().put("address", "a").put("addressRegex", "b")))));
    assertError("bridge.inbound[0]: set exactly one of address and addressRegex", new JsonObject().put("bridge",
        new JsonObject().put("inbound", new JsonArray().add(new JsonObject()))));
  }

  @Test
  void badOrigin() {
    assertError("bridge.allowedOrigins[1]: 'http://localhost:3000/' is not an origin like http://localhost:3000",
        new JsonObject().put("bridge", new JsonObject().put("allowedOrigins",
            new JsonArray().add("https://example.org").add("http://localhost:3000/"))));
    assertError("bridge.allowedOrigins[0]: '*' is not an origin like http://localhost:3000",
        new JsonObject().put("bridge", new JsonObject().put("allowedOrigins", new JsonArray().add("*"))));
  }

  @Test
  void missingUrl() {
    assertError("endpoints[0].url: required for client endpoints", config(client("c", null)));
  }

  @Test
  void badUrlScheme() {
    assertError("endpoints[0].url: 'http://h/' does not start with ws://, wss:// or tcp://", config(client("c", "http://h/")));
    assertError("endpoints[0].url: 'tcp://h' is not tcp://host:port", config(client("c", "tcp://h")));
    assertError("endpoints[0].url: 'ws:///x' has no host", config(client("c", "ws:///x")));
    GamebusConfig.fromJson(config(client("c", "tcp://127.0.0.1:5000"), client("d", "wss://ws.faforever.xyz/")));
  }

  @Test
  void modrinthRules() {
    JsonObject server = server("hosting", 0).put("protocol", "modrinth");
    assertError("endpoints[0].listeners[0].transport: Modrinth speaks WebSocket only", config(server));
    assertError("endpoints[0].url: 'ws://h/ws' is not Archon's REST base (http:// or https://, e.g. https://archon.modrinth.com)",
        config(client("c", "ws://h/ws").put("protocol", "modrinth")));
    EndpointConfig client = GamebusConfig.fromJson(config(client("c", null).put("protocol", "modrinth"))).endpoints().get(0);
    assertEquals("https://archon.modrinth.com", client.url(), "the official client's archonBaseUrl is the default");
    assertEquals(1024 * 1024, client.limits().maxMessageBytes());
    assertEquals(1024 * 1024, client.limits().maxFrameBytes());
    assertEquals(30, client.limits().loginTimeoutSeconds());
    // The server role checks an API token (tokenEnv) and signs socket JWTs with a key: both are allowed.
    server.getJsonArray("listeners").getJsonObject(0).put("transport", "websocket").put("path", "/ws");
    EndpointConfig hosting = GamebusConfig.fromJson(config(server.put("auth",
        new JsonObject().put("tokenEnv", "API_TOKEN").put("keyEnv", "JWT_KEY")))).endpoints().get(0);
    assertEquals("API_TOKEN", hosting.auth().tokenEnv());
    assertEquals("JWT_KEY", hosting.auth().keyEnv());
  }

  @Test
  void redRules() {
    JsonObject server = server("bot", 0).put("protocol", "red");
    assertError("endpoints[0].listeners[0].transport: Red speaks WebSocket only", config(server));
    assertError("endpoints[0].url: Red speaks WebSocket only: ws:// or wss://",
        config(client("c", "tcp://127.0.0.1:6133").put("protocol", "red")));
    assertError("endpoints[0].limits.loginTimeoutSeconds: Red has no login; remove this limit",
        config(client("c", "ws://127.0.0.1:6133/").put("protocol", "red")
            .put("limits", new JsonObject().put("loginTimeoutSeconds", 5))));
    EndpointConfig client = GamebusConfig.fromJson(config(client("c", "ws://127.0.0.1:6133/").put("protocol", "red")))
        .endpoints().get(0);
    assertEquals(4 * 1024 * 1024, client.limits().maxMessageBytes(), "aiohttp's max_msg_size, as real Red");
    assertEquals(4 * 1024 * 1024, client.limits().maxFrameBytes());
  }

  @Test
  void missingRequiredField() {
    assertError("endpoints[0].protocol: required", config(server("a", 1).putNull("protocol")));
    assertError("endpoints[0].role: required", config(server("a", 1).putNull("role")));
  }

  @Test
  void outOfRange() {
    assertError("endpoints[0].limits.maxConnections: 0 is not positive",
        config(server("a", 1).put("limits", new JsonObject().put("maxConnections", 0))));
    assertError("endpoints[0].limits.idleTimeoutSeconds: -5 is negative",
        config(server("a", 1).put("limits", new JsonObject().put("idleTimeoutSeconds", -5))));
    assertError("endpoints[0].limits.maxFrameBytes: 3000000000 is more than 2147483647",
        config(server("a", 1).put("limits", new JsonObject().put("maxFrameBytes", 3_000_000_000L))));
    assertEquals(1024, GamebusConfig.fromJson(config(server("a", 1).put("limits", new JsonObject().put("maxMessageBytes", 1024))))
        .endpoints().get(0).limits().maxFrameBytes(), "a small message limit lowers the default frame limit");
    assertError("endpoints[0].limits.maxFrameBytes: 2048 is more than maxMessageBytes (1024)",
        config(server("a", 1).put("limits", new JsonObject().put("maxMessageBytes", 1024).put("maxFrameBytes", 2048))));
    assertError("endpoints[0].reconnect.jitter: 1.5 is not between 0.0 and 1.0",
        config(client("c", "ws://h/").put("reconnect", new JsonObject().put("jitter", 1.5))));
    assertError("endpoints[0].reconnect.maxDelayMs: 100 is less than initialDelayMs (500)",
        config(client("c", "ws://h/").put("reconnect", new JsonObject().put("maxDelayMs", 100))));
  }

  @Test
  void serverDoesNotReconnect() {
    assertError("endpoints[0].reconnect: only client endpoints reconnect",
        config(server("a", 1).put("reconnect", new JsonObject())));
  }

  @Test
  void pathRulesOfListeners() {
    JsonObject tcpWithPath = server("a", 1);
    tcpWithPath.getJsonArray("listeners").getJsonObject(0).put("path", "/x");
    assertError("endpoints[0].listeners[0].path: only websocket listeners have a path", config(tcpWithPath));
    JsonObject ws = server("a", 1);
    ws.getJsonArray("listeners").getJsonObject(0).put("transport", "websocket").put("path", "ws");
    assertError("endpoints[0].listeners[0].path: 'ws' is not a path starting with /", config(ws));
  }

  @Test
  void badHostAndPrefix() {
    assertError("http.host: '127.0.0.1:8090' is not a host name or address (the port goes in its own field)",
        new JsonObject().put("http", new JsonObject().put("host", "127.0.0.1:8090")));
    assertError("busPrefix: 'Game.Bus' is not a bus prefix: a-z first, then a-z, 0-9, _ or -",
        new JsonObject().put("busPrefix", "Game.Bus"));
  }
}
