package io.gamebus.bridge;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.config.BridgeConfig;
import io.gamebus.config.HttpConfig;
import io.gamebus.endpoint.EndpointRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A console with a bridge of the given settings on a free port (browsers may listen and write on
 * {@code test.*}), the status events it publishes, and envelopes to publish, for the bridge tests.
 */
final class BridgeHarness {

  static final String STATUS = "gamebus.bridge.console.status";

  final Vertx vertx;
  ConsoleServer console;
  int port;
  private final List<JsonObject> statuses = new ArrayList<>();
  private final java.util.Set<JsonObject> claimed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
  private WebSocketClient client;
  private WebSocketClient stalledClient;

  private BridgeHarness(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts a console whose bridge has {@code settings} on top of permissions for {@code test.*}. */
  static BridgeHarness start(Vertx vertx, JsonObject settings) throws Exception {
    Gamebus.install(vertx);
    BridgeHarness harness = new BridgeHarness(vertx);
    vertx.eventBus().<JsonObject>consumer(STATUS, m -> {
      synchronized (harness.statuses) {
        harness.statuses.add(m.body());
        harness.statuses.notifyAll();
      }
    }).completion().await(5, TimeUnit.SECONDS);
    JsonObject bridge = new JsonObject()
      .put("inbound", new JsonArray().add(new JsonObject().put("addressRegex", "test\\..+")))
      .put("outbound", new JsonArray().add(new JsonObject().put("addressRegex", "test\\..+")))
      .mergeIn(settings);
    harness.console = new ConsoleServer(HttpConfig.defaults().withPort(0),
      BridgeConfig.fromJson(bridge), new EndpointRegistry(vertx, "gamebus", "n1"));
    vertx.deployVerticle(harness.console).await(10, TimeUnit.SECONDS);
    harness.port = harness.console.actualPort();
    return harness;
  }

  /** A raw WebSocket on {@code /eventbus/websocket}. */
  BridgeWs raw() throws Exception {
    return BridgeWs.raw(client(), port);
  }

  /** A raw WebSocket listening on {@code address} (registered, and the bridge has handled it). */
  BridgeWs listening(String address) throws Exception {
    BridgeWs ws = raw();
    ws.register(address);
    ws.sync();
    return ws;
  }

  /** SockJS's WebSocket on {@code /eventbus/000/<session>/websocket}, SockJS framing. */
  BridgeWs sockJs() throws Exception {
    return BridgeWs.sockJs(client(), port);
  }

  /** A raw WebSocket whose client takes little into its socket buffer, so pausing it stalls TCP soon. */
  BridgeWs stalledRaw() throws Exception {
    return BridgeWs.raw(stalledClient(), port);
  }

  BridgeWs stalledSockJs() throws Exception {
    return BridgeWs.sockJs(stalledClient(), port);
  }

  private WebSocketClient client() {
    if (client == null) {
      client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    }
    return client;
  }

  private WebSocketClient stalledClient() {
    if (stalledClient == null) {
      stalledClient = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(4096)
        .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 20));
    }
    return stalledClient;
  }

  /** An envelope of about {@code bodyBytes} bytes with {@code seq}. */
  static Envelope envelope(long seq, int bodyBytes) {
    return new Envelope("test", "source", "c1", "tick", seq, System.currentTimeMillis(),
      new JsonObject().put("pad", "x".repeat(Math.max(0, bodyBytes))));
  }

  void publish(String address, long seq) {
    vertx.eventBus().publish(address, envelope(seq, 16));
  }

  void publish(String address, long seq, int bodyBytes) {
    vertx.eventBus().publish(address, envelope(seq, bodyBytes));
  }

  /**
   * The first status event matching {@code match} that no earlier call returned, waiting at most
   * {@code timeoutMs}; fails listing every event seen.
   */
  JsonObject awaitStatus(Predicate<JsonObject> match, long timeoutMs) throws InterruptedException {
    JsonObject status = pollStatus(match, timeoutMs);
    if (status == null) {
      throw new AssertionError("no matching status event within " + timeoutMs + " ms; saw " + seenStatuses());
    }
    return status;
  }

  /** Like {@link #awaitStatus} but null when none came in time. */
  JsonObject pollStatus(Predicate<JsonObject> match, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    synchronized (statuses) {
      for (;;) {
        for (JsonObject status : statuses) {
          if (!claimed.contains(status) && match.test(status)) {
            claimed.add(status);
            return status;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        TimeUnit.NANOSECONDS.timedWait(statuses, left);
      }
    }
  }

  List<JsonObject> seenStatuses() {
    synchronized (statuses) {
      return List.copyOf(statuses);
    }
  }

  /** The bridge's id for a client socket, from its {@code connection-opened} event (which names the client's address). */
  String connectionOf(io.vertx.core.net.SocketAddress clientAddress) throws InterruptedException {
    String from = " from " + clientAddress.hostAddress() + ":" + clientAddress.port();
    return awaitStatus(s -> "connection-opened".equals(s.getString("state")) && s.getString("detail", "").endsWith(from), 5000)
      .getString("connection");
  }

  String connectionOf(BridgeWs ws) throws InterruptedException {
    return connectionOf(ws.ws.localAddress());
  }

  static Predicate<JsonObject> state(String state) {
    return s -> state.equals(s.getString("state"));
  }

  static Predicate<JsonObject> state(String state, String connection) {
    return s -> state.equals(s.getString("state")) && connection.equals(s.getString("connection"));
  }


  /**
   * A plain TCP socket upgraded to a WebSocket on {@code path} (the 101 read, nothing after it),
   * with a 4 KiB receive buffer: a client that reads only when the test does.
   */
  java.net.Socket upgradedSocket(String path) throws java.io.IOException {
    java.net.Socket socket = new java.net.Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
      + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    // A client sends frames only after the 101 (RFC 6455 §4.1).
    StringBuilder response = new StringBuilder();
    while (!response.toString().endsWith("\r\n\r\n")) {
      int b = socket.getInputStream().read();
      if (b < 0) {
        throw new java.io.EOFException("closed during the upgrade: " + response);
      }
      response.append((char) b);
    }
    if (!response.toString().startsWith("HTTP/1.1 101")) {
      throw new java.io.IOException("upgrade refused: " + response);
    }
    return socket;
  }

  /** A client text frame (masked, with a zero key: the payload as is). */
  static byte[] maskedText(String text) {
    byte[] payload = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(0x81);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else {
      out.write(0x80 | 126);
      out.write(payload.length >> 8);
      out.write(payload.length & 0xff);
    }
    out.writeBytes(new byte[4]);
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
