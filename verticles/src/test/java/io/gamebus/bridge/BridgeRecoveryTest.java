package io.gamebus.bridge;

import io.gamebus.support.NodeScript;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code register} with header {@code lastSeq} gets the envelopes it missed, in order, then a
 * {@code gamebus-recovery} report ({@code complete} or {@code gap}), then live ones; without the
 * header nothing changes.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BridgeRecoveryTest {

  static final String FEED = "test.feed";

  /** Publishes seq {@code from}..{@code to}. */
  private static void publish(BridgeHarness bridge, long from, long to) {
    for (long seq = from; seq <= to; seq++) {
      bridge.publish(FEED, seq);
    }
  }

  /** The next frames are envelopes {@code from}..{@code to} on the feed, in order. */
  private static void expectEnvelopes(BridgeWs ws, long from, long to) throws InterruptedException {
    for (long seq = from; seq <= to; seq++) {
      JsonObject frame = ws.next(5000);
      assertEquals("rec", frame.getString("type"), frame.encode());
      assertEquals(FEED, frame.getString("address"));
      assertNull(frame.getValue("headers"), "an envelope, not the report: " + frame.encode());
      assertEquals(seq, BridgeWs.seq(frame), frame.encode());
    }
  }

  /** The next frame is the recovery report. */
  private static void expectReport(BridgeWs ws, String outcome, int replayed, long lastSeq) throws InterruptedException {
    JsonObject frame = ws.next(5000);
    assertEquals("rec", frame.getString("type"), frame.encode());
    assertEquals(FEED, frame.getString("address"));
    assertEquals(outcome, frame.getJsonObject("headers").getString("gamebus-recovery"), frame.encode());
    assertEquals(new JsonObject().put("recovery", outcome).put("replayed", replayed).put("lastSeq", lastSeq),
      frame.getJsonObject("body"));
  }

  /** A page that saw 1..3 and closed: nobody listens on the feed any more. */
  private static void sawThreeAndLeft(BridgeHarness bridge) throws Exception {
    BridgeWs page = bridge.raw();
    String id = bridge.connectionOf(page);
    page.register(FEED);
    page.sync();
    publish(bridge, 1, 3);
    expectEnvelopes(page, 1, 3);
    page.ws.close().await(5, TimeUnit.SECONDS);
    bridge.awaitStatus(BridgeHarness.state("connection-closed", id), 5000);
  }

  /** A new page that registers on the feed with the {@code lastSeq} it saw. */
  private static BridgeWs reconnect(BridgeHarness bridge, Object seq) throws Exception {
    BridgeWs page = bridge.raw();
    page.register(FEED, lastSeq(seq));
    return page;
  }

  private static JsonObject lastSeq(Object seq) {
    return new JsonObject().put("lastSeq", seq);
  }

  /**
   * A page saw 1..3 and left; 4..{@code lastPublished} were published; a page that registers with
   * {@code seq} gets {@code from}..{@code lastPublished}, then the report, then live envelopes.
   */
  private static void recovers(Vertx vertx, JsonObject settings, long lastPublished, Object seq, long from,
                               String outcome) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, settings);
    sawThreeAndLeft(bridge);
    publish(bridge, 4, lastPublished);
    BridgeWs again = reconnect(bridge, seq);
    expectEnvelopes(again, from, lastPublished);
    expectReport(again, outcome, (int) Math.max(0, lastPublished - from + 1), Long.parseLong(String.valueOf(seq)));
    publish(bridge, lastPublished + 1, lastPublished + 2);
    expectEnvelopes(again, lastPublished + 1, lastPublished + 2);
  }

  @Test
  void aPageThatReconnectsAfterEveryTabClosedGetsWhatItMissedThenCompleteThenLive(Vertx vertx) throws Exception {
    recovers(vertx, new JsonObject(), 6, "3", 4, "complete");
  }

  @Test
  void pastHistorySizeWhatIsLeftIsReplayedAndTheGapReported(Vertx vertx) throws Exception {
    recovers(vertx, new JsonObject().put("historySize", 5), 12, "3", 8, "gap");
  }

  @Test
  void theLastEvictedSeqStillRecoversCompletely(Vertx vertx) throws Exception {
    // 4..8 evict 1..3: 3 is the last evicted, so nothing after it was lost (a number works too)
    recovers(vertx, new JsonObject().put("historySize", 5), 8, 3, 4, "complete");
  }

  @Test
  void envelopesOlderThanTheMaxAgeAreGoneAndTheGapReported(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("historyMaxAgeSeconds", 1));
    BridgeWs stays = bridge.listening(FEED);
    BridgeWs page = bridge.listening(FEED);
    publish(bridge, 1, 3);
    expectEnvelopes(page, 1, 3);
    page.ws.close().await(5, TimeUnit.SECONDS);
    publish(bridge, 4, 5);
    expectEnvelopes(stays, 1, 5);
    // What is kept is bounded by age: wait it out (the limit is time itself).
    Thread.sleep(1100);
    publish(bridge, 6, 6);
    expectEnvelopes(stays, 6, 6);
    BridgeWs again = reconnect(bridge, "3");
    expectEnvelopes(again, 6, 6);
    expectReport(again, "gap", 1, 3);
  }

  @Test
  void anUnknownOrFutureSeqIsAGap(Vertx vertx) throws Exception {
    recovers(vertx, new JsonObject(), 3, "999", 1000, "gap");
  }

  @Test
  void theNewestSeqHasNothingToReplayAndIsComplete(Vertx vertx) throws Exception {
    recovers(vertx, new JsonObject(), 3, "3", 4, "complete");
  }

  @Test
  void aLastSeqThatIsNotANumberIsRefusedWithBadHeader(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    BridgeWs page = bridge.raw();
    for (Object bad : new Object[] {"three", 2.5, new JsonObject()}) {
      page.register(FEED, lastSeq(bad));
      JsonObject err = page.next(5000);
      assertEquals("err", err.getString("type"), err.encode());
      assertEquals("bad_header", err.getString("body"));
      assertEquals(FEED, err.getString("address"), "the official client hands it to the handler");
      assertTrue(err.getString("message").contains("lastSeq"), err.encode());
    }
    // Refused: not listening.
    publish(bridge, 1, 1);
    assertEquals(List.of(), page.sync());
  }

  @Test
  void aPlainRegisterGetsNoReplayAndNoReport(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    sawThreeAndLeft(bridge);
    BridgeWs plain = bridge.raw();
    plain.register(FEED);
    plain.register("test.other", new JsonObject()); // the official client sends empty headers
    plain.sync();
    publish(bridge, 4, 4);
    expectEnvelopes(plain, 4, 4);
    assertEquals(List.of(), plain.sync());
  }

  @Test
  void theOfficialClientReconnectsWithLastSeqAndGetsWhatItMissed(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    try (NodeScript page = NodeScript.start("bridge-recovery.mjs",
      "--url", "http://127.0.0.1:" + bridge.port + "/eventbus", "--address", FEED)) {
      page.awaitLine("READY", 30);
      // READY means the register frame was sent, not yet applied: publish until the page sees one.
      long seq = 0;
      String seen = null;
      while (seen == null && seq < 100) {
        bridge.publish(FEED, ++seq);
        seen = page.pollLine("MESSAGE", 200);
      }
      assertTrue(seen != null, page.transcript());
      while (!seen.equals("MESSAGE " + seq)) {
        seen = page.awaitLine("MESSAGE", 10);
      }
      page.send("close");
      page.awaitLine("CLOSED", 10);
      publish(bridge, seq + 1, seq + 5);
      int mark = page.lineCount();
      page.send("reconnect");
      page.awaitSince(mark, "RECOVERY", 20);
      bridge.publish(FEED, seq + 6);
      page.awaitSince(mark, "MESSAGE " + (seq + 6), 10);
      List<String> expected = new java.util.ArrayList<>();
      expected.add("READY");
      for (long missed = seq + 1; missed <= seq + 5; missed++) {
        expected.add("MESSAGE " + missed);
      }
      expected.add("RECOVERY " + new JsonObject().put("recovery", "complete").put("replayed", 5).put("lastSeq", seq).encode());
      expected.add("MESSAGE " + (seq + 6));
      List<String> got = page.linesSince(mark, "");
      assertEquals(expected, got, page.transcript());
    }
  }

  /**
   * A replay was written whatever the socket's backlog, and only a live message applied the slow
   * policy: a page that never reads could repeat one 80-byte recovering register, each writing up
   * to historySize envelopes, and on a quiet address nothing cut it off (here 40 MB held for it).
   */
  @Test
  void aPageThatDoesNotReadCannotPileUpReplaysByRegisteringAgain(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("maxPendingBytes", 64 * 1024));
    BridgeWs keeper = bridge.listening(FEED);
    for (long seq = 1; seq <= 1000; seq++) {
      bridge.publish(FEED, seq, 1000);
    }
    for (long seq = 1; seq <= 1000; seq++) {
      assertEquals(seq, BridgeWs.seq(keeper.next(5000)), "kept in the history");
    }
    try (java.net.Socket never = bridge.upgradedSocket("/eventbus/websocket")) {
      String id = bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(never.getLocalPort(), "127.0.0.1"));
      byte[] again = BridgeHarness.maskedText(new JsonObject().put("type", "register").put("address", FEED)
        .put("headers", new JsonObject().put("lastSeq", "0")).encode());
      for (int i = 0; i < 40; i++) {
        never.getOutputStream().write(again);
      }
      never.getOutputStream().flush();
      JsonObject cut = bridge.awaitStatus(BridgeHarness.state("slow-consumer", id), 8000);
      // What it asked for once (about 1.1 MB here) may wait on top of the limit, not 40 times that.
      assertTrue(cut.getLong("pendingBytes") < 4 << 20, cut.encode());
    }
  }
}
