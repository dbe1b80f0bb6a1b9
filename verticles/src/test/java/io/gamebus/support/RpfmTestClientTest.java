package io.gamebus.support;

import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The RPFM test client keeps what the server sends before its caller looks at the connection. The
 * caller's lateness is played here by waiting for the connection on the test thread, then for a
 * pong: the server wrote its greeting before it read our ping, so by the pong the greeting has been
 * through the client's WebSocket.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RpfmTestClientTest {

  int port;
  WebSocketClient webSockets;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    port = URI.create(node.rpfmServer("packs").listening().get(0)).getPort();
  }

  @Test
  void aGreetingThatArrivesBeforeTheCallerLooksIsStillRead(Vertx vertx) throws Exception {
    RpfmTestClient client = RpfmTestClient.unconnected(vertx);
    Promise<Buffer> pong = Promise.promise();
    client.socket().pongHandler(pong::tryComplete);
    client.socket().connect(RpfmTestClient.connectOptions(port, null)).await(10, TimeUnit.SECONDS);
    client.socket().writePing(Buffer.buffer("after the greeting"));
    pong.future().await(10, TimeUnit.SECONDS);

    assertEquals(1, client.received().size(), "frames read by the time of the pong: " + client.received());
    JsonObject greeting = client.next().await(10, TimeUnit.SECONDS);
    assertEquals(1L, greeting.getJsonObject("data").getLong("SessionConnected"), greeting.encode());
  }

  /**
   * Why the client sets its handlers before it connects: a WebSocket from
   * {@code WebSocketClient.connect} is resumed when the connection is up, so a handler attached
   * after that misses the greeting, and the test that waits for it hangs.
   */
  @Test
  void aHandlerAttachedAfterVertxResumedTheSocketMissesTheGreeting(Vertx vertx) throws Exception {
    webSockets = vertx.createWebSocketClient(); // held: Vert.x closes what a garbage-collected client opened
    WebSocket socket = webSockets.connect(RpfmTestClient.connectOptions(port, null))
      .await(10, TimeUnit.SECONDS);
    Promise<Buffer> pong = Promise.promise();
    socket.pongHandler(pong::tryComplete);
    socket.writePing(Buffer.buffer("after the greeting"));
    pong.future().await(10, TimeUnit.SECONDS);

    List<JsonObject> received = new ArrayList<>();
    Promise<JsonObject> answer = Promise.promise();
    socket.textMessageHandler(text -> {
      received.add(new JsonObject(text));
      answer.tryComplete(received.get(0));
    });
    socket.writeTextMessage("{\"id\":1,\"data\":\"GetGameSelected\"}");
    JsonObject first = answer.future().await(10, TimeUnit.SECONDS);
    assertEquals(1L, first.getLong("id"), "the greeting went to no handler: " + first.encode());
  }
}
