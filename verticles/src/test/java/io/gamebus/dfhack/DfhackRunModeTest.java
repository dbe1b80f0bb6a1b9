package io.gamebus.dfhack;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar gamebus.jar dfhack-run ...} against our server role, in its own JVM. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class DfhackRunModeTest {

  private record Run(int exit, String out) {
  }

  private static Run run(String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(
      java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
      "-cp", System.getProperty("java.class.path"), "io.gamebus.launcher.Main", "dfhack-run"));
    command.addAll(java.util.List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    return new Run(process.exitValue(), out);
  }

  @Test
  void printsTheTextAndExitsWithTheCommandsResult(Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.server("fortress", true))).await(10, TimeUnit.SECONDS);
    String port = String.valueOf(DfhackFixture.port(node, "fortress"));
    Run echo = run("--port", port, "echo", "strike", "the", "earth");
    assertEquals(0, echo.exit(), echo.out());
    assertEquals("strike the earth\n", echo.out());
    Run unknown = run("--port", port, "ls");
    assertEquals(1, unknown.exit(), unknown.out());
    assertEquals("ls is not a recognized command.\n", unknown.out());
  }

  @Test
  void luaModeBindsRunLuaAndPrintsTheValuesTabSeparated(Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.server("fortress", false))).await(10, TimeUnit.SECONDS);
    String port = String.valueOf(DfhackFixture.port(node, "fortress"));
    Run unbound = run("--port", port, "--lua", "rpc.gamebus", "add", "2", "3");
    assertEquals(1, unbound.exit(), unbound.out()); // RunLua binds, as on the real server; its call fails
    assertEquals("In call to RunLua: no bus handler implements it\n", unbound.out());
    DfhackHandlers.method(vertx, "fortress", io.gamebus.codecs.dfhack.CoreMethods.RUN_LUA, call -> {
      io.vertx.core.json.JsonObject input = call.getJsonObject("input");
      int sum = input.getJsonArray("arguments").stream().mapToInt(a -> Integer.parseInt((String) a)).sum();
      return io.vertx.core.Future.succeededFuture(DfhackReply.ok().output(new io.vertx.core.json.JsonObject()
        .put("value", new io.vertx.core.json.JsonArray().add(input.getString("function")).add(String.valueOf(sum)))));
    }).await(5, TimeUnit.SECONDS);
    Run lua = run("--port", port, "--lua", "rpc.gamebus", "add", "2", "3");
    assertEquals(0, lua.exit(), lua.out());
    assertEquals("add\t5\n", lua.out());
  }

  @Test
  void noServerIsExitCodeTwo() throws Exception {
    int free;
    try (ServerSocket socket = new ServerSocket(0)) {
      free = socket.getLocalPort();
    }
    Run run = run("--port", String.valueOf(free), "help");
    assertEquals(2, run.exit(), run.out());
    assertTrue(run.out().contains("dfhack-run: cannot connect"), run.out());
  }
}
