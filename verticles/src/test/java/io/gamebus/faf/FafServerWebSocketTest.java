package io.gamebus.faf;

import io.gamebus.support.FafPorts;
import io.gamebus.bus.Envelope;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WebSocket listener: text or binary frames in, one or several messages per frame; binary frames out. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FafServerWebSocketTest {

  @TempDir
  Path dir;
  GamebusNode node;
  int wsPort;
  WebSocketClient webSockets;
  Tokens tokens;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tokens = new Tokens(vertx, dir);
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
    wsPort = FafPorts.port(node, "lobby", "ws");
    webSockets = vertx.createWebSocketClient();
  }

  @Test
  void faForeverCommonsStyleTextFrameGetsABinaryFrameWithOneNewlineTerminatedMessage(Vertx vertx, VertxTestContext test) {
    webSockets.connect(wsPort, "127.0.0.1", "/").onComplete(test.succeeding(ws -> {
      ws.frameHandler(frame -> test.verify(() -> {
        assertTrue(frame.isBinary(), "the server sends binary frames, which the PyQt client needs");
        String text = frame.binaryData().toString();
        assertTrue(text.startsWith("{\"command\":\"session\",\"session\":"), text);
        assertTrue(text.endsWith("}\n") && text.indexOf('\n') == text.length() - 1, "exactly one message per frame");
        test.completeNow();
      }));
      ws.writeTextMessage("{\"command\":\"ask_session\",\"version\":\"1\",\"user_agent\":\"faf-commons\"}\n");
    }));
  }

  @Test
  void frameWithoutTrailingNewlineIsOneMessage(Vertx vertx, VertxTestContext test) {
    FafTestClient.webSocket(vertx, wsPort)
      .compose(c -> c.sendRaw("{\"command\":\"ping\"}").next())
      .onComplete(test.succeeding(m -> test.verify(() -> {
        assertEquals("pong", m.command());
        test.completeNow();
      })));
  }

  @Test
  void twoMessagesInOneFrameAreBothHandledInOrder(Vertx vertx, VertxTestContext test) {
    FafTestClient.webSocket(vertx, wsPort)
      .compose(c -> c.sendRaw("{\"command\":\"ping\"}\n{\"command\":\"ask_session\"}\n").next()
        .compose(first -> c.next().map(second -> first.command() + "," + second.command())))
      .onComplete(test.succeeding(order -> test.verify(() -> {
        assertEquals("pong,session", order);
        test.completeNow();
      })));
  }

  @Test
  void messageSplitOverSeveralFramesIsReassembled(Vertx vertx, VertxTestContext test) {
    Checkpoint published = test.checkpoint();
    vertx.eventBus().<Envelope>consumer("gamebus.faf.lobby.in.ask_session", m -> test.verify(() -> {
      assertEquals("bridge-era", m.body().body().getString("user_agent"));
      published.flag();
    }));
    FafTestClient.webSocket(vertx, wsPort).onComplete(test.succeeding(c -> c
      .sendRaw(Buffer.buffer("{\"command\":\"ask_se"))
      .sendRaw(Buffer.buffer("ssion\",\"user_agent\""))
      .sendRaw(Buffer.buffer(":\"bridge-era\"}\n"))));
  }

  /** Found by the reliability battery: invalid UTF-8 in a text frame was accepted (FAF answered pong). */
  /** Kept in a field: Vert.x closes what a garbage-collected client opened. */
  private io.vertx.core.net.NetClient resetting;

  @Test
  void aWebSocketPeerThatResetsTheConnectionIsAnOrdinaryDisconnectNotBadInput(Vertx vertx, VertxTestContext test) {
    // SO_LINGER 0: closing sends a TCP reset instead of a close frame and a FIN.
    resetting = vertx.createNetClient(new io.vertx.core.net.NetClientOptions().setSoLinger(0));
    vertx.eventBus().<io.vertx.core.json.JsonObject>consumer("gamebus.faf.lobby.status", m -> {
      if ("connection-closed".equals(m.body().getString("state"))) {
        test.verify(() -> {
          assertEquals(0, node.fafServer("lobby").bus().metrics().badInputs(), "a reset is not bad input");
          test.completeNow();
        });
      }
    });
    resetting.connect(wsPort, "127.0.0.1").onComplete(test.succeeding(socket -> {
      socket.handler(response -> {
        if (response.toString().startsWith("HTTP/1.1 101")) {
          socket.close();
        }
      });
      socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + wsPort + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }));
  }

  @Test
  void invalidUtf8InATextFrameClosesWith1007(Vertx vertx, VertxTestContext test) {
    webSockets.connect(wsPort, "127.0.0.1", "/").onComplete(test.succeeding(ws -> {
      ws.handler(data -> test.failNow("nothing is answered to text that is not UTF-8: " + data));
      ws.closeHandler(v -> test.verify(() -> {
        assertEquals((short) 1007, ws.closeStatusCode(), "RFC 6455 §8.1: invalid frame payload data");
        assertEquals(1, node.fafServer("lobby").bus().metrics().badInputs());
        test.completeNow();
      }));
      // A text message whose second fragment is not UTF-8 (0xC3 0x28: a lead byte without its continuation).
      ws.writeFrame(WebSocketFrame.textFrame("{\"command\":\"ping\",\"x\":\"", false));
      ws.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer(new byte[] {(byte) 0xC3, 0x28, '"', '}', '\n'}), true));
    }));
  }

  @Test
  void garbageFrameClosesTheConnection(Vertx vertx, VertxTestContext test) {
    FafTestClient.webSocket(vertx, wsPort)
      .compose(c -> c.sendRaw("this is not json}").closed())
      .onComplete(test.succeedingThenComplete());
  }

  @Test
  void wrongPathIsRefused(Vertx vertx, VertxTestContext test) {
    webSockets.connect(wsPort, "127.0.0.1", "/elsewhere").onComplete(test.failing(e -> test.verify(() -> {
      assertTrue(e.getMessage().contains("404"), e.getMessage());
      test.completeNow();
    })));
  }

  @Test
  void loginOverWebSocket(Vertx vertx, VertxTestContext test) {
    FafTestClient.webSocket(vertx, wsPort)
      .compose(c -> c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", tokens.lobby(1, "x"))).next("welcome"))
      .onComplete(test.succeeding(m -> test.verify(() -> {
        assertEquals("x", m.getString("login"));
        test.completeNow();
      })));
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused(Vertx vertx, VertxTestContext test) throws Exception {
    Tokens stranger = new Tokens(vertx, java.nio.file.Files.createDirectory(dir.resolve("other")));
    FafTestClient.webSocket(vertx, wsPort)
      .compose(c -> c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", stranger.lobby(1, "x"))).next())
      .onComplete(test.succeeding(m -> test.verify(() -> {
        assertEquals("authentication_failed", m.command());
        test.completeNow();
      })));
  }
}
