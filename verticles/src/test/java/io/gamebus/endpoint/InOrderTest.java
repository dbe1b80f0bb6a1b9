package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One connection's messages in order, against a {@link FakeWire}: no sockets. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class InOrderTest {

  EndpointBus bus;
  FakeWire wire;
  List<String> handled;
  Map<String, Promise<Void>> pending;

  @BeforeEach
  void setUp(Vertx vertx) {
    bus = new EndpointBus(vertx, "gamebus", "dfhack", "fortress", "n1");
    wire = new FakeWire();
    handled = new ArrayList<>();
    pending = new HashMap<>();
  }

  private ServerLink link(Vertx vertx, int maxPending, int maxBacklog) {
    return new ServerLink("n1-1", wire, bus, vertx, new Limits(maxPending, 60_000, maxBacklog, 0, 0, 0), () -> { });
  }

  /** "async:x" is answered when the test completes its promise; anything else at once. */
  private Future<?> step(String message) {
    handled.add(message);
    if (message.startsWith("async")) {
      Promise<Void> done = Promise.promise();
      pending.put(message, done);
      return done.future();
    }
    return null;
  }

  @Test
  void messagesBehindAnAsynchronousOneWaitCountedAndReadingStopsUntilItIsDone(Vertx vertx) {
    ServerLink link = link(vertx, 1000, 1000);
    InOrder<String> order = new InOrder<>(link, false, this::step);
    assertTrue(order.tryNow("a"));
    assertTrue(order.tryNow("async:b"));
    assertTrue(wire.paused, "no reading while b is answered");
    assertFalse(order.tryNow("c"), "c must wait its turn");
    order.add("c", 10);
    order.add("d", 10);
    order.drain();
    assertEquals(List.of("a", "async:b"), handled);
    assertEquals(20, bus.metrics().backlogBytes());
    pending.get("async:b").complete();
    assertEquals(List.of("a", "async:b", "c", "d"), handled);
    assertEquals(0, bus.metrics().backlogBytes());
    assertFalse(wire.paused);
  }

  @Test
  void withWhileWritableTheNextMessageWaitsUntilThePeerReadsTheAnswers(Vertx vertx) {
    ServerLink link = link(vertx, 100, 1000);
    InOrder<String> order = new InOrder<>(link, true, message -> {
      handled.add(message);
      link.write(Buffer.buffer(new byte[100])); // each answer fills the queue
      return null;
    });
    order.add("a", 8);
    order.add("b", 8);
    order.drain();
    assertEquals(List.of("a"), handled, "b waits: the peer has not read a's answer");
    wire.flush();
    assertEquals(List.of("a", "b"), handled);
  }

  @Test
  void afterEndReadingNeverResumesButWhatWaitsIsStillHandled(Vertx vertx) {
    ServerLink link = link(vertx, 1000, 1000);
    InOrder<String> order = new InOrder<>(link, false, this::step);
    assertTrue(order.tryNow("async:a"));
    order.add("b", 8);
    order.end();
    pending.get("async:a").complete();
    assertEquals(List.of("async:a", "b"), handled);
    assertTrue(wire.paused, "the stream broke: nothing more is read");
  }

  @Test
  void theBacklogBoundStopsReading(Vertx vertx) {
    ServerLink link = link(vertx, 1000, 100);
    InOrder<String> order = new InOrder<>(link, false, this::step);
    assertTrue(order.tryNow("async:a"));
    order.add("b", 60);
    link.release(); // as if a's hold were gone: only the backlog keeps reading stopped now
    assertFalse(wire.paused);
    order.add("c", 60);
    assertTrue(wire.paused, "120 bytes waiting >= 100");
  }
}
