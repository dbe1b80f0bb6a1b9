package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConnectionTable} with fake wires: admission, bookkeeping, broadcasts, close-all. */
@ExtendWith(VertxExtension.class)
class ConnectionTableTest {

  /** A protocol connection that only records what the layer tells it. */
  static final class Recorder implements ServerConnection {
    final ServerLink link;
    final FakeWire wire;
    int closed;

    Recorder(ServerLink link, FakeWire wire) {
      this.link = link;
      this.wire = wire;
    }

    @Override public ServerLink link() { return link; }
    @Override public void input(Buffer data) { }
    @Override public void closed() { closed++; }
  }

  Vertx vertx;
  EndpointBus bus;
  ConnectionBudget budget;
  ConnectionTable<Recorder> table;
  int next;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    bus = new EndpointBus(vertx, "gamebus", "faf", "lobby", "n1");
    budget = ConnectionBudget.of(3);
    table = new ConnectionTable<>(bus, 2, budget);
  }

  private Recorder open() {
    assertTrue(table.reserve("peer"));
    FakeWire wire = new FakeWire();
    Recorder[] self = new Recorder[1];
    ServerLink link = new ServerLink("n1-" + (++next), wire, bus, vertx, new Limits(1000, 60_000, 1000, 0, 0, 0),
      () -> table.forget(self[0]));
    self[0] = new Recorder(link, wire);
    table.add(self[0], "tcp peer");
    return self[0];
  }

  @Test
  void openAndForgetAreCountedOnce() {
    Recorder a = open();
    assertEquals(1, table.size());
    assertSame(a, table.get(a.id()));
    assertEquals(1, bus.metrics().openConnections());
    a.link().close();
    table.forget(a); // the socket's close handler, later: no second count
    assertEquals(0, table.size());
    assertEquals(1, a.closed);
    assertEquals(0, bus.metrics().openConnections());
  }

  @Test
  void maxConnectionsCountsReservationsInProgress() {
    assertTrue(table.reserve("upgrading"));
    open();
    assertFalse(table.reserve("third"));
    assertEquals(1, bus.metrics().refusedConnections());
    table.unreserve();
    assertTrue(table.reserve("after the failed upgrade"));
  }

  @Test
  void theNodeBudgetIsSharedAcrossTablesAndReleasedWhenTheSocketCloses() {
    ConnectionTable<Recorder> other = new ConnectionTable<>(bus, 10, budget);
    Recorder a = open();
    open();
    assertTrue(other.reserve("x"));
    assertFalse(other.reserve("y"), "budget of 3 spent");
    assertEquals(1, bus.metrics().refusedConnections());
    a.link().close();
    assertFalse(other.reserve("y"), "dropped, but its socket is still open");
    table.socketClosed();
    assertTrue(other.reserve("z"));
  }

  @Test
  void aDroppedConnectionWhoseSocketStaysOpenStillCountsAgainstMaxConnections() {
    Recorder a = open();
    open(); // maxConnections 2
    a.link().close(); // e.g. a slow consumer: Vert.x closes the socket once flushed
    assertEquals(1, table.size());
    assertEquals(1, table.closing());
    assertFalse(table.reserve("a third"), "the dropped socket still holds its place");
    table.socketClosed();
    assertEquals(0, table.closing());
    assertTrue(table.reserve("now there is room"));
  }

  @Test
  void aBroadcastIsEncodedOnceAndCountsWhoTookIt() {
    Recorder a = open();
    Recorder b = open();
    Outgoing message = Outgoing.of(Buffer.buffer("{\"command\":\"notice\"}\n"));
    assertEquals(2, table.writeToAll(message, c -> true));
    assertSame(a.wire.written.get(0), b.wire.written.get(0), "the same encoded message, not a copy");
    assertFalse(message.textMade(), "binary wires never make a String");
    assertEquals(1, table.writeToAll(message, c -> c == b));
    b.link().close();
    assertEquals(1, table.writeToAll(message, c -> true));
  }

  @Test
  void eachWriteIsPublishedOnSentAndABroadcastOnceForAllItsConnections(io.vertx.junit5.VertxTestContext test) {
    Recorder a = open();
    Recorder b = open();
    List<io.gamebus.bus.Envelope> sent = new ArrayList<>();
    io.vertx.junit5.Checkpoint typed = test.checkpoint();
    io.vertx.junit5.Checkpoint all = test.checkpoint();
    io.vertx.core.eventbus.MessageConsumer<io.gamebus.bus.Envelope> pings = bus.eventBus().consumer(
      "gamebus.faf.lobby.sent.ping", m -> {
        test.verify(() -> assertEquals(2, m.body().recipients(), ".sent.<type> too"));
        typed.flag();
      });
    bus.eventBus().<io.gamebus.bus.Envelope>consumer("gamebus.faf.lobby.sent", m -> {
      sent.add(m.body());
      if (sent.size() == 3) {
        test.verify(() -> {
          assertEquals(a.id(), sent.get(0).connection());
          assertEquals("notice", sent.get(0).type());
          assertEquals("one", sent.get(0).body().getString("text"));
          assertEquals(0, sent.get(0).recipients());
          assertEquals(null, sent.get(1).connection(), "a broadcast names no connection");
          assertEquals(2, sent.get(1).recipients());
          assertEquals(Outgoing.UNLABELLED, sent.get(2).type(), "bytes without a view are still seen");
          assertEquals(new io.vertx.core.json.JsonObject().put("length", 1), sent.get(2).body());
          assertEquals(List.of(1L, 2L, 3L), sent.stream().map(io.gamebus.bus.Envelope::seq).toList());
        });
        all.flag();
      }
    }).completion().compose(v -> pings.completion()).onSuccess(v -> {
      table.writeTo(a.id(), Outgoing.of(Buffer.buffer("1"), "notice", new io.vertx.core.json.JsonObject().put("text", "one")));
      table.writeToAll(Outgoing.of(Buffer.buffer("2"), "ping", new io.vertx.core.json.JsonObject()), c -> true);
      table.writeToAll(Outgoing.of(Buffer.buffer("-"), "nobody", new io.vertx.core.json.JsonObject()), c -> false);
      table.writeTo(b.id(), Outgoing.of(Buffer.buffer("3")));
    });
  }

  @Test
  void aBroadcastThatCutsASlowConsumerCountsItAsARecipientAsAWriteToItAlone(io.vertx.junit5.VertxTestContext test) {
    Recorder slow = open();
    Recorder fine = open();
    // The slow one never reads: 1000 bytes make it full; the broadcast takes it past twice that.
    table.writeTo(slow.id(), Outgoing.of(Buffer.buffer(new byte[1000]), "notice", new io.vertx.core.json.JsonObject()));
    fine.wire.flush();
    bus.eventBus().<io.gamebus.bus.Envelope>consumer("gamebus.faf.lobby.sent.game_info", m -> {
      test.verify(() -> {
        assertEquals(2, m.body().recipients(), "queued to both, as .sent shows a single write that cuts its connection");
        assertEquals(2, slow.wire.written.size(), "the broadcast was queued to the slow one before the cut");
        assertTrue(slow.link().isClosed());
      });
      test.completeNow();
    }).completion().onSuccess(v -> {
      int written = table.writeToAll(Outgoing.of(Buffer.buffer(new byte[1100]), "game_info", new io.vertx.core.json.JsonObject()), c -> true);
      test.verify(() -> assertEquals(1, written, ".out counts the connections still open"));
    });
  }

  @Test
  void writeToOneAnswersUnknownConnection() {
    Recorder a = open();
    assertEquals(1, table.writeTo(a.id(), Outgoing.of(Buffer.buffer("x"))));
    ReplyException unknown = assertThrows(ReplyException.class, () -> table.writeTo("n1-99", Outgoing.of(Buffer.buffer("x"))));
    assertEquals(BusError.UNKNOWN_CONNECTION.code(), unknown.failureCode());
  }

  @Test
  void closeAllClosesEveryConnection() {
    List<Recorder> all = new ArrayList<>(List.of(open(), open()));
    assertTrue(table.closeAll().succeeded());
    assertEquals(0, table.size());
    all.forEach(r -> assertTrue(r.wire.closed));
  }

  @Test
  void textIsMadeOnceForAllTextWebSockets() {
    Outgoing message = Outgoing.of(Buffer.buffer("héllo"));
    String first = message.text();
    assertSame(first, message.text());
    assertEquals("héllo", first);
  }
}
