package io.gamebus.launcher;

import io.gamebus.config.GamebusConfig;
import io.gamebus.support.TestConfigs;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up warnings about secrets: missing token sources, short HS256 keys; never the secret. */
class SecretChecksTest {

  private static final String LONG_SECRET = "0123456789abcdef0123456789abcdef"; // 32 bytes

  @TempDir
  Path dir;

  private static JsonObject fafClientWithEnv(String variable) {
    return TestConfigs.fafClient("upstream", "tcp://127.0.0.1:1", null)
      .put("auth", new JsonObject().put("tokenEnv", variable));
  }

  private static List<String> warnings(GamebusConfig config, Map<String, String> env) {
    return SecretChecks.warnings(config, env::get);
  }

  @Test
  void aClientWhoseTokenVariableIsUnsetIsNamedWithTheVariable() {
    List<String> warnings = warnings(TestConfigs.node(fafClientWithEnv("FAF_TOKEN")), Map.of());
    assertEquals(List.of("faf.upstream: endpoints[0].auth.tokenEnv: the environment variable FAF_TOKEN is not set or is"
      + " empty; the endpoint cannot log in to its upstream and keeps retrying until the node is restarted with it set"),
      warnings);
    assertEquals(1, warnings(TestConfigs.node(fafClientWithEnv("FAF_TOKEN")), Map.of("FAF_TOKEN", "")).size(),
      "empty counts as unset");
    assertEquals(List.of(), warnings(TestConfigs.node(fafClientWithEnv("FAF_TOKEN")), Map.of("FAF_TOKEN", "a.b.c")));
  }

  @Test
  void theNodeLogsTheWarningWhenItStarts() throws Exception {
    List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(GamebusNode.class.getName());
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord record) { records.add(record); }
      @Override public void flush() { }
      @Override public void close() { }
    };
    logger.addHandler(capture);
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(fafClientWithEnv("GAMEBUS_TEST_NEVER_SET_TOKEN")))
        .await(10, java.util.concurrent.TimeUnit.SECONDS);
      node.stop().await(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      logger.removeHandler(capture);
      vertx.close().await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    assertTrue(records.stream().anyMatch(r -> r.getLevel() == java.util.logging.Level.WARNING
      && r.getMessage().contains("GAMEBUS_TEST_NEVER_SET_TOKEN is not set")), records.toString());
  }

  @Test
  void aClientWhoseTokenFileIsMissingIsNamedWithTheFile() {
    String file = dir.resolve("no-such-token").toString();
    List<String> warnings = warnings(TestConfigs.node(TestConfigs.fafClient("upstream", "tcp://127.0.0.1:1", file)),
      Map.of());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("faf.upstream: endpoints[0].auth.tokenFile: the file " + file
      + " cannot be read: "), warnings.get(0));
    assertTrue(warnings.get(0).endsWith("until the file is there"), warnings.get(0));
  }

  @Test
  void aFafOrModrinthClientWithNoTokenSourceIsWarnedAbout() {
    List<String> warnings = warnings(TestConfigs.node(TestConfigs.fafClient("upstream", "tcp://127.0.0.1:1", null)),
      Map.of());
    assertEquals(List.of("faf.upstream: endpoints[0].auth: no tokenEnv or tokenFile: a faf client endpoint cannot log in"
      + " without a token"), warnings);
    assertEquals(List.of(), warnings(TestConfigs.node(TestConfigs.redClient("bot", "ws://127.0.0.1:1/", new JsonObject())),
      Map.of()), "Red has no login");
  }

  @Test
  void aShortHs256SecretGivesItsLengthButNeverTheSecret() throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "abc\n");
    List<String> warnings = warnings(TestConfigs.node(TestConfigs.fafServer("lobby", secret.toString())), Map.of());
    assertEquals(List.of("faf.lobby: endpoints[0].auth.keyFile: the HS256 secret in the file " + secret + " is 3 bytes"
      + " (24 bits); use at least 32 random bytes (256 bits), or tokens can be forged by guessing it"), warnings);
    assertFalse(warnings.get(0).contains("abc"));
    Files.writeString(secret, LONG_SECRET);
    assertEquals(List.of(), warnings(TestConfigs.node(TestConfigs.fafServer("lobby", secret.toString())), Map.of()));
  }

  @Test
  void theBridgeSecretIsCheckedToo() {
    GamebusConfig config = GamebusConfig.fromJson(TestConfigs.node().toJson().put("bridge", new JsonObject()
      .put("auth", new JsonObject().put("keyEnv", "BRIDGE_KEY"))));
    List<String> warnings = warnings(config, Map.of("BRIDGE_KEY", "short-key"));
    assertEquals(List.of("the browser bridge: bridge.auth.keyEnv: the HS256 secret in the environment variable BRIDGE_KEY"
      + " is 9 bytes (72 bits); use at least 32 random bytes (256 bits), or tokens can be forged by guessing it"), warnings);
    assertEquals(List.of(), warnings(config, Map.of("BRIDGE_KEY", LONG_SECRET)));
  }

  @Test
  void aServerKeyVariableThatIsUnsetIsNamed() {
    JsonObject modrinth = TestConfigs.modrinthServer("packs", dir.resolve("api").toString(), new JsonObject());
    modrinth.getJsonObject("auth").put("keyEnv", "MODRINTH_KEY");
    List<String> warnings = warnings(TestConfigs.node(modrinth), Map.of());
    assertTrue(warnings.contains("modrinth.packs: endpoints[0].auth.keyEnv: the environment variable MODRINTH_KEY is"
      + " not set or is empty; tokens are signed with a random key made at start"), warnings.toString());
  }
}
