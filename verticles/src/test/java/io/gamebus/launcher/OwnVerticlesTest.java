package io.gamebus.launcher;

import io.gamebus.config.ConfigException;
import io.gamebus.config.ConfigOverrides;
import io.gamebus.config.DeployConfig;
import io.gamebus.config.GamebusConfig;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's own verticles: checked by class, deployed after the endpoints, undeployed first. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class OwnVerticlesTest {

  private static final String SAMPLES = OwnVerticleSamples.class.getName();

  private static GamebusConfig nodeWith(JsonObject endpoint, JsonArray deploy) {
    JsonObject json = TestConfigs.node(endpoint).toJson().put("deploy", deploy);
    return GamebusConfig.fromJson(json);
  }

  private static ConfigException checkFails(String className) {
    GamebusConfig config = GamebusConfig.fromJson(new JsonObject(), ConfigOverrides.none().deploy(List.of(className)));
    return assertThrows(ConfigException.class, () -> OwnVerticles.check(config.deploy()));
  }

  @Test
  void deployedWithInstancesAndConfigAfterTheEndpointsAndUndeployedBeforeThem(Vertx vertx, @TempDir Path dir)
    throws Exception {
    JsonObject settings = new JsonObject().put("address", "own.answering.test").put("greeting", "hi");
    GamebusConfig config = nodeWith(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()), new JsonArray()
      .add(new JsonObject().put("verticle", SAMPLES + "$Answering").put("instances", 2).put("config", settings))
      .add(new JsonObject().put("verticle", SAMPLES + "$Classic")));
    OwnVerticles.check(config.deploy());
    GamebusNode node = GamebusNode.start(vertx, config).await(20, TimeUnit.SECONDS);

    JsonObject answer = vertx.eventBus().<JsonObject>request("own.answering.test", "").await(10, TimeUnit.SECONDS).body();
    assertEquals("hi", answer.getString("greeting"), "the entry's config is the verticle's config()");
    assertEquals(2, vertx.sharedData().getLocalMap("own-verticles").get("started"), "two instances");
    int before = vertx.deploymentIDs().size();

    node.stop().await(20, TimeUnit.SECONDS);
    assertEquals(true, vertx.sharedData().getLocalMap("own-verticles").get("lobby-took-goodbye"),
      "the lobby endpoint was still up while the own verticle stopped");
    assertTrue(vertx.deploymentIDs().isEmpty(), "all " + before + " deployments undeployed");
  }

  @Test
  void aVerticleThatFailsToStartFailsTheNodeNamingItAndClosesTheListeners(Vertx vertx, @TempDir Path dir) {
    GamebusConfig config = nodeWith(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()),
      new JsonArray().add(DeployConfig.entry(SAMPLES + "$Failing")));
    Throwable failure = assertThrows(Exception.class, () -> GamebusNode.start(vertx, config).await(20, TimeUnit.SECONDS));
    assertEquals("deploy[0] " + SAMPLES + "$Failing: the database is not reachable", failure.getMessage());
    assertTrue(vertx.deploymentIDs().isEmpty(), "endpoints and console undeployed again");

    GamebusConfig throwing = nodeWith(TestConfigs.fafServer("lobby", dir.resolve("faf-secret").toString()),
      new JsonArray().add(DeployConfig.entry(SAMPLES + "$ThrowingConstructor")));
    Throwable thrown = assertThrows(Exception.class, () -> GamebusNode.start(vertx, throwing).await(20, TimeUnit.SECONDS));
    assertEquals("deploy[0] " + SAMPLES + "$ThrowingConstructor: its constructor threw no settings", thrown.getMessage());
  }

  @Test
  void classesThatCannotBeDeployedAreNamedWithTheReason() {
    ConfigException missing = checkFails("my.Missing");
    assertEquals("deploy[0].verticle", missing.path());
    assertTrue(missing.getMessage().startsWith("deploy[0].verticle: class my.Missing is not on the classpath"),
      missing.getMessage());
    assertTrue(missing.getMessage().contains("java -cp gamebus.jar:your.jar io.gamebus.launcher.Main"), missing.getMessage());

    assertTrue(checkFails(SAMPLES + "$NotAVerticle").getMessage()
      .endsWith("$NotAVerticle is not a Vert.x verticle: extend io.vertx.core.VerticleBase (or implement io.vertx.core.Deployable)"));
    assertTrue(checkFails(SAMPLES + "$NeedsArguments").getMessage().contains("has no public constructor without arguments"));
    assertTrue(checkFails(io.vertx.core.VerticleBase.class.getName()).getMessage().endsWith("must be a public, non-abstract class"));
  }
}
