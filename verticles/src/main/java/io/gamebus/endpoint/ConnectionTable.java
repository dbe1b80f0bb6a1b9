package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.StatusEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The open connections of one server endpoint: admission against {@code maxConnections} (WebSocket
 * upgrades in progress count too) and the node's {@link ConnectionBudget}, bookkeeping, writes to
 * one connection or to all with one encoding, close-all on stop. Used on the endpoint's event
 * loop only.
 */
public final class ConnectionTable<C extends ServerConnection> {

  private final Map<String, C> connections = new LinkedHashMap<>();
  private final EndpointBus bus;
  private final int maxConnections;
  private final ConnectionBudget budget;
  private int reserved;
  /** Connections dropped from the table whose sockets are still open (a flush still pending). */
  private int closing;

  public ConnectionTable(EndpointBus bus, int maxConnections, ConnectionBudget budget) {
    this.bus = bus;
    this.maxConnections = maxConnections;
    this.budget = budget;
  }

  /**
   * Reserves room for one more connection; false (counted and announced as refused) when this
   * endpoint is at {@code maxConnections} or the node's budget is spent. A reservation ends with
   * {@link #add} or {@link #unreserve}.
   */
  public boolean reserve(String peer) {
    // A connection we dropped keeps its socket until Vert.x has flushed it, which a peer that
    // never reads can delay for as long as it stays connected: it still counts here.
    if (connections.size() + reserved + closing >= maxConnections) {
      refuse("maxConnections " + maxConnections + " reached; refused " + peer);
      return false;
    }
    if (!budget.tryAcquire()) {
      refuse("the node's connection budget of " + budget.capacity() + " is spent; refused " + peer);
      return false;
    }
    reserved++;
    return true;
  }

  /** A reservation that did not become a connection (e.g. a WebSocket upgrade that failed). */
  public void unreserve() {
    reserved--;
    budget.release();
  }

  /** Refuses a connection before it is reserved (e.g. a foreign Origin): counted and announced. */
  public void refuse(String why) {
    bus.metrics().refused();
    bus.status(null, StatusEvent.CONNECTION_REFUSED, why);
  }

  /** Turns a reservation into an open connection. */
  public void add(C connection, String detail) {
    reserved--;
    connections.put(connection.id(), connection);
    bus.metrics().connectionOpened();
    bus.status(connection.id(), StatusEvent.CONNECTION_OPENED, detail);
  }

  /** Drops a connection (idempotent); its {@code closed()} runs once. */
  public void forget(C connection) {
    if (connections.remove(connection.id(), connection)) {
      closing++;
      bus.metrics().connectionClosed();
      connection.closed();
      bus.status(connection.id(), StatusEvent.CONNECTION_CLOSED, connection.link().closeDetail());
    }
  }

  /**
   * The socket is closed: its descriptor is free again. Called once per added connection, after
   * {@link #forget} of it.
   */
  public void socketClosed() {
    closing--;
    budget.release();
  }

  /** Connections dropped from the table whose sockets are not closed yet. */
  public int closing() {
    return closing;
  }

  public C get(String id) {
    return connections.get(id);
  }

  public int size() {
    return connections.size();
  }

  public Collection<C> all() {
    return List.copyOf(connections.values());
  }

  /** Writes to one connection: 1, or {@code unknown_connection} / {@code slow_consumer}. */
  public int writeTo(String id, Outgoing message) {
    C connection = connections.get(id);
    if (connection == null) {
      throw BusError.UNKNOWN_CONNECTION.exception(id + " is not a connection of "
        + bus.protocol() + "." + bus.endpoint());
    }
    if (!connection.link().write(message)) {
      throw BusError.SLOW_CONSUMER.exception(id + " was dropped: it does not read what is sent to it");
    }
    return 1;
  }

  /**
   * Writes the same encoded message to every connection that matches; returns how many took it
   * and are still open. Published on {@code .sent} once, naming no connection, with the number of
   * connections it was queued to as {@code recipients} (a connection this very write cut off as a
   * slow consumer included, as {@link ServerLink#write} shows such a write; not at all when none
   * took it): a broadcast costs the bus one envelope however many peers there are, and a console
   * shows one row for it, not one per player.
   */
  public int writeToAll(Outgoing message, Predicate<C> which) {
    int written = 0;
    int queued = 0;
    for (C connection : new ArrayList<>(connections.values())) {
      if (which.test(connection) && !connection.link().isClosed()) {
        queued++;
        if (connection.link().queue(message)) {
          written++;
        }
      }
    }
    if (queued > 0) {
      bus.sent(null, message, queued);
    }
    return written;
  }

  /** Closes every connection (their queued writes are flushed first). */
  public io.vertx.core.Future<Void> closeAll() {
    return closeAll(-1, null);
  }

  /** {@link #closeAll()} with a WebSocket close status and reason (-1: the normal close). */
  public io.vertx.core.Future<Void> closeAll(int status, String reason) {
    List<io.vertx.core.Future<Void>> closing = new ArrayList<>();
    for (C connection : new ArrayList<>(connections.values())) {
      closing.add(connection.link().close(status, reason));
    }
    return io.vertx.core.Future.join(closing).mapEmpty();
  }
}
