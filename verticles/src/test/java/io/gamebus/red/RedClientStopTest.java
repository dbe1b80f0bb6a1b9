package io.gamebus.red;

import io.gamebus.bus.Gamebus;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A stop is bounded for the client role too: a Red server that never answers the close frame
 * (a hung bot) must not hold the stop for Vert.x's default 10 s closing timeout. The test's own
 * timeout is below what that cost.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 9, timeUnit = TimeUnit.SECONDS)
class RedClientStopTest {

  /** Upgrades by hand, answers the first call (GET_METHODS, id 1) with [], then reads nothing more. */
  private static NetServer deafRedServer(Vertx vertx) {
    return vertx.createNetServer().connectHandler(socket -> {
      boolean[] upgraded = {false};
      socket.handler(bytes -> {
        if (!upgraded[0]) {
          upgraded[0] = true;
          String request = bytes.toString();
          String key = request.replaceAll("(?is).*sec-websocket-key: *([^\\r\\n]+).*", "$1");
          socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n");
          return;
        }
        byte[] reply = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"result\": []}".getBytes(StandardCharsets.US_ASCII);
        socket.write(Buffer.buffer().appendByte((byte) 0x81).appendByte((byte) reply.length).appendBytes(reply));
        socket.pause(); // from now on the server reads nothing: the close frame is never answered
      });
    });
  }

  private static String accept(String key) {
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1")
        .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aStopIsBoundedWhenTheRedServerIgnoresTheClose(Vertx vertx) throws Exception {
    NetServer server = deafRedServer(vertx).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    Promise<Void> connected = Promise.promise();
    Gamebus.of(vertx).statuses("red", "bot", s -> {
      if ("connected".equals(s.getString("state"))) {
        connected.tryComplete();
      }
    });
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redClient("bot",
      "ws://127.0.0.1:" + server.actualPort() + "/", new JsonObject()))).await(5, TimeUnit.SECONDS);
    connected.future().await(5, TimeUnit.SECONDS);

    node.stop().await(8, TimeUnit.SECONDS);
  }
}
