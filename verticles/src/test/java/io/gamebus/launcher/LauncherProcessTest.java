package io.gamebus.launcher;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a user runs it: a separate JVM, its output, its exit code, SIGTERM. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherProcessTest {

  @TempDir
  Path dir;

  private Path config(int tcpPort) throws IOException {
    JsonObject json = new JsonObject()
      .put("http", new JsonObject().put("port", 0))
      .put("endpoints", new JsonArray().add(new JsonObject()
        .put("protocol", "faf").put("name", "lobby").put("role", "server")
        .put("listeners", new JsonArray()
          .add(new JsonObject().put("transport", "tcp").put("port", tcpPort))
          .add(new JsonObject().put("transport", "websocket").put("port", 0)))));
    return Files.writeString(dir.resolve("gamebus.json"), json.encodePrettily());
  }

  private static Process launch(String... args) throws IOException {
    return launch(Map.of(), args);
  }

  /** {@code java -cp <the test classpath> io.gamebus.launcher.Main args}, with {@code env} added. */
  static Process launch(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    return builder.start();
  }

  @Test
  void portInUseFailsNamingTheEndpointAndPortWithExitCodeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Process process = launch("--config", config(taken.getLocalPort()).toString());
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(1, process.exitValue(), output);
      assertTrue(output.contains("endpoint faf.lobby") && output.contains(":" + taken.getLocalPort()), output);
    }
  }

  @Test
  void badConfigurationNamesTheFieldWithExitCodeTwo() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"),
      "{\"endpoints\":[{\"protocol\":\"faf\",\"name\":\"x\",\"role\":\"server\",\"listeners\":[{\"transport\":\"tcp\",\"port\":70000}]}]}");
    Process process = launch("--config", bad.toString());
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, process.exitValue(), output);
    assertTrue(output.contains("endpoints[0].listeners[0].port"), output);
  }

  @Test
  void printsItsAddressesServesAndStopsCleanlyOnSigterm() throws Exception {
    Process process = launch("--config", config(0).toString());
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    String tcp = null;
    for (String line; (line = out.readLine()) != null; ) {
      lines.add(line);
      Matcher m = Pattern.compile("tcp://127\\.0\\.0\\.1:(\\d+)").matcher(line);
      if (m.find()) {
        tcp = m.group(1);
      }
      if (line.contains("console http://")) {
        break;
      }
    }
    assertTrue(tcp != null, String.join("\n", lines));
    try (Socket client = new Socket("127.0.0.1", Integer.parseInt(tcp))) {
      client.getOutputStream().write("{\"command\":\"ask_session\"}\n".getBytes(StandardCharsets.UTF_8));
      String reply = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
      assertTrue(reply.startsWith("{\"command\":\"session\""), reply);
      process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close our end of its stdout
      for (String line; (line = out.readLine()) != null; ) {
        lines.add(line);
      }
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertTrue(lines.contains("gamebus: stopped"), String.join("\n", lines));
      assertEquals(-1, client.getInputStream().read(), "the open FAF connection was closed on stop");
    }
  }
}
