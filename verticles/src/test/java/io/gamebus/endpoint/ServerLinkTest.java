package io.gamebus.endpoint;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-connection limits of {@link ServerLink} against a {@link FakeWire}: no sockets. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class ServerLinkTest {

  EndpointBus bus;
  FakeWire wire;
  AtomicInteger forgotten;

  @BeforeEach
  void setUp(Vertx vertx) {
    bus = new EndpointBus(vertx, "gamebus", "faf", "lobby", "n1");
    wire = new FakeWire();
    forgotten = new AtomicInteger();
  }

  private ServerLink link(Vertx vertx, Limits limits) {
    return new ServerLink("n1-1", wire, bus, vertx, limits, forgotten::incrementAndGet);
  }

  private static Limits limits(int maxPending, long slowMs, int backlog, int rate) {
    return new Limits(maxPending, slowMs, backlog, rate, 0, 0);
  }

  private static Buffer bytes(int n) {
    return Buffer.buffer(new byte[n]);
  }

  @Test
  void readingStopsWhenTheQueueIsFullAndResumesWhenItDrains(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 1000, 0));
    AtomicInteger writable = new AtomicInteger();
    link.whenWritable(writable::incrementAndGet);
    assertTrue(link.write(bytes(60)));
    assertFalse(wire.paused);
    assertTrue(link.write(bytes(60)));
    assertTrue(wire.paused, "120 bytes queued >= 100");
    assertFalse(link.writable());
    assertEquals(120, bus.metrics().pendingWriteBytes());
    wire.flush();
    assertFalse(wire.paused);
    assertTrue(link.writable());
    assertEquals(1, writable.get());
    assertEquals(0, bus.metrics().pendingWriteBytes());
  }

  @Test
  void eachQueuedMessageCountsItsBookkeepingSoTinyMessagesFillTheQueueToo(Vertx vertx) {
    ServerLink link = link(vertx, new Limits(1000, 60_000, 1000, 0, 0, 100));
    for (int i = 0; i < 9; i++) {
      assertTrue(link.write(bytes(1)));
    }
    assertFalse(wire.paused, "9 x (1 + 100) = 909 < 1000");
    assertEquals(909, bus.metrics().pendingWriteBytes());
    assertTrue(link.write(bytes(1)));
    assertTrue(wire.paused, "10 one-byte messages cost 1010 >= 1000");
    wire.flush();
    assertEquals(0, bus.metrics().pendingWriteBytes());
  }

  @Test
  void eachWaitingMessageCountsItsBookkeepingAgainstTheBacklog(Vertx vertx) {
    ServerLink link = link(vertx, new Limits(1000, 60_000, 500, 0, 0, 100));
    for (int i = 0; i < 4; i++) {
      link.queued(8);
    }
    assertFalse(wire.paused, "4 x (8 + 100) = 432 < 500");
    link.queued(8);
    assertTrue(wire.paused, "540 >= 500");
    link.unqueued(8);
    assertFalse(wire.paused);
    assertEquals(432, bus.metrics().backlogBytes());
  }

  @Test
  void oneLargeMessageIntoAQueueThatIsNotFullIsNeverACutOff(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 1000, 0));
    assertTrue(link.write(bytes(50)));
    assertTrue(link.write(bytes(10_000)), "a large answer when not full");
    assertFalse(link.isClosed());
  }

  @Test
  void writesWhileFullPastTwiceTheLimitCutThePeerOff(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 1000, 0));
    assertTrue(link.write(bytes(100))); // full
    assertTrue(link.write(bytes(100))); // 200: at twice, not past
    assertFalse(link.write(bytes(1)));
    assertTrue(link.isClosed());
    assertTrue(wire.closed);
    assertEquals(1, forgotten.get());
    assertEquals(1, bus.metrics().slowConsumers());
    assertFalse(link.write(bytes(1)), "nothing more is queued");
    assertEquals(3, wire.written.size());
  }

  @Test
  void aQueueThatStaysFullIsCutOffAfterSlowConsumerMs(Vertx vertx, VertxTestContext test) {
    ServerLink link = link(vertx, limits(100, 50, 1000, 0));
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.status", m -> {
      if ("slow-consumer".equals(m.body().getString("state"))) {
        test.verify(() -> {
          assertTrue(link.isClosed());
          assertEquals(1, forgotten.get());
        });
        test.completeNow();
      }
    });
    assertTrue(link.write(bytes(150)));
  }

  @Test
  void aQueueThatDrainsInTimeIsNotCutOff(Vertx vertx, VertxTestContext test) {
    ServerLink link = link(vertx, limits(100, 50, 1000, 0));
    assertTrue(link.write(bytes(150)));
    wire.flush();
    vertx.setTimer(200, t -> test.verify(() -> {
      assertFalse(link.isClosed());
      assertEquals(0, bus.metrics().slowConsumers());
      test.completeNow();
    }));
  }

  @Test
  void backlogAtItsBoundStopsReading(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 64, 0));
    link.queued(40);
    assertFalse(wire.paused);
    link.queued(30);
    assertTrue(wire.paused);
    assertEquals(70, bus.metrics().backlogBytes());
    link.unqueued(30);
    assertFalse(wire.paused);
    link.close();
    assertEquals(0, bus.metrics().backlogBytes(), "a closed connection holds no backlog");
  }

  /**
   * Red's and RPFM's calls are queued while their handlers work; one answered after its connection
   * closed was unqueued again from a backlog the close had already given back: the endpoint's
   * backlogBytes went negative, by one call's size per such answer, for good.
   */
  @Test
  void aCallUnqueuedAfterTheCloseLeavesTheBacklogAtZero(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 64, 0));
    link.queued(40);
    link.close();
    assertEquals(0, bus.metrics().backlogBytes());
    link.unqueued(40); // the handler answered after the close
    link.queued(10); // and one decoded before the close was seen
    link.unqueued(10);
    assertEquals(0, bus.metrics().backlogBytes());
    assertEquals(0, link.backlogBytes());
  }

  @Test
  void holdAndFullAreIndependentReasonsToStopReading(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 1000, 0));
    link.hold();
    link.write(bytes(100));
    wire.flush();
    assertTrue(wire.paused, "still held");
    link.release();
    assertFalse(wire.paused);
  }

  @Test
  void pastTheRateTheConnectionIsClosedAsBadInput(Vertx vertx) {
    ServerLink link = link(vertx, limits(100, 60_000, 1000, 3));
    assertTrue(link.admit());
    assertTrue(link.admit());
    assertTrue(link.admit());
    assertFalse(link.admit());
    assertTrue(link.isClosed());
    assertEquals(1, bus.metrics().badInputs());
  }

  @Test
  void loginTimeoutClosesAsBadInputUnlessLoggedIn(Vertx vertx, VertxTestContext test) {
    ServerLink late = link(vertx, new Limits(100, 60_000, 1000, 0, 1, 0));
    late.expectLogin();
    FakeWire other = new FakeWire();
    ServerLink onTime = new ServerLink("n1-2", other, bus, vertx, new Limits(100, 60_000, 1000, 0, 1, 0), () -> { });
    onTime.expectLogin();
    onTime.loggedIn();
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.status", m -> {
      if ("bad-input".equals(m.body().getString("state"))) {
        test.verify(() -> {
          assertEquals("n1-1", m.body().getString("connection"));
          assertTrue(late.isClosed());
          assertFalse(onTime.isClosed());
        });
        test.completeNow();
      }
    });
  }
}
