package io.gamebus.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.gamebus.launcher.LauncherProcessTest.launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --set}, the environment variables and {@code --deploy} as a user runs them: a separate JVM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherOptionsProcessTest {

  private static final String SAMPLES = OwnVerticleSamples.class.getName();

  @TempDir
  Path dir;

  /** A FAF lobby with a TCP and a WebSocket listener on free ports; the console on a free port. */
  private Path config() throws IOException {
    JsonObject json = new JsonObject()
      .put("http", new JsonObject().put("port", 0))
      .put("endpoints", new JsonArray().add(new JsonObject()
        .put("protocol", "faf").put("name", "lobby").put("role", "server")
        .put("listeners", new JsonArray()
          .add(new JsonObject().put("transport", "tcp").put("port", 0))
          .add(new JsonObject().put("transport", "websocket").put("port", 0)))));
    return Files.writeString(dir.resolve("gamebus.json"), json.encodePrettily());
  }

  /** The lines up to the console line (the last of the banner), or all of them if it exits first. */
  private static List<String> banner(BufferedReader out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String line; (line = out.readLine()) != null; ) {
      lines.add(line);
      if (line.contains("gamebus: console ")) {
        break;
      }
    }
    return lines;
  }

  private static String finish(Process process) throws Exception {
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return output;
  }

  private static String stop(Process process, BufferedReader out) throws Exception {
    process.toHandle().destroy(); // SIGTERM
    StringBuilder rest = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      rest.append(line).append('\n');
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return rest.toString();
  }

  @Test
  void setAndEnvironmentChangeTheFileAndSetWinsOverTheEnvironment() throws Exception {
    Process process = launch(Map.of("GAMEBUS_HTTP_HOST", "localhost", "GAMEBUS_HTTP_PORT", "70000"),
      "--config", config().toString(), "--set", "http.port=0", "--set", "endpoints[0].listeners[1].path=/lobby");
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String banner = String.join("\n", banner(out));
    assertTrue(banner.matches("(?s).*faf\\.lobby \\(server\\) listening on tcp://127\\.0\\.0\\.1:\\d+ ws://127\\.0\\.0\\.1:\\d+/lobby.*"),
      banner);
    assertTrue(banner.contains("gamebus: console http://localhost:"), "GAMEBUS_HTTP_HOST applied:\n" + banner);
    assertTrue(stop(process, out).contains("gamebus: stopped"));
  }

  @Test
  void aBadOverrideNamesTheFieldAndTheOverrideWithExitCodeTwo() throws Exception {
    Process process = launch(Map.of(), "--config", config().toString(), "--set", "endpoints[0].listeners[0].port=70000");
    String output = finish(process);
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains("gamebus.json: endpoints[0].listeners[0].port: 70000 is not a port"
      + " (from --set endpoints[0].listeners[0].port)"), output);

    Process fromEnv = launch(Map.of("GAMEBUS_CLUSTER", "maybe"), "--config", config().toString());
    String envOutput = finish(fromEnv);
    assertEquals(2, fromEnv.exitValue(), envOutput);
    assertTrue(envOutput.contains("cluster.enabled: expected true or false, got \"maybe\" (from GAMEBUS_CLUSTER)"), envOutput);
  }

  @Test
  void deployedVerticleIsAnnouncedAndUndeployedOnSigterm() throws Exception {
    Process process = launch(Map.of(), "--config", config().toString(), "--deploy", SAMPLES + "$Answering",
      "--deploy", SAMPLES + "$Classic");
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> banner = banner(out);
    assertTrue(banner.contains("gamebus: deployed " + SAMPLES + "$Answering"), String.join("\n", banner));
    assertTrue(banner.contains("gamebus: deployed " + SAMPLES + "$Classic"), String.join("\n", banner));
    String rest = stop(process, out);
    assertTrue(rest.indexOf("own verticle stopped") >= 0 && rest.indexOf("own verticle stopped") < rest.indexOf("gamebus: stopped"),
      rest);
  }

  @Test
  void aMissingClassExitsTwoAndAFailingVerticleExitsOneNamingTheClass() throws Exception {
    Process missing = launch(Map.of(), "--config", config().toString(), "--deploy", "my.Missing");
    String output = finish(missing);
    assertEquals(2, missing.exitValue(), output);
    assertTrue(output.contains("deploy[0].verticle: class my.Missing is not on the classpath"), output);

    Process failing = launch(Map.of(), "--config", config().toString(), "--deploy", SAMPLES + "$Failing");
    String failed = finish(failing);
    assertEquals(1, failing.exitValue(), failed);
    assertTrue(failed.contains("gamebus: failed to start: deploy[0] " + SAMPLES + "$Failing: the database is not reachable"),
      failed);
  }
}
