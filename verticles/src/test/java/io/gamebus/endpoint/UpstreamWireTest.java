package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client role's write rule, against a wire whose queue the test fills: no sockets. */
class UpstreamWireTest {

  private final List<String> written = new ArrayList<>();
  private final List<String> heard = new ArrayList<>();
  private boolean full;
  private boolean closed;

  private final Wire raw = new Wire() {
    @Override public String transport() { return "tcp"; }
    @Override public String remoteAddress() { return "127.0.0.1:5000"; }
    @Override public String remoteHost() { return "127.0.0.1"; }
    @Override public void write(Buffer encoded) { written.add(encoded.toString()); }
    @Override public boolean writeQueueFull() { return full; }
    @Override public Future<Void> close() { closed = true; return Future.succeededFuture(); }
    @Override public void pause() { }
    @Override public void resume() { }
  };

  private final UpstreamConnection.Listener listener = new UpstreamConnection.Listener() {
    @Override public void badInput(String detail) { heard.add("bad-input"); }
    @Override public void closed() { heard.add("closed"); }
    @Override public void wrote(Outgoing message) { heard.add("wrote"); }
    @Override public void slowConsumer(String detail) { heard.add("slow-consumer"); }
  };

  @Test
  void aMessageIntoAQueueThatIsNotFullIsWrittenEvenWhenItFillsIt() {
    UpstreamWire wire = new UpstreamWire(raw, listener);
    wire.write(Buffer.buffer("a large request"));
    full = true; // that write filled the queue
    assertEquals(List.of("a large request"), written);
    assertEquals(List.of("wrote"), heard);
    assertFalse(closed);
  }

  @Test
  void aWriteIntoAFullQueueCutsTheLinkOnceAndNothingMoreIsQueued() {
    UpstreamWire wire = new UpstreamWire(raw, listener);
    wire.write(Buffer.buffer("one"));
    full = true;
    wire.write(Buffer.buffer("two"));
    full = false;
    wire.write(Buffer.buffer("three"));
    assertEquals(List.of("one"), written);
    assertEquals(List.of("wrote", "slow-consumer"), heard);
    assertTrue(closed);
  }

  @Test
  void aMessageAfterTheLinkWasClosedIsNeitherQueuedNorReportedAsSent() {
    UpstreamWire wire = new UpstreamWire(raw, listener);
    wire.write(Buffer.buffer("one"));
    wire.close(); // e.g. shutdown: a .request may still reach the session before the socket is gone
    Future<Void> late = wire.send(Outgoing.of(Buffer.buffer("two")));
    assertTrue(late.failed());
    assertEquals(List.of("one"), written);
    assertEquals(List.of("wrote"), heard, "nothing on .sent for a write that was not made");
  }
}
