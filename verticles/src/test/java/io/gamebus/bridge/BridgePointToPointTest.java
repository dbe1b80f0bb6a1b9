package io.gamebus.bridge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bus {@code request} to an address browsers listen on reaches one of them, in turn, and the
 * browser's answer (a {@code send} to the reply address it was given) is the reply; a browser that
 * goes away without answering fails the request at once.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BridgePointToPointTest {

  static final String SERVICE = "test.service";
  /** Longer than any wait here: a request that fails fails for another reason than its timeout. */
  static final DeliveryOptions PATIENT = new DeliveryOptions().setSendTimeout(60_000);

  private static Future<Message<Object>> request(Vertx vertx, JsonObject body) {
    return vertx.eventBus().request(SERVICE, body, PATIENT);
  }

  /** The rec frame a request became, from whichever socket got it. */
  private static JsonObject receivedBy(BridgeWs ws, int q) throws InterruptedException {
    JsonObject rec = ws.next(5000);
    assertEquals("rec", rec.getString("type"), rec.encode());
    assertEquals(SERVICE, rec.getString("address"));
    assertEquals(q, rec.getJsonObject("body").getInteger("q"));
    assertNotNull(rec.getString("replyAddress"), "the browser is asked to answer: " + rec.encode());
    return rec;
  }

  private static void answer(BridgeWs ws, JsonObject rec, JsonObject body) {
    ws.send(new JsonObject().put("type", "send").put("address", rec.getString("replyAddress")).put("body", body));
  }

  @Test
  void aBusRequestReachesOneBrowserInTurnAndItsAnswerIsTheReply(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    BridgeWs first = bridge.raw();
    BridgeWs second = bridge.raw();
    first.register(SERVICE);
    second.register(SERVICE);
    first.sync();
    second.sync();

    Future<Message<Object>> one = request(vertx, new JsonObject().put("q", 1));
    BridgeWs got = first;
    BridgeWs other = second;
    JsonObject frame = null;
    for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); frame == null && System.nanoTime() < deadline; ) {
      frame = first.poll(20);
      if (frame == null && (frame = second.poll(20)) != null) {
        got = second;
        other = first;
      }
    }
    assertNotNull(frame, "a browser got the request");
    assertEquals(1, frame.getJsonObject("body").getInteger("q"));
    assertEquals(List.of(), other.sync(), "one browser only");
    answer(got, frame, new JsonObject().put("a", 1));
    assertEquals(new JsonObject().put("a", 1), one.await(5, TimeUnit.SECONDS).body());

    Future<Message<Object>> two = request(vertx, new JsonObject().put("q", 2));
    JsonObject rec = receivedBy(other, 2);
    assertEquals(List.of(), got.sync(), "the other one, in turn");
    answer(other, rec, new JsonObject().put("a", 2));
    assertEquals(new JsonObject().put("a", 2), two.await(5, TimeUnit.SECONDS).body());
  }

  private static ReplyException failure(Future<?> request) {
    ExecutionException e = assertThrows(ExecutionException.class,
      () -> request.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ReplyException, String.valueOf(e.getCause()));
    return (ReplyException) e.getCause();
  }

  @Test
  void aBrowserThatClosesBeforeAnsweringFailsTheRequestWith503(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    BridgeWs page = bridge.listening(SERVICE);
    Future<Message<Object>> asked = request(vertx, new JsonObject().put("q", 1));
    receivedBy(page, 1);
    page.ws.close();
    ReplyException failed = failure(asked);
    assertEquals(503, failed.failureCode(), failed.getMessage());
    assertEquals(ReplyFailure.RECIPIENT_FAILURE, failed.failureType());
  }

  @Test
  void aRequestAfterTheLastBrowserLeftFailsAtOnce(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    BridgeWs page = bridge.listening(SERVICE);
    BridgeWs quiet = bridge.listening("test.quiet");
    String id = bridge.connectionOf(page);
    bridge.publish(SERVICE, 1);
    assertEquals(1, BridgeWs.seq(page.next(5000)));
    page.ws.close();
    quiet.ws.close();
    bridge.awaitStatus(BridgeHarness.state("connection-closed", id), 5000);
    bridge.awaitStatus(BridgeHarness.state("connection-closed", bridge.connectionOf(quiet)), 5000);
    // An address with history lingers for recovery: its consumer answers that nobody listens.
    ReplyException failed = failure(request(vertx, new JsonObject().put("q", 1)));
    assertEquals(503, failed.failureCode(), failed.getMessage());
    // One without history is gone with its last browser: no consumer is left to answer.
    failed = failure(vertx.eventBus().request("test.quiet", new JsonObject(), PATIENT));
    assertEquals(ReplyFailure.NO_HANDLERS, failed.failureType(), failed.getMessage());
  }

  @Test
  void aBrowserWithMaxPendingRepliesUnansweredRefusesTheNextWith429(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("maxPendingReplies", 1));
    BridgeWs page = bridge.listening(SERVICE);
    Future<Message<Object>> first = request(vertx, new JsonObject().put("q", 1));
    JsonObject rec = receivedBy(page, 1);
    ReplyException refused = failure(request(vertx, new JsonObject().put("q", 2)));
    assertEquals(429, refused.failureCode(), refused.getMessage());
    answer(page, rec, new JsonObject().put("a", 1));
    assertEquals(new JsonObject().put("a", 1), first.await(5, TimeUnit.SECONDS).body());
    // Answered: room again.
    Future<Message<Object>> third = request(vertx, new JsonObject().put("q", 3));
    answer(page, receivedBy(page, 3), new JsonObject().put("a", 3));
    assertEquals(new JsonObject().put("a", 3), third.await(5, TimeUnit.SECONDS).body());
  }

  @Test
  void pointToPointMessagesAreHeldToTheByteLimitToo(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("maxPendingBytes", 64 * 1024));
    BridgeWs stalled = bridge.stalledRaw();
    String id = bridge.connectionOf(stalled);
    stalled.register(SERVICE);
    stalled.sync();
    stalled.ws.pause();
    // Sends with no reply wanted: nothing else bounds them.
    JsonObject body = new JsonObject().put("pad", "x".repeat(1000));
    JsonObject cut = null;
    for (int sent = 1; cut == null; sent++) {
      vertx.eventBus().send(SERVICE, body);
      if (sent % 16 == 0) {
        cut = bridge.pollStatus(BridgeHarness.state("slow-consumer", id), sent % 256 == 0 ? 20 : 0);
      }
      assertTrue(sent < 8 * 1024, "no cut-off after " + sent + " sends of 1 KB to a socket that does not read");
    }
    // A request to it now fails at once: the socket is being closed for being too slow.
    ReplyException refused = failure(request(vertx, new JsonObject().put("q", 1)));
    assertTrue(refused.failureCode() == 410 || refused.failureCode() == 503, refused.getMessage());
    // With a healthy browser beside it, every request goes to the healthy one.
    BridgeWs healthy = bridge.listening(SERVICE);
    for (int q = 2; q <= 5; q++) {
      Future<Message<Object>> asked = request(vertx, new JsonObject().put("q", q));
      answer(healthy, receivedBy(healthy, q), new JsonObject().put("a", q));
      assertEquals(new JsonObject().put("a", q), asked.await(5, TimeUnit.SECONDS).body());
    }
  }

  /**
   * The reply timer only forgot the request: the requester waited for its own timeout (here 60 s)
   * instead of failing with TIMEOUT after bridge.replyTimeoutMs, as documented.
   */
  @Test
  void aBusRequestTheBrowserDoesNotAnswerFailsWithTimeoutAfterReplyTimeoutMs(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("replyTimeoutMs", 300));
    BridgeWs page = bridge.listening(SERVICE);
    Future<Message<Object>> asked = request(vertx, new JsonObject().put("q", 1));
    JsonObject rec = receivedBy(page, 1);
    ReplyException failed = failure(asked);
    assertEquals(504, failed.failureCode(), failed.getMessage());
    assertTrue(failed.getMessage().contains("bridge.replyTimeoutMs"), failed.getMessage());
    // A late answer is an ordinary send to an address nobody listens on (refused: not test.*).
    answer(page, rec, new JsonObject().put("a", 1));
    assertEquals("access_denied", page.next(5000).getString("body"));
  }

  /**
   * A bus reply that asks the browser for an answer in turn, arriving after the browser closed,
   * was parked on the closed socket: the replier waited for its whole timeout, not told at once.
   */
  @Test
  void aReplyAskingForAnAnswerAfterTheBrowserClosedFailsAtOnceWith503(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    io.vertx.core.Promise<Message<Object>> asked = io.vertx.core.Promise.promise();
    vertx.eventBus().consumer("test.ask", asked::complete).completion().await(5, TimeUnit.SECONDS);
    BridgeWs page = bridge.raw();
    String id = bridge.connectionOf(page);
    page.send(new JsonObject().put("type", "send").put("address", "test.ask").put("replyAddress", "r1")
      .put("body", new JsonObject()));
    Message<Object> request = asked.future().await(5, TimeUnit.SECONDS);
    page.ws.close();
    bridge.awaitStatus(BridgeHarness.state("connection-closed", id), 5000);
    ReplyException failed = failure(request.replyAndRequest(new JsonObject(), PATIENT));
    assertEquals(503, failed.failureCode(), failed.getMessage());
  }
}
