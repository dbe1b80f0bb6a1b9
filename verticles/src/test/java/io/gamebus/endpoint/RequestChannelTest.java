package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code .request} contract with a fake clock and fake bus messages: every code, exactly one reply. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RequestChannelTest {

  private static final long TIMEOUT_MS = 1_000;
  private static final int MAX_IN_FLIGHT = 2;

  /** A connected upstream of the toy protocol: its pending calls, FIFO or by id. */
  record Upstream(PendingCalls<Void, String> pending) {
  }

  /** The toy protocol: {@code {q, id?}}; an answer {@code FAIL <text>} is its own error, code 7. */
  final class Toy implements RequestChannel.Protocol<Upstream, JsonObject, String> {
    int replies;

    @Override
    public JsonObject parse(JsonObject body) {
      if (body.getString("q") == null) {
        throw BusError.BAD_MESSAGE.exception("q: missing");
      }
      return body;
    }

    @Override
    public int inFlight(Upstream upstream) {
      return upstream.pending().size();
    }

    @Override
    public Future<String> call(Upstream upstream, JsonObject request) {
      return upstream.pending().ordered()
        ? upstream.pending().add(null).future()
        : upstream.pending().add(request.getString("id"), null).future();
    }

    @Override
    public JsonObject reply(JsonObject request, String answer) {
      replies++;
      if (answer.equals("CRASH")) {
        throw new IllegalStateException("the toy cannot read this");
      }
      if (answer.startsWith("FAIL ")) {
        throw new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 7, answer.substring(5));
      }
      return new JsonObject().put("q", request.getString("q")).put("answer", answer);
    }
  }

  FakeTimers timers;
  EndpointBus bus;
  Toy toy;
  Upstream upstream;

  @BeforeEach
  void setUp(Vertx vertx) {
    timers = new FakeTimers();
    bus = new EndpointBus(vertx, "gamebus", "test", "req", "n1");
    toy = new Toy();
  }

  private RequestChannel<Upstream, JsonObject, String> channel(PendingCalls<Void, String> pending) {
    upstream = pending == null ? null : new Upstream(pending);
    return new RequestChannel<>(bus, timers, TIMEOUT_MS, MAX_IN_FLIGHT, () -> upstream, () -> "test.req is down", toy);
  }

  private static FakeMessage send(RequestChannel<Upstream, JsonObject, String> channel, JsonObject body) {
    FakeMessage message = new FakeMessage(body);
    channel.handle(message);
    return message;
  }

  private static JsonObject q(String q) {
    return new JsonObject().put("q", q);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIs400ThroughTheRealConsumer(Vertx vertx) throws Exception {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    channel.start().await(5, TimeUnit.SECONDS);
    ReplyException e = vertx.eventBus().request(bus.addresses().request(), "not json")
      .transform(done -> Future.succeededFuture((ReplyException) done.cause())).await(5, TimeUnit.SECONDS);
    assertEquals(400, e.failureCode());
    assertTrue(e.getMessage().startsWith("bad_message"), e.getMessage());
    channel.stop().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aBodyTheProtocolCannotSendIs400AndNothingIsSent() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    assertEquals(400, send(channel, new JsonObject()).failure().failureCode());
    assertEquals(0, upstream.pending().size());
  }

  @Test
  void whileDownRequestsFailAtOnceWith503() {
    FakeMessage message = send(channel(null), q("a"));
    assertEquals(503, message.failure().failureCode());
    assertEquals("not_connected: test.req is down", message.failure().getMessage());
    assertEquals(0, timers.pending(), "no timer for a request that was never sent");
  }

  @Test
  void pastMaxInFlightRequestsAreBusy429() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage first = send(channel, q("a"));
    FakeMessage second = send(channel, q("b"));
    FakeMessage third = send(channel, q("c"));
    assertEquals(429, third.failure().failureCode());
    assertTrue(first.replies.isEmpty() && second.replies.isEmpty());
    assertEquals(MAX_IN_FLIGHT, upstream.pending().size());
  }

  @Test
  void aRequestWithoutAnAnswerTimesOut504AndAnOrderedCallKeepsItsPlace() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage slow = send(channel, q("slow"));
    FakeMessage next = send(channel, q("next"));
    timers.fire(TIMEOUT_MS);
    assertEquals(504, slow.failure().failureCode());
    assertEquals(2, upstream.pending().size(), "the call still holds its place on the wire");
    // The late answer goes to the timed-out call, not to the next one; the bus caller is not answered twice.
    upstream.pending().completeOldest("late");
    upstream.pending().completeOldest("for next");
    assertEquals(1, slow.replies.size());
    assertEquals("for next", ((JsonObject) next.reply()).getString("answer"));
    assertEquals(1, toy.replies, "the late answer is not mapped into a second reply");
  }

  @Test
  void orderedAnswersGoToTheCallsInTheOrderTheyWereMade() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage a = send(channel, q("a"));
    FakeMessage b = send(channel, q("b"));
    upstream.pending().completeOldest("first");
    upstream.pending().completeOldest("second");
    assertEquals("first", ((JsonObject) a.reply()).getString("answer"));
    assertEquals("second", ((JsonObject) b.reply()).getString("answer"));
    assertEquals(0, timers.pending(), "answered requests leave no timer behind");
  }

  @Test
  void answersByIdGoToTheirOwnCallsInAnyOrder() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.byId(timers, TIMEOUT_MS));
    FakeMessage a = send(channel, q("a").put("id", "1"));
    FakeMessage b = send(channel, q("b").put("id", "2"));
    assertTrue(upstream.pending().complete("2", "two"));
    assertTrue(upstream.pending().complete("1", "one"));
    assertEquals("one", ((JsonObject) a.reply()).getString("answer"));
    assertEquals("two", ((JsonObject) b.reply()).getString("answer"));
    assertTrue(!upstream.pending().complete("1", "again"), "an id is answered once");
  }

  @Test
  void aCallByIdThatTimesOutIsForgottenAndItsLateAnswerIgnored() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.byId(timers, TIMEOUT_MS));
    FakeMessage a = send(channel, q("a").put("id", "1"));
    timers.fire(TIMEOUT_MS); // the bus request gives up
    timers.fire(TIMEOUT_MS); // and the pending call is forgotten
    assertEquals(504, a.failure().failureCode());
    assertEquals(0, upstream.pending().size());
    assertTrue(!upstream.pending().complete("1", "late"));
    assertEquals(1, a.replies.size());
  }

  @Test
  void aDisconnectFailsEveryPendingCallWith503() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage a = send(channel, q("a"));
    FakeMessage b = send(channel, q("b"));
    upstream.pending().failAll(new VertxException("connection closed", true));
    for (FakeMessage m : List.of(a, b)) {
      assertEquals(503, m.failure().failureCode());
      assertEquals("not_connected: connection closed", m.failure().getMessage());
    }
    assertEquals(0, timers.pending());
  }

  @Test
  void theProtocolsOwnErrorKeepsItsCodeAndText() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage a = send(channel, q("a"));
    upstream.pending().completeOldest("FAIL no such thing");
    assertEquals(7, a.failure().failureCode());
    assertEquals("no such thing", a.failure().getMessage());
  }

  @Test
  void anAnswerTheProtocolCannotMapIsStillOneAnswer502() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage a = send(channel, q("a"));
    upstream.pending().completeOldest("CRASH");
    assertEquals(502, a.failure().failureCode());
  }

  @Test
  void aFailureTheProtocolDoesNotMapIsNotConnectedAndAMappedOneKeepsItsCode() {
    RequestChannel<Upstream, JsonObject, String> channel = channel(PendingCalls.fifo());
    FakeMessage unmapped = send(channel, q("a"));
    upstream.pending().failOldest(new IllegalStateException("wire broke"));
    assertEquals(503, unmapped.failure().failureCode());
    FakeMessage mapped = send(channel, q("b"));
    upstream.pending().failOldest(BusError.BAD_REPLY.exception("garbled"));
    assertEquals(502, mapped.failure().failureCode());
  }
}
