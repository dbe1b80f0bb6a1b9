package io.gamebus.bridge;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The slow policy of one socket, with a transport whose backlog the test sets. */
class BridgeSocketTest {

  static final int LIMIT = 1000;

  /** A socket whose backlog is what the test says; each write adds 100 bytes. */
  static final class Backlogged extends BridgeSocket {
    int pending;
    int written;

    Backlogged() {
      super("s1", "test", null);
    }

    @Override String transport() { return "test"; }
    @Override void write(OutFrame frame) { written++; pending += 100; }
    @Override boolean overLimit() { return pending > LIMIT; }
    @Override long pendingBytes() { return pending; }
    @Override boolean drained() { return pending <= LIMIT / 2; }
    @Override void close(int status, String reason) { }
  }

  /** Records what the socket announces. */
  static final class Announcements implements BridgeSocket.SlowSubscribers {
    final List<String> events = new ArrayList<>();

    @Override public void cutOff(BridgeSocket socket) { events.add("cut"); }
    @Override public void startedDropping(BridgeSocket socket) { events.add("dropping"); }
    @Override public void stoppedDropping(BridgeSocket socket, long dropped) { events.add("caught up after " + dropped); }
  }

  private final OutFrame frame = OutFrame.of(new JsonObject());

  @Test
  void aBrowserReadingAtAboutThePublishingRateIsNotAnnouncedOverAndOver() {
    Backlogged socket = new Backlogged();
    Announcements announced = new Announcements();
    socket.pending = LIMIT - 100;
    // 200 messages of 100 bytes; the browser takes 190 bytes every second message: a little
    // slower than the publisher, so its backlog creeps up to the limit again and again.
    for (int i = 0; i < 200; i++) {
      socket.deliver(frame, BridgeSocket.SlowPolicy.DROP, announced);
      if (i % 2 == 1) {
        socket.pending = Math.max(0, socket.pending - 190);
      }
    }
    long runs = announced.events.stream().filter("dropping"::equals).count();
    // Resuming at the limit itself would start a run every ~20 messages (10 runs here).
    assertTrue(runs >= 1 && runs <= 3, "runs of dropped messages: " + announced.events);
    assertEquals(200, socket.written + socket.dropped());
  }

  @Test
  void disconnectCutsOffOnceAndWritesNothingMore() {
    Backlogged socket = new Backlogged();
    Announcements announced = new Announcements();
    socket.deliver(frame, BridgeSocket.SlowPolicy.DISCONNECT, announced);
    socket.pending = LIMIT + 1;
    socket.deliver(frame, BridgeSocket.SlowPolicy.DISCONNECT, announced);
    socket.pending = 0;
    socket.deliver(frame, BridgeSocket.SlowPolicy.DISCONNECT, announced);
    assertEquals(List.of("cut"), announced.events);
    assertEquals(1, socket.written);
  }
}
