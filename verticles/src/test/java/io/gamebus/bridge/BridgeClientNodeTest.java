package io.gamebus.bridge;

import io.gamebus.support.FafPorts;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.NodeScript;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @vertx/eventbus-bridge-client.js} (over SockJS, in Node) receives FAF
 * traffic from the bridge and answers the FAF client through {@code .out}.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BridgeClientNodeTest {

  @TempDir
  Path dir;

  @Test
  void officialClientSeesFafTrafficAndWritesBack(Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx,
      TestConfigs.node(TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()))).await(10, TimeUnit.SECONDS);
    int tcpPort = FafPorts.port(node, "lobby", "tcp");
    try (NodeScript script = NodeScript.start("bridge-client.mjs",
      "--url", node.console().url() + "eventbus",
      "--address", "gamebus.faf.lobby.in",
      "--expect-type", "ask_session",
      "--send-address", "gamebus.faf.lobby.out",
      "--send-body", "{\"command\":\"notice\",\"style\":\"info\",\"text\":\"from node\"}")) {
      script.awaitLine("READY", 30);
      FafTestClient client = FafTestClient.tcp(vertx, tcpPort).await(5, TimeUnit.SECONDS);
      // READY means the register frame was sent, not yet applied: ask until the script sees one.
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        client.send(FafMessage.command("ask_session").with("user_agent", "bridge-test"));
        assertEquals("session", client.next().await(10, TimeUnit.SECONDS).command());
        message = script.pollLine("MESSAGE", 500);
      }
      assertTrue(message != null, script.transcript());
      JsonObject envelope = new JsonObject(message.substring("MESSAGE ".length()));
      assertEquals("faf", envelope.getString("protocol"));
      assertEquals("ask_session", envelope.getString("type"));
      assertEquals("bridge-test", envelope.getJsonObject("body").getString("user_agent"));
      FafMessage notice = client.next("notice").await(10, TimeUnit.SECONDS);
      assertEquals("from node", notice.getString("text"), "the browser-side write reached the FAF client");
      assertTrue(script.awaitLine("REPLY", 10).contains("\"written\":1"));
      assertEquals(0, script.awaitExit(10), script.transcript());
    }
  }

  @Test
  void officialClientSeesDfhackCalls(Vertx vertx) throws Exception {
    JsonObject fortress = new JsonObject().put("protocol", "dfhack").put("name", "fortress").put("role", "server")
      .put("listeners", new io.vertx.core.json.JsonArray().add(new JsonObject().put("transport", "tcp").put("port", 0)))
      .put("options", new JsonObject().put("exampleCommands", true));
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(fortress)).await(10, TimeUnit.SECONDS);
    int port = URI.create(node.dfhackServer("fortress").listening().get(0)).getPort();
    try (NodeScript script = NodeScript.start("bridge-client.mjs",
      "--url", node.console().url() + "eventbus",
      "--address", "gamebus.dfhack.fortress.in",
      "--expect-type", "RunCommand")) {
      script.awaitLine("READY", 30);
      io.gamebus.support.DfhackRawClient client = io.gamebus.support.DfhackRawClient.connect(vertx, port).await(5, TimeUnit.SECONDS);
      client.write(io.gamebus.codecs.dfhack.Handshake.request());
      // READY means the register frame was sent; the bridge has no acknowledgement, so call
      // until the first publication reaches the script.
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        client.write(io.gamebus.codecs.dfhack.RpcEncoder.request(1,
          io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest.newBuilder().setCommand("echo").addArguments("urist").build()));
        message = script.pollLine("MESSAGE", 500);
      }
      assertTrue(message != null, script.transcript());
      JsonObject envelope = new JsonObject(message.substring("MESSAGE ".length()));
      assertEquals("dfhack", envelope.getString("protocol"));
      assertEquals("RunCommand", envelope.getString("type"));
      assertEquals("echo", envelope.getJsonObject("body").getJsonObject("input").getString("command"));
      assertEquals(0, script.awaitExit(10), script.transcript());
      client.close();
    }
  }

  @Test
  void officialClientSeesRpfmCommandsAndCallsAnRpfmServerThroughTheClientRole(Vertx vertx) throws Exception {
    GamebusNode server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    int port = URI.create(server.rpfmServer("packs").listening().get(0)).getPort();
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmClient("remote", "ws://127.0.0.1:" + port + "/ws",
      new JsonObject()))).await(10, TimeUnit.SECONDS);
    try (NodeScript script = NodeScript.start("bridge-client.mjs",
      "--url", server.console().url() + "eventbus",
      "--address", "gamebus.rpfm.packs.in",
      "--expect-type", "NewPack",
      "--send-address", "gamebus.rpfm.remote.request",
      "--send-body", "{\"command\":\"GetGameSelected\"}")) {
      script.awaitLine("READY", 30);
      io.gamebus.support.RpfmTestClient client = io.gamebus.support.RpfmTestClient.connect(vertx, port, null)
        .await(5, TimeUnit.SECONDS);
      // READY means the register frame was sent; the bridge has no acknowledgement, so create
      // packs until the first publication reaches the script.
      String message = null;
      for (int attempt = 0; attempt < 40 && message == null; attempt++) {
        client.call(attempt, "NewPack").await(5, TimeUnit.SECONDS);
        message = script.pollLine("MESSAGE", 500);
      }
      assertTrue(message != null, script.transcript());
      JsonObject envelope = new JsonObject(message.substring("MESSAGE ".length()));
      assertEquals("rpfm", envelope.getString("protocol"));
      assertEquals("NewPack", envelope.getString("type"));
      assertEquals(client.session(), envelope.getJsonObject("body").getLong("session"));
      String reply = script.awaitLine("REPLY", 10);
      assertEquals(new JsonObject().put("variant", "String").put("value", "warhammer_3"),
        new JsonObject(reply.substring("REPLY ".length())), "the page's request went through the client role");
      assertEquals(0, script.awaitExit(10), script.transcript());
    }
  }
}
