package io.gamebus.faf;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.endpoint.EndpointMetrics;
import io.gamebus.endpoint.Limits;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.Flooder;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lobby client that sends {@code ping} as fast as it can and never reads the {@code pong}s, on
 * TCP and on WebSocket: gamebus stops reading from it once maxPendingWriteBytes of answers are
 * queued, holds at most the documented bytes for it, answers other clients meanwhile, and cuts
 * it off as a slow consumer after slowConsumerSeconds (the peer is stalled: it can no longer send).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class FafServerFloodTest {

  private static final int MAX_PENDING = 64 * 1024;
  private static final byte[] PING = "{\"command\":\"ping\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;
  GamebusNode node;
  Flooder flooder;
  EndpointMetrics metrics;
  final CompletableFuture<Void> slowConsumer = new CompletableFuture<>();
  final java.util.Map<String, java.util.Set<String>> events = new java.util.HashMap<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    JsonObject lobby = TestConfigs.fafServer("lobby", new Tokens(vertx, dir).secretFile()).put("limits",
      new JsonObject().put("maxPendingWriteBytes", MAX_PENDING).put("slowConsumerSeconds", 1));
    node = GamebusNode.start(vertx, TestConfigs.node(lobby)).await(10, TimeUnit.SECONDS);
    metrics = node.fafServer("lobby").bus().metrics();
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.status", m -> {
      // Cut off, then gone from the table: both events of the same connection, in any order.
      String state = m.body().getString("state");
      if ("slow-consumer".equals(state) || "connection-closed".equals(state)) {
        events.computeIfAbsent(m.body().getString("connection"), c -> new java.util.HashSet<>()).add(state);
        if (events.get(m.body().getString("connection")).size() == 2) {
          slowConsumer.complete(null);
        }
      }
    });
  }

  @AfterEach
  void close() throws Exception {
    if (flooder != null) {
      flooder.close();
    }
  }

  @Test
  void tcpClientThatNeverReadsIsStalledAndCutOffWhileOthersAreAnswered(Vertx vertx) throws Exception {
    int port = FafPorts.port(node, "lobby", "tcp");
    flooder = new Flooder(port);
    byte[] line = (new String(PING, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
    floodAndCheck(vertx, repeat(line, 4096), FafTestClient.tcp(vertx, port).await(5, TimeUnit.SECONDS));
  }

  @Test
  void webSocketClientThatNeverReadsIsStalledAndCutOffWhileOthersAreAnswered(Vertx vertx) throws Exception {
    int port = FafPorts.port(node, "lobby", "ws");
    flooder = new Flooder(port);
    upgrade(flooder, port);
    floodAndCheck(vertx, repeat(maskedTextFrame(PING), 4096), FafTestClient.webSocket(vertx, port).await(5, TimeUnit.SECONDS));
  }

  private void floodAndCheck(Vertx vertx, byte[] block, FafTestClient other) throws Exception {
    long watch = flooder.watch(vertx, metrics);
    CompletableFuture<Boolean> cutOff = flooder.flood(block, 200L * 1024 * 1024);

    assertEquals("pong", other.send(FafMessage.command("ping")).next("pong").await(5, TimeUnit.SECONDS).command());

    slowConsumer.get(20, TimeUnit.SECONDS);
    assertTrue(!cutOff.isDone() || cutOff.getNow(false),
      "stalled, or reset once its answers were flushed: never all its bytes; sent " + flooder.sent());
    assertEquals(1, metrics.slowConsumers());
    assertEquals(1, metrics.openConnections(), "the flooder is no longer listed; the other client is");
    assertEquals("pong", other.send(FafMessage.command("ping")).next("pong").await(5, TimeUnit.SECONDS).command());
    vertx.cancelTimer(watch);
    long bound = 2L * MAX_PENDING + 2L * Limits.BACKLOG_BYTES;
    assertTrue(flooder.maxBuffered() <= bound, "buffered " + flooder.maxBuffered() + " > " + bound);
    assertTrue(flooder.maxBuffered() > 0, "the watch saw the flood");
    other.close();
  }

  private static byte[] repeat(byte[] one, int times) {
    byte[] block = new byte[one.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(one, 0, block, i * one.length, one.length);
    }
    return block;
  }

  /** A client text frame (RFC 6455 §5.2): FIN, masked, payload under 126 bytes. */
  private static byte[] maskedTextFrame(byte[] payload) {
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    byte[] frame = new byte[2 + 4 + payload.length];
    frame[0] = (byte) 0x81;
    frame[1] = (byte) (0x80 | payload.length);
    System.arraycopy(mask, 0, frame, 2, 4);
    for (int i = 0; i < payload.length; i++) {
      frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
    }
    return frame;
  }

  private static void upgrade(Flooder flooder, int port) throws Exception {
    String request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    flooder.out().write(request.getBytes(StandardCharsets.US_ASCII));
    InputStream in = flooder.in();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IllegalStateException("closed during the upgrade: " + head);
      }
      head.write(b);
    }
    assertTrue(head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101"), head.toString(StandardCharsets.US_ASCII));
  }
}
