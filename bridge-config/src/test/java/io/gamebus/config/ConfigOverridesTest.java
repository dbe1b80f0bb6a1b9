package io.gamebus.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set}, the environment variables and {@code --deploy}, applied before validation. */
class ConfigOverridesTest {

  private static GamebusConfig withSets(String... sets) {
    return GamebusConfig.loadDefault(ConfigOverrides.none().set(List.of(sets)));
  }

  private static ConfigException failure(ConfigOverrides overrides) {
    return assertThrows(ConfigException.class, () -> GamebusConfig.loadDefault(overrides));
  }

  @Test
  void numbersAreJsonAndPlainTextIsAString() {
    GamebusConfig config = withSets("http.port=9000", "http.host=0.0.0.0", "cluster.enabled=true");
    assertEquals(9000, config.http().port());
    assertEquals("0.0.0.0", config.http().host());
    assertTrue(config.cluster().enabled());
  }

  @Test
  void aListFieldTakesCommaSeparatedValuesOrJson() {
    assertEquals(List.of("http://localhost:3000", "http://127.0.0.1:3000"),
        withSets("bridge.allowedOrigins=http://localhost:3000, http://127.0.0.1:3000").bridge().allowedOrigins());
    assertEquals(List.of("http://a.test"), withSets("bridge.allowedOrigins=[\"http://a.test\"]").bridge().allowedOrigins());
    assertEquals(List.of(), withSets("bridge.allowedOrigins=").bridge().allowedOrigins());
    // A listener's allowedOrigins is absent from the file, yet known to be a list by its name.
    assertEquals(List.of("http://localhost:3000", "http://localhost:3001"),
        withSets("endpoints[0].listeners[1].allowedOrigins=http://localhost:3000,http://localhost:3001")
            .endpoints().get(0).listeners().get(1).allowedOrigins());
  }

  @Test
  void indexesReachListElementsAndStarReachesEveryOne() {
    GamebusConfig config = withSets("endpoints[0].listeners[0].port=9000");
    assertEquals(9000, config.endpoints().get(0).listeners().get(0).port());
    assertEquals(8003, config.endpoints().get(0).listeners().get(1).port(), "the other listener kept its port");

    GamebusConfig everywhere = withSets("endpoints[*].listeners[*].host=0.0.0.0");
    everywhere.endpoints().forEach(e -> e.listeners().forEach(l -> assertEquals("0.0.0.0", l.host(), e.name())));
    assertEquals("127.0.0.1", everywhere.http().host(), "only the paths named change");
  }

  @Test
  void missingObjectsOnThePathAreCreated() {
    GamebusConfig config = withSets("endpoints[1].limits.idleTimeoutSeconds=30");
    assertEquals(30, config.endpoints().get(1).limits().idleTimeoutSeconds());
  }

  @Test
  void anIndexOnePastTheEndAppends() {
    GamebusConfig config = withSets("endpoints[1].listeners[1].transport=tcp", "endpoints[1].listeners[1].port=5001");
    assertEquals(List.of(5000, 5001), config.endpoints().get(1).listeners().stream().map(ListenerConfig::port).toList());
  }

  @Test
  void aValidationErrorNamesTheFieldAndTheOverrideButNotTheValue() {
    ConfigException e = failure(ConfigOverrides.none().set(List.of("http.port=70000")));
    assertEquals("http.port", e.path());
    assertEquals("gamebus/default.json: http.port: 70000 is not a port (from --set http.port)", e.getMessage());

    ConfigException secret = failure(ConfigOverrides.none().set(List.of("endpoints[0].auth.secret=hunter2")));
    assertEquals("endpoints[0].auth.secret", secret.path());
    assertTrue(secret.getMessage().contains(AuthConfig.INLINE_SECRET), secret.getMessage());
    assertFalse(secret.getMessage().contains("hunter2"), secret.getMessage());
  }

  @Test
  void anErrorInTheFileItselfDoesNotBlameAnOverride(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("g.json"), "{\"http\":{\"port\":70000},\"bridge\":{}}");
    ConfigException e = assertThrows(ConfigException.class,
        () -> GamebusConfig.load(file, ConfigOverrides.none().set(List.of("bridge.path=/bus"))));
    assertEquals(file + ": http.port: 70000 is not a port", e.getMessage());
  }

  @Test
  void unusablePathsAreRefusedNamingTheOverride() {
    assertTrue(failure(ConfigOverrides.none().set(List.of("endpoints[9].name=x"))).getMessage()
        .contains("endpoints: has 5 element(s): index 9 is past the end"), "past the end");
    ConfigException inNumber = failure(ConfigOverrides.none().set(List.of("http.port.x=1")));
    assertEquals("http.port: is 8090, so it has no field 'x' (from --set http.port.x)", inNumber.getMessage()
        .substring(inNumber.getMessage().indexOf("http.port")));
    assertTrue(failure(ConfigOverrides.none().set(List.of("http.port[0]=1"))).getMessage().contains("not a list"));
    assertTrue(failure(ConfigOverrides.none().set(List.of("deploy[*].instances=2"))).getMessage()
        .contains("[*] matched no element"));
  }

  @Test
  void malformedAssignmentsAreRefused() {
    for (String bad : List.of("http.port", "=9000", "http..port=1", "http.port.=1", "[0].x=1", "endpoints[a].name=x")) {
      ConfigException e = assertThrows(ConfigException.class, () -> ConfigOverrides.none().set(List.of(bad)), bad);
      assertTrue(e.getMessage().contains("PATH=VALUE") || e.getMessage().contains("is not a field path"), e.getMessage());
    }
    ConfigException json = failure(ConfigOverrides.none().set(List.of("bridge.allowedOrigins=[\"http://a.test\"")));
    assertTrue(json.getMessage().contains("bridge.allowedOrigins: not valid JSON"), json.getMessage());
  }

  @Test
  void environmentVariablesSitBetweenTheFileAndSet() {
    Map<String, String> env = Map.of("GAMEBUS_HTTP_PORT", "9001", "GAMEBUS_HTTP_HOST", "0.0.0.0",
        "GAMEBUS_ALLOWED_ORIGINS", "http://localhost:3000", "GAMEBUS_CLUSTER", "true", "PATH", "/usr/bin");
    GamebusConfig fromEnv = GamebusConfig.loadDefault(ConfigOverrides.fromEnvironment(env));
    assertEquals(9001, fromEnv.http().port());
    assertEquals("0.0.0.0", fromEnv.http().host());
    assertEquals(List.of("http://localhost:3000"), fromEnv.bridge().allowedOrigins());
    assertTrue(fromEnv.cluster().enabled());

    GamebusConfig setWins = GamebusConfig.loadDefault(ConfigOverrides.fromEnvironment(env).set(List.of("http.port=9002")));
    assertEquals(9002, setWins.http().port());

    assertEquals(8090, GamebusConfig.loadDefault(ConfigOverrides.fromEnvironment(Map.of("GAMEBUS_HTTP_PORT", ""))).http().port(),
        "an empty variable is unset");
    ConfigException e = failure(ConfigOverrides.fromEnvironment(Map.of("GAMEBUS_CLUSTER", "yes")));
    assertTrue(e.getMessage().endsWith("cluster.enabled: expected true or false, got \"yes\" (from GAMEBUS_CLUSTER)"),
        e.getMessage());
  }

  @Test
  void deployAddsEntriesAfterTheFilesOwn() {
    JsonObject json = new JsonObject().put("deploy", new JsonArray()
        .add(new JsonObject().put("verticle", "my.First").put("instances", 2).put("config", new JsonObject().put("a", 1))));
    GamebusConfig config = GamebusConfig.fromJson(json, ConfigOverrides.none().deploy(List.of("my.Second", "my.Outer$Inner")));
    assertEquals(List.of("my.First", "my.Second", "my.Outer$Inner"), config.deploy().stream().map(DeployConfig::verticle).toList());
    assertEquals(2, config.deploy().get(0).instances());
    assertEquals(new JsonObject().put("a", 1), config.deploy().get(0).config());
    assertEquals(1, config.deploy().get(1).instances());
    assertEquals(config, GamebusConfig.fromJson(config.toJson()));
    assertEquals(1, json.getJsonArray("deploy").size(), "the input is not changed");
  }

  @Test
  void deployEntriesAreValidatedNamingTheField() {
    ConfigException bad = assertThrows(ConfigException.class,
        () -> GamebusConfig.fromJson(new JsonObject(), ConfigOverrides.none().deploy(List.of("my.Good", "not a class"))));
    assertEquals("deploy[1].verticle: 'not a class' is not a Java class name such as my.package.MyVerticle"
        + " (from --deploy not a class)", bad.getMessage());

    JsonObject instances = new JsonObject().put("deploy", new JsonArray().add(new JsonObject().put("verticle", "a.B").put("instances", 0)));
    assertEquals("deploy[0].instances: 0 is not positive",
        assertThrows(ConfigException.class, () -> GamebusConfig.fromJson(instances)).getMessage());
    JsonObject secret = new JsonObject().put("deploy", new JsonArray()
        .add(new JsonObject().put("verticle", "a.B").put("config", new JsonObject().put("apiKey", "x"))));
    assertEquals("deploy[0].config.apiKey: " + AuthConfig.INLINE_SECRET,
        assertThrows(ConfigException.class, () -> GamebusConfig.fromJson(secret)).getMessage());
    JsonObject missing = new JsonObject().put("deploy", new JsonArray().add(new JsonObject().put("instances", 1)));
    assertEquals("deploy[0].verticle: required", assertThrows(ConfigException.class, () -> GamebusConfig.fromJson(missing)).getMessage());
  }
}
