package io.gamebus.bridge;

import io.gamebus.endpoint.ServerListeners;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser that stops reading is held to {@code bridge.maxPendingBytes}: cut off with 1013 and a
 * reason (default), or skipped with the gap visible in {@code seq} ({@code drop}); either way the
 * others get every message, in order.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BridgeSlowSubscriberTest {

  static final int LIMIT = 64 * 1024;
  static final String FEED = "test.feed";
  /** Envelope bodies of about 1 KiB: each rec frame is a little more. */
  static final int BODY = 1000;
  /**
   * What may be published before a stalled socket is found out: the limit, plus what the kernels'
   * socket buffers take first (the client's receive buffer is 4 KiB; the server's send buffer
   * grows on its own, up to net.ipv4.tcp_wmem's 4 MiB on Linux). Gamebus's own backlog is the
   * limit; without it, this much would be held for the stalled socket and the test fails.
   */
  static final long BOUND_BYTES = LIMIT + 8L * 1024 * 1024;

  private static JsonObject settings(String policy) {
    return new JsonObject().put("maxPendingBytes", LIMIT).put("slowSubscriber", policy);
  }

  /** The status event that ended {@link #publishUntil}, the last seq published, and what the healthy socket got. */
  record Published(JsonObject status, long last, List<Long> healthySeqs) {
  }

  /**
   * Publishes envelopes seq 1, 2, … in bursts of 16, each read by {@code healthy} before the next
   * (a reader as fast as the publisher, not faster), until a status event matches, within
   * {@link #BOUND_BYTES}.
   */
  static Published publishUntil(BridgeHarness bridge, BridgeWs healthy, Predicate<JsonObject> status)
      throws InterruptedException {
    List<Long> healthySeqs = new ArrayList<>();
    long seq = 0;
    while ((seq + 16) * BODY < BOUND_BYTES) {
      for (int i = 0; i < 16; i++) {
        bridge.publish(FEED, ++seq, BODY);
      }
      healthySeqs.addAll(readUntil(healthy, seq));
      JsonObject matched = bridge.pollStatus(status, 0);
      if (matched != null) {
        return new Published(matched, seq, healthySeqs);
      }
    }
    throw new AssertionError("no cut-off after " + seq + " envelopes of " + BODY + " bytes with a limit of " + LIMIT
      + " bytes; statuses " + bridge.seenStatuses());
  }

  /** Reads rec frames on {@link #FEED} from {@code ws} until {@code last}; returns their seqs. */
  private static List<Long> readUntil(BridgeWs ws, long last) throws InterruptedException {
    List<Long> seqs = new ArrayList<>();
    while (seqs.isEmpty() || seqs.get(seqs.size() - 1) < last) {
      JsonObject frame = ws.poll(10_000);
      if (frame == null) {
        throw new AssertionError("waiting for seq " + last + ": got " + seqs.size() + " envelopes, the last "
          + (seqs.isEmpty() ? "none" : seqs.get(seqs.size() - 1)));
      }
      assertEquals("rec", frame.getString("type"), frame.encode());
      assertEquals(FEED, frame.getString("address"));
      seqs.add(BridgeWs.seq(frame));
    }
    return seqs;
  }

  private static void assertEveryOneInOrder(List<Long> seqs, long last) {
    assertEquals(last, seqs.size(), "every envelope reached the healthy socket");
    for (int i = 0; i < seqs.size(); i++) {
      assertEquals(i + 1, seqs.get(i), "in order, without a gap");
    }
  }

  /** A bridge with a healthy and a stalled socket on the feed. */
  record Sockets(BridgeHarness bridge, BridgeWs healthy, BridgeWs stalled, String stalledId) {
  }

  /** Both listen on the feed; then the stalled one stops reading. */
  private static Sockets healthyAndStalled(Vertx vertx, String policy, boolean sockJs) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, settings(policy));
    BridgeWs healthy = bridge.listening(FEED);
    BridgeWs stalled = sockJs ? bridge.stalledSockJs() : bridge.stalledRaw();
    String stalledId = bridge.connectionOf(stalled);
    stalled.register(FEED);
    stalled.sync();
    stalled.ws.pause();
    return new Sockets(bridge, healthy, stalled, stalledId);
  }

  private void stalledSocketIsCutOff(Vertx vertx, boolean sockJs) throws Exception {
    Sockets sockets = healthyAndStalled(vertx, "disconnect", sockJs);
    BridgeHarness bridge = sockets.bridge();
    BridgeWs healthy = sockets.healthy();
    BridgeWs stalled = sockets.stalled();
    String stalledId = sockets.stalledId();

    Published published = publishUntil(bridge, healthy, BridgeHarness.state("slow-consumer", stalledId));
    long last = published.last();
    assertTrue(published.status().getString("detail").contains("bridge.maxPendingBytes"), published.status().encode());
    // What gamebus held for it when it was cut: just past the limit (the kernel's buffers aside).
    long held = published.status().getLong("pendingBytes");
    assertTrue(held > LIMIT && held <= LIMIT + 2 * (BODY + 200), "held " + held);
    assertEveryOneInOrder(published.healthySeqs(), last);

    stalled.ws.resume();
    Object[] close = stalled.awaitClose(ServerListeners.CLOSING_TIMEOUT_SECONDS * 1000L + 5000);
    assertEquals((short) 1013, close[0], "close status");
    assertTrue(String.valueOf(close[1]).contains("bridge.maxPendingBytes"), String.valueOf(close[1]));
    if (sockJs) {
      JsonArray sockJsClose = stalled.sockJsClose;
      assertNotNull(sockJsClose, "SockJS's c[…] frame came before the WebSocket close");
      assertEquals(1013, sockJsClose.getInteger(0));
      assertTrue(sockJsClose.getString(1).contains("bridge.maxPendingBytes"), sockJsClose.encode());
    }
    bridge.awaitStatus(BridgeHarness.state("connection-closed", stalledId), 5000);

    // The others keep going.
    for (long seq = last + 1; seq <= last + 100; seq++) {
      bridge.publish(FEED, seq, BODY);
    }
    List<Long> after = readUntil(healthy, last + 100);
    assertEquals(100, after.size());
    assertEquals(last + 1, after.get(0));
    assertFalse(healthy.closed.isDone());
    assertTrue(bridge.seenStatuses().stream().filter(BridgeHarness.state("slow-consumer")).count() == 1,
      "only the stalled socket was slow: " + bridge.seenStatuses());
  }

  @Test
  void aClientThatNeverReadsIsCutWithinTheClosingTimeout(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, settings("disconnect"));
    BridgeWs healthy = bridge.raw();
    healthy.register(FEED);
    healthy.sync();
    try (Socket never = bridge.upgradedSocket("/eventbus/websocket")) {
      // After the 101 it sends one frame and never reads again.
      never.getOutputStream().write(BridgeHarness.maskedText(new JsonObject().put("type", "register").put("address", FEED).encode()));
      never.getOutputStream().flush();
      String id = bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(never.getLocalPort(), "127.0.0.1"));

      Published published = publishUntil(bridge, healthy, BridgeHarness.state("slow-consumer", id));
      assertEveryOneInOrder(published.healthySeqs(), published.last());
      // It never reads the close frame: the connection is cut after the closing timeout.
      bridge.awaitStatus(BridgeHarness.state("connection-closed", id), ServerListeners.CLOSING_TIMEOUT_SECONDS * 1000L + 2000);
      never.setSoTimeout(5000);
      InputStream in = never.getInputStream();
      long read = 0;
      try {
        for (int n; (n = in.read(new byte[65536])) >= 0; ) {
          read += n;
        }
      } catch (java.net.SocketException reset) {
        // cut: what the kernel held may be discarded
      }
      assertTrue(read < BOUND_BYTES, "the stalled client could read at most what was held for it: " + read);
    }
  }

  @Test
  void aStalledBrowserThatClosesWithoutReadingLogsNoWarning(Vertx vertx) throws Exception {
    Sockets sockets = healthyAndStalled(vertx, "disconnect", false);
    BridgeHarness bridge = sockets.bridge();
    try (LogWarnings warnings = new LogWarnings()) {
      publishUntil(bridge, sockets.healthy(), BridgeHarness.state("slow-consumer", sockets.stalledId()));
      // Its close frame comes while ours still waits behind the backlog.
      sockets.stalled().ws.close();
      bridge.awaitStatus(BridgeHarness.state("connection-closed", sockets.stalledId()), 5000);
      sockets.healthy().sync(); // the bridge's event loop has finished with the closed connection
      // The one warning is the cut itself, as the status log announces every slow consumer.
      List<String> statusLines = warnings.records.stream().filter(r -> r.getLoggerName().equals("io.gamebus.status"))
        .map(java.util.logging.LogRecord::getMessage).toList();
      warnings.records.removeIf(r -> r.getLoggerName().equals("io.gamebus.status"));
      assertEquals("", warnings.describe());
      assertEquals(1, statusLines.size(), statusLines.toString());
      assertTrue(statusLines.get(0).startsWith("bridge.console: slow-consumer " + sockets.stalledId() + ": closed"),
        statusLines.get(0));
    }
  }

  @Test
  void aStalledXhrStreamingSessionIsCutOffToo(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, settings("disconnect"));
    BridgeWs healthy = bridge.listening(FEED);
    try (Socket stream = new Socket()) {
      stream.setReceiveBufferSize(4096);
      stream.connect(new java.net.InetSocketAddress("127.0.0.1", bridge.port));
      stream.getOutputStream().write(("POST /eventbus/000/stalled/xhr_streaming HTTP/1.1\r\nHost: 127.0.0.1:" + bridge.port
        + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String id = bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(stream.getLocalPort(), "127.0.0.1"));
      io.vertx.core.http.HttpClient http = vertx.createHttpClient();
      int sent = http.request(io.vertx.core.http.HttpMethod.POST, bridge.port, "127.0.0.1", "/eventbus/000/stalled/xhr_send")
        .compose(request -> request.putHeader("Content-Type", "text/plain").send(new JsonArray()
          .add(new JsonObject().put("type", "register").put("address", FEED).encode()).encode()))
        .map(io.vertx.core.http.HttpClientResponse::statusCode).await(5, TimeUnit.SECONDS);
      assertEquals(204, sent);
      // The streaming client never reads past what its socket buffer takes.
      Published published = publishUntil(bridge, healthy, BridgeHarness.state("slow-consumer", id));
      assertEveryOneInOrder(published.healthySeqs(), published.last());
      bridge.awaitStatus(BridgeHarness.state("connection-closed", id), 15_000);
    }
  }

  @Test
  void withDropASlowSocketSkipsMessagesSeesTheGapAndIsKept(Vertx vertx) throws Exception {
    Sockets sockets = healthyAndStalled(vertx, "drop", false);
    BridgeHarness bridge = sockets.bridge();
    BridgeWs healthy = sockets.healthy();
    BridgeWs slow = sockets.stalled();
    String slowId = sockets.stalledId();

    Published published = publishUntil(bridge, healthy, s -> slowId.equals(s.getString("connection"))
      && "slow-consumer".equals(s.getString("state")) && s.getString("detail").startsWith("dropping"));
    List<Long> healthySeqs = new ArrayList<>(published.healthySeqs());
    long seq = published.last();
    for (int i = 0; i < 100; i++) {
      bridge.publish(FEED, ++seq, BODY);
    }
    healthySeqs.addAll(readUntil(healthy, seq));
    slow.ws.resume();
    JsonObject caughtUp = null;
    while (caughtUp == null) {
      bridge.publish(FEED, ++seq, BODY);
      healthySeqs.addAll(readUntil(healthy, seq));
      caughtUp = bridge.pollStatus(s -> slowId.equals(s.getString("connection"))
        && "slow-consumer".equals(s.getString("state")) && s.getString("detail").startsWith("caught up"), 20);
      assertTrue(seq * BODY < 2 * BOUND_BYTES, "the slow socket never caught up: " + bridge.seenStatuses());
    }
    for (int i = 0; i < 20; i++) {
      bridge.publish(FEED, ++seq, BODY);
    }
    healthySeqs.addAll(readUntil(healthy, seq));
    assertEveryOneInOrder(healthySeqs, seq);

    List<Long> slowSeqs = readUntil(slow, seq);
    long gaps = 0;
    for (int i = 1; i < slowSeqs.size(); i++) {
      assertTrue(slowSeqs.get(i) > slowSeqs.get(i - 1), "in order: " + slowSeqs);
      if (slowSeqs.get(i) != slowSeqs.get(i - 1) + 1) {
        gaps++;
      }
    }
    assertEquals(1, slowSeqs.get(0));
    assertEquals(1, gaps, "one run of dropped messages, visible as a gap in seq");
    long dropped = seq - slowSeqs.size();
    assertTrue(caughtUp.getString("detail").contains("after " + dropped + " messages dropped"), caughtUp.encode());
    assertFalse(slow.closed.isDone(), "the slow socket is kept");
    assertEquals(2, bridge.seenStatuses().stream().filter(BridgeHarness.state("slow-consumer")).count(),
      "dropping started and ended, once: " + bridge.seenStatuses());
  }

  @Test
  void aStalledRawWebSocketIsClosedWith1013AndTheOthersGetEverything(Vertx vertx) throws Exception {
    stalledSocketIsCutOff(vertx, false);
  }

  @Test
  void aStalledSockJsWebSocketGetsSockJsCloseFrame1013(Vertx vertx) throws Exception {
    stalledSocketIsCutOff(vertx, true);
  }

  /**
   * Only a live message applied the slow policy: a page that never read could keep asking (bus
   * requests whose replies, errs, replays are written whatever the backlog) and on a quiet address
   * gamebus held everything it was answered (here 16 KB per request) with nothing cutting it off.
   */
  @Test
  void aPageThatDoesNotReadButKeepsAskingIsCutOff(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, settings("disconnect"));
    String big = "x".repeat(16 * 1024);
    vertx.eventBus().consumer("test.big", m -> m.reply(big)).completion().await(5, TimeUnit.SECONDS);
    try (Socket never = bridge.upgradedSocket("/eventbus/websocket")) {
      String id = bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(never.getLocalPort(), "127.0.0.1"));
      byte[] ask = BridgeHarness.maskedText(new JsonObject().put("type", "send").put("address", "test.big")
        .put("replyAddress", "r").put("body", "?").encode());
      JsonObject cut = null;
      for (int sent = 0; cut == null; sent += 16) {
        assertTrue(sent < 4096, "not cut off after " + sent + " requests answered with 16 KB each: " + bridge.seenStatuses());
        for (int i = 0; i < 16; i++) {
          never.getOutputStream().write(ask);
        }
        never.getOutputStream().flush();
        cut = bridge.pollStatus(BridgeHarness.state("slow-consumer", id), 20);
      }
    }
  }
}
