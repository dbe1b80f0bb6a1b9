package io.gamebus.endpoint;

import io.gamebus.config.ReconnectConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The upstream state machine with a fake transport and a fake clock: no sockets, no waiting on time. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class UpstreamLinkTest {

  private static final long HANDSHAKE_MS = 777;
  // No jitter, so the backoff delays are exact: 100, 200, 400, ...
  private static final ReconnectConfig RECONNECT = ReconnectConfig.fromJson(new JsonObject()
    .put("initialDelayMs", 100).put("maxDelayMs", 10_000).put("multiplier", 2.0).put("jitter", 0.0));

  FakeConnector connector;
  FakeTimers timers;
  LineProtocol protocol;
  EndpointBus bus;
  UpstreamLink<String, LineProtocol.Session> link;
  BlockingQueue<JsonObject> statuses = new LinkedBlockingQueue<>();
  int ids;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    connector = new FakeConnector();
    timers = new FakeTimers();
    protocol = new LineProtocol();
    bus = new EndpointBus(vertx, "gamebus", "test", "up", "n1");
    bus.eventBus().<JsonObject>consumer(bus.addresses().status(), m -> statuses.add(m.body()))
      .completion().await(5, TimeUnit.SECONDS);
    link = new UpstreamLink<>(bus, connector, protocol, RECONNECT, HANDSHAKE_MS, timers, () -> "c" + ++ids);
  }

  /** The next status events' states (and details after a colon, when given), in order. */
  private List<String> next(int n) throws InterruptedException {
    List<String> states = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      JsonObject status = statuses.poll(5, TimeUnit.SECONDS);
      assertNotNull(status, "only " + states + " arrived");
      states.add(status.getString("state") + (status.containsKey("detail") ? ": " + status.getString("detail") : ""));
    }
    return states;
  }

  private static void assertStates(List<String> expected, List<String> actual) {
    assertEquals(expected.size(), actual.size(), actual.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(actual.get(i).startsWith(expected.get(i)), "event " + i + ": expected " + expected.get(i) + " in " + actual);
    }
  }

  private FakeConnector.Attempt connectAndHandshake() {
    FakeConnector.Attempt attempt = connector.last().open();
    attempt.receive("hello\n");
    return attempt;
  }

  @Test
  void walksTheStatesOfAFailedAttemptAGoodConnectionALossAndAStop() throws Exception {
    link.start();
    connector.last().refuse("Connection refused");
    assertStates(List.of("connecting: tcp://fake:1", "failed: connect tcp://fake:1: Connection refused",
      "reconnecting: in 100 ms (attempt 1)"), next(3));
    assertNull(link.session());

    timers.fire(100);
    FakeConnector.Attempt attempt = connectAndHandshake();
    assertStates(List.of("connecting", "connected: tcp://fake:1"), next(2));
    assertEquals("hi", attempt.written.get(0).strip(), "the session's first message went out");
    assertEquals("c2", link.connectionId());
    assertEquals(1, bus.metrics().openConnections());

    attempt.drop();
    assertStates(List.of("connection-closed", "reconnecting: in 200 ms (attempt 2)"), next(2));
    assertEquals("connection closed", protocol.sessions.get(0).closedWhy);
    assertNull(link.session());
    assertEquals(0, bus.metrics().openConnections());

    link.stop().await(5, TimeUnit.SECONDS);
    assertStates(List.of("stopped"), next(1));
    assertEquals(0, timers.pending(), "stop cancels the scheduled reconnect");
    assertTrue(connector.closed);
  }

  @Test
  void theBackoffIsResetOnlyAfterTheSessionSaysTheConnectionProvedGood() {
    link.start();
    connector.last().refuse("refused");                    // wait 100
    timers.fire(100);
    connectAndHandshake().drop();                           // connected, never proven: wait 200
    timers.fire(200);
    FakeConnector.Attempt proven = connectAndHandshake();
    proven.receive("welcome\n");                            // proven: the next wait starts over
    proven.drop();
    // Each attempt starts its time bound before the connection is opened, then waits its backoff.
    assertEquals(List.of(HANDSHAKE_MS, 100L, HANDSHAKE_MS, 200L, HANDSHAKE_MS, 100L), timers.delaysAsked());
  }

  @Test
  void aConnectionThatIsNotOpenedInTimeIsGivenUpAndALateWireClosed() throws Exception {
    link.start();
    FakeConnector.Attempt slow = connector.last();           // e.g. a WebSocket upgrade never answered
    timers.fire(HANDSHAKE_MS);
    assertStates(List.of("connecting", "failed: handshake with tcp://fake:1 timed out", "reconnecting"), next(3));
    slow.open();                                              // it finally opens: too late
    assertTrue(slow.wireClosed, "a wire that arrives after the time bound is closed at once");
    assertNull(link.session());
    assertEquals(0, bus.metrics().openConnections());
  }

  @Test
  void aHandshakeThatDoesNotCompleteInTimeClosesTheWireAndRetries() throws Exception {
    link.start();
    FakeConnector.Attempt attempt = connector.last().open();
    assertStates(List.of("connecting"), next(1));
    timers.fire(HANDSHAKE_MS);
    assertTrue(attempt.wireClosed);
    assertStates(List.of("failed: handshake with tcp://fake:1 timed out after 777 ms", "reconnecting"), next(2));
    assertNull(link.session());
    timers.fire(100);
    assertEquals(2, connector.attempts.size());
  }

  @Test
  void badInputIsCountedAndTheConnectionIsDroppedAndRetried() throws Exception {
    link.start();
    FakeConnector.Attempt attempt = connectAndHandshake();
    assertStates(List.of("connecting", "connected"), next(2));
    attempt.receive("ok\nbad\nnever\n");
    assertStates(List.of("bad-input: not a line we know: bad", "connection-closed", "reconnecting"), next(3));
    assertTrue(attempt.wireClosed);
    assertEquals(List.of("hello", "ok"), protocol.sessions.get(0).received, "nothing after the bad line is read");
    assertEquals(1, bus.metrics().badInputs());
  }

  @Test
  void aSessionTheProtocolRefusesIsAFailedAttempt() throws Exception {
    protocol.refuse = new IllegalStateException("auth.tokenFile: cannot be read");
    link.start();
    FakeConnector.Attempt attempt = connector.last().open();
    assertStates(List.of("connecting", "failed: auth.tokenFile: cannot be read", "reconnecting"), next(3));
    assertTrue(attempt.wireClosed);
  }

  @Test
  void stopDuringAHandshakeAbortsItAndCancelsItsTimer() throws Exception {
    link.start();
    FakeConnector.Attempt attempt = connector.last().open();
    link.stop().await(5, TimeUnit.SECONDS);
    assertStates(List.of("connecting", "stopped"), next(2));
    assertTrue(attempt.wireClosed);
    assertEquals(0, timers.pending());
    assertEquals(1, connector.attempts.size());
  }

  @Test
  void stopWhileConnectedSaysTheProtocolsGoodbye() throws Exception {
    link.start();
    FakeConnector.Attempt attempt = connectAndHandshake();
    link.stop().await(5, TimeUnit.SECONDS);
    assertTrue(protocol.sessions.get(0).shutdown);
    assertEquals("bye", attempt.written.get(attempt.written.size() - 1).strip());
    assertStates(List.of("connecting", "connected", "stopped", "connection-closed"), next(4));
    assertEquals(0, timers.pending(), "nothing is scheduled after a stop");
  }
}
