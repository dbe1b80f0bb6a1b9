package io.gamebus.launcher;

import io.gamebus.bus.Gamebus;
import io.gamebus.endpoint.ServerListeners;
import io.gamebus.support.FafPorts;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Found by the reliability battery: each WebSocket peer that ignores the close frame added 10 s to
 * a stop, listener after listener (20.35 s with one on each, then "stop did not complete"). The
 * test's own timeout is below what two such peers cost before.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 15, timeUnit = TimeUnit.SECONDS)
class GracefulStopTest {

  /** Kept referenced: Vert.x closes the sockets of a garbage-collected client. */
  NetClient raw;

  /** Completes the WebSocket upgrade by hand, then never reads or answers anything. */
  private Future<NetSocket> deafPeer(Vertx vertx, int port, String path) {
    return raw.connect(port, "127.0.0.1").compose(socket -> {
      Promise<NetSocket> upgraded = Promise.promise();
      socket.handler(bytes -> {
        if (bytes.toString().startsWith("HTTP/1.1 101")) {
          upgraded.tryComplete(socket);
        }
        socket.pause(); // from now on the peer reads nothing: the close frame is never answered
      });
      socket.write(Buffer.buffer("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));
      return upgraded.future();
    });
  }

  @Test
  void sigtermStopsWithinOneGraceWhenWebSocketPeersIgnoreTheClose(Vertx vertx, @TempDir Path dir) throws Exception {
    raw = vertx.createNetClient();
    Tokens tokens = new Tokens(vertx, dir);
    GamebusNode node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile()),
      TestConfigs.rpfmServer("packs", new JsonObject()))).await(10, TimeUnit.SECONDS);
    Promise<JsonObject> fafStopped = Promise.promise();
    Promise<JsonObject> rpfmStopped = Promise.promise();
    Gamebus.of(vertx).statuses("faf", "lobby", s -> {
      if ("stopped".equals(s.getString("state"))) {
        fafStopped.tryComplete(s);
      }
    });
    Gamebus.of(vertx).statuses("rpfm", "packs", s -> {
      if ("stopped".equals(s.getString("state"))) {
        rpfmStopped.tryComplete(s);
      }
    });
    deafPeer(vertx, FafPorts.port(node, "lobby", "ws"), "/").await(5, TimeUnit.SECONDS);
    deafPeer(vertx, URI.create(node.rpfmServer("packs").listening().get(0)).getPort(), "/ws").await(5, TimeUnit.SECONDS);

    node.stop().await(10, TimeUnit.SECONDS);

    String cut = "1 WebSocket peer(s) did not answer the close within " + ServerListeners.CLOSING_TIMEOUT_SECONDS
      + " s: their connections were cut";
    for (JsonObject stopped : List.of(fafStopped.future().await(1, TimeUnit.SECONDS), rpfmStopped.future().await(1, TimeUnit.SECONDS))) {
      assertEquals(cut, stopped.getString("detail"), stopped.encode());
    }
  }
}
