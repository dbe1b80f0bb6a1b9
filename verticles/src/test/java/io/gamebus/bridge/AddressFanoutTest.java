package io.gamebus.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One address's fan-out, with sockets and a bridge of the test's. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class AddressFanoutTest {

  /** Records which socket each point-to-point message was given to. */
  private static final class Turns implements AddressFanout.Bridge {
    final List<BridgeSocket> given = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch all;

    Turns(int expected) {
      all = new CountDownLatch(expected);
    }

    @Override public BridgeSocket.SlowPolicy policy() { return BridgeSocket.SlowPolicy.DISCONNECT; }
    @Override public BridgeSocket.SlowSubscribers slow() { return new BridgeSocketTest.Announcements(); }
    @Override public void delivered(int count) { }

    @Override
    public void deliverSend(BridgeSocket socket, Message<Object> message, byte[] recPrefix) {
      given.add(socket);
      all.countDown();
    }
  }

  /**
   * The turn counter is an int that only grows: after 2^31 point-to-point messages on one
   * address, {@code counter % subscribers} went negative and every delivery threw
   * ArrayIndexOutOfBoundsException (the message lost) for the next 2^31.
   */
  @Test
  void pointToPointTurnsSurviveTheTurnCounterWrappingAround(Vertx vertx) throws Exception {
    Turns turns = new Turns(6);
    AddressFanout fanout = new AddressFanout(vertx.eventBus(), "test.turns", new FanoutHistory(0, 0), turns);
    List<BridgeSocket> sockets = List.of(new BridgeSocketTest.Backlogged(), new BridgeSocketTest.Backlogged(),
      new BridgeSocketTest.Backlogged());
    sockets.forEach(socket -> fanout.subscribe(socket, null));
    java.lang.reflect.Field counter = AddressFanout.class.getDeclaredField("nextForSend");
    counter.setAccessible(true);
    counter.setInt(fanout, Integer.MAX_VALUE - 1);
    for (int i = 0; i < 6; i++) {
      vertx.eventBus().send("test.turns", new JsonObject().put("i", i));
    }
    assertTrue(turns.all.await(5, TimeUnit.SECONDS), "delivered " + turns.given.size() + " of 6");
    for (BridgeSocket socket : sockets) {
      assertEquals(2, turns.given.stream().filter(s -> s == socket).count(), "each socket in turn");
    }
    fanout.close();
  }
}
