package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every class: defaults are the documented ones, and toJson() read back gives an equal object
 * whose toJson() is the same again.
 */
class RoundTripTest {

  static <T extends ConfigObject> T roundTrip(T value, Function<JsonObject, T> fromJson) {
    T again = fromJson.apply(value.toJson());
    assertEquals(value, again);
    assertEquals(value.toJson(), again.toJson());
    assertEquals(value.hashCode(), again.hashCode());
    // Through text too, as a file would carry it.
    assertEquals(value, fromJson.apply(new JsonObject(value.toJson().encode())));
    return again;
  }

  @Test
  void httpConfig() {
    HttpConfig http = roundTrip(HttpConfig.defaults(), HttpConfig::fromJson);
    assertEquals("127.0.0.1", http.host());
    assertEquals(8090, http.port());
    assertEquals(0, roundTrip(http.withPort(0), HttpConfig::fromJson).port());
    assertTrue(http.metrics(), "metrics are on by default");
    assertFalse(roundTrip(HttpConfig.fromJson(new JsonObject().put("metrics", false)), HttpConfig::fromJson).metrics());
  }

  @Test
  void bridgeConfig() {
    BridgeConfig bridge = roundTrip(BridgeConfig.fromJson(new JsonObject()), BridgeConfig::fromJson);
    assertEquals("/eventbus", bridge.path());
    assertEquals(List.of(), bridge.allowedOrigins());
    assertEquals(List.of(PermittedAddress.addressRegex("gamebus" + BridgeConfig.WRITABLE_CHANNELS)), bridge.inbound());
    assertEquals(List.of(PermittedAddress.addressRegex("gamebus" + BridgeConfig.READABLE_CHANNELS)), bridge.outbound());
    assertEquals(65536, bridge.maxFrameBytes());
    assertEquals(10000, bridge.pingTimeoutMs());
    BridgeConfig custom = roundTrip(BridgeConfig.fromJson(new JsonObject()
        .put("allowedOrigins", new JsonArray().add("http://localhost:3000"))
        .put("inbound", new JsonArray())
        .put("outbound", new JsonArray().add(new JsonObject().put("address", "gamebus.endpoints")))),
        BridgeConfig::fromJson);
    assertEquals(List.of(), custom.inbound(), "an empty list permits nothing");
    assertEquals("gamebus.endpoints", custom.outbound().get(0).address());
  }

  @Test
  void bridgeDefaultsFollowBusPrefix() {
    GamebusConfig config = GamebusConfig.fromJson(new JsonObject().put("busPrefix", "gb2"));
    assertTrue(config.bridge().outbound().get(0).permits("gb2.faf.lobby.in"));
    assertFalse(config.bridge().outbound().get(0).permits("gamebus.faf.lobby.in"));
    roundTrip(config, GamebusConfig::fromJson);
  }

  @Test
  void permittedAddress() {
    PermittedAddress exact = roundTrip(PermittedAddress.address("gamebus.endpoints"), PermittedAddress::fromJson);
    assertNull(exact.addressRegex());
    assertTrue(exact.permits("gamebus.endpoints"));
    assertFalse(exact.permits("gamebus.endpoints.x"));
    PermittedAddress regex = roundTrip(PermittedAddress.addressRegex("a\\.b.*"), PermittedAddress::fromJson);
    assertNull(regex.address());
    assertTrue(regex.permits("a.bcd"));
    assertFalse(regex.permits("xa.b"), "the regex must match the whole address");
  }

  @Test
  void clusterConfig() {
    ClusterConfig cluster = roundTrip(ClusterConfig.fromJson(new JsonObject()), ClusterConfig::fromJson);
    assertFalse(cluster.enabled());
    assertNull(cluster.configFile());
    assertEquals("127.0.0.1", cluster.eventBusHost());
    assertEquals(0, cluster.eventBusPort());
    ClusterConfig custom = roundTrip(ClusterConfig.fromJson(new JsonObject().put("enabled", true)
        .put("configFile", "my-cluster.xml").put("eventBusPort", 15701)), ClusterConfig::fromJson);
    assertEquals("my-cluster.xml", custom.configFile());
    assertFalse(custom.withEnabled(false).enabled());
  }

  @Test
  void listenerConfig() {
    ListenerConfig tcp = roundTrip(ListenerConfig.fromJson(new JsonObject().put("transport", "tcp").put("port", 5000)),
        ListenerConfig::fromJson);
    assertEquals("127.0.0.1", tcp.host());
    assertNull(tcp.path());
    ListenerConfig ws = roundTrip(ListenerConfig.fromJson(new JsonObject().put("transport", "websocket")
        .put("host", "::1").put("port", 0)), ListenerConfig::fromJson);
    assertEquals("/", ws.path());
    assertEquals("::1", ws.host());
  }

  @Test
  void limitsConfig() {
    LimitsConfig limits = roundTrip(LimitsConfig.defaults(), LimitsConfig::fromJson);
    assertEquals(10485760, limits.maxMessageBytes());
    assertEquals(4194304, limits.maxFrameBytes());
    assertEquals(1000, limits.maxConnections());
    assertEquals(0, limits.idleTimeoutSeconds());
    assertEquals(300, limits.loginTimeoutSeconds());
    assertEquals(0, limits.maxMessagesPerSecond());
    assertEquals(1048576, limits.maxPendingWriteBytes());
    assertEquals(7, roundTrip(LimitsConfig.fromJson(new JsonObject().put("maxConnections", 7)), LimitsConfig::fromJson)
        .maxConnections());
  }

  @Test
  void authConfig() {
    AuthConfig none = roundTrip(AuthConfig.none(), AuthConfig::fromJson);
    assertEquals("HS256", none.jwtAlgorithm());
    assertFalse(none.hasKey());
    assertFalse(none.hasToken());
    AuthConfig rs = roundTrip(AuthConfig.fromJson(new JsonObject().put("jwtAlgorithm", "RS256").put("keyFile", "pub.pem")),
        AuthConfig::fromJson);
    assertEquals("pub.pem", rs.keyFile());
    assertEquals("FAF_TOKEN", roundTrip(AuthConfig.fromJson(new JsonObject().put("tokenEnv", "FAF_TOKEN")),
        AuthConfig::fromJson).tokenEnv());
  }

  @Test
  void reconnectConfig() {
    ReconnectConfig r = roundTrip(ReconnectConfig.defaults(), ReconnectConfig::fromJson);
    assertEquals(500, r.initialDelayMs());
    assertEquals(30000, r.maxDelayMs());
    assertEquals(2.0, r.multiplier());
    assertEquals(0.2, r.jitter());
    ReconnectConfig whole = roundTrip(ReconnectConfig.fromJson(new JsonObject().put("multiplier", 3).put("jitter", 0)),
        ReconnectConfig::fromJson);
    assertEquals(3.0, whole.multiplier());
  }

  @Test
  void endpointConfig() {
    EndpointConfig server = roundTrip(EndpointConfig.fromJson(ValidationTest.server("lobby", 8002)), EndpointConfig::fromJson);
    assertEquals(LimitsConfig.defaults(), server.limits());
    assertEquals(AuthConfig.none(), server.auth());
    assertEquals(new JsonObject(), server.options());
    assertNull(server.url());
    assertEquals("gamebus.faf.lobby", server.address("gamebus"));
    EndpointConfig client = roundTrip(EndpointConfig.fromJson(ValidationTest.client("up", "wss://ws.faforever.xyz/")
        .put("options", new JsonObject().put("nested", new JsonObject().put("a", 1)))), EndpointConfig::fromJson);
    assertEquals(List.of(), client.listeners());
    assertEquals(ReconnectConfig.defaults(), client.reconnect());
    client.options().put("mutated", true);
    assertFalse(client.options().containsKey("mutated"), "options() hands out a copy");
  }

  @Test
  void gamebusConfig() {
    GamebusConfig empty = roundTrip(GamebusConfig.fromJson(new JsonObject()), GamebusConfig::fromJson);
    assertEquals("gamebus", empty.busPrefix());
    assertEquals(List.of(), empty.endpoints());
    GamebusConfig def = roundTrip(GamebusConfig.loadDefault(), GamebusConfig::fromJson);
    GamebusConfig clustered = roundTrip(def.withCluster(true), GamebusConfig::fromJson);
    assertTrue(clustered.cluster().enabled());
    assertFalse(def.cluster().enabled(), "withCluster leaves the original alone");
    assertNotEquals(def, clustered);
    assertEquals(def, clustered.withCluster(false));
    assertEquals(0, def.withHttp(def.http().withPort(0)).http().port());
  }

  @Test
  void enumsKnowTheirIds() {
    for (Protocol p : Protocol.values()) {
      assertEquals(p, Protocol.of(p.id()));
    }
    assertEquals(Role.CLIENT, Role.of("client"));
    assertEquals(Transport.WEBSOCKET, Transport.of("websocket"));
    assertEquals("dfhack", Protocol.DFHACK.id());
  }
}
