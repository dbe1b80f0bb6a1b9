package io.gamebus.endpoint;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;

import java.util.HashMap;
import java.util.Map;

/**
 * The TCP connections of one WebSocket listener from the moment they are accepted. Each takes a
 * place in the {@link ConnectionTable} at once (so connections that never send the upgrade count
 * against {@code maxConnections} and the node's budget, and past them are closed at accept, as on
 * TCP listeners), and must send its first request within {@code upgradeTimeoutSeconds}: an upgrade,
 * which turns the place into the WebSocket's, or a plain request of the listener's routes, after
 * whose answer a kept-alive connection has the same time for its next request. One that sends
 * nothing in time is closed and announced as refused. All calls come from the listener's event loop.
 */
final class PendingUpgrades {

  private enum State { WAITING, SERVING, UPGRADED }

  private static final class Pending {
    final HttpConnection connection;
    State state = State.WAITING;
    long timer;

    Pending(HttpConnection connection) {
      this.connection = connection;
    }
  }

  private final Vertx vertx;
  private final ConnectionTable<?> table;
  private final long timeoutMs;
  /** By the peer's address ({@code ip:port}), unique among open TCP connections. */
  private final Map<String, Pending> byPeer = new HashMap<>();

  PendingUpgrades(Vertx vertx, ConnectionTable<?> table, long timeoutMs) {
    this.vertx = vertx;
    this.table = table;
    this.timeoutMs = timeoutMs;
  }

  /** A TCP connection was accepted: reserve its place, or close it. */
  void accepted(HttpConnection connection) {
    String peer = String.valueOf(connection.remoteAddress());
    if (!table.reserve("websocket listener connection " + peer)) {
      connection.close();
      return;
    }
    Pending pending = new Pending(connection);
    byPeer.put(peer, pending);
    await(peer, pending);
    connection.closeHandler(v -> {
      byPeer.remove(peer, pending);
      vertx.cancelTimer(pending.timer);
      if (pending.state != State.UPGRADED) {
        table.unreserve();
      }
    });
  }

  /** Starts (again) the wait for a request on a connection that has none in progress. */
  private void await(String peer, Pending pending) {
    pending.state = State.WAITING;
    pending.timer = vertx.setTimer(timeoutMs, t -> {
      if (pending.state == State.WAITING) {
        table.refuse("no request within " + timeoutMs / 1000 + " s (upgradeTimeoutSeconds) from " + peer + "; closed");
        pending.connection.close();
      }
    });
  }

  /** A plain HTTP request arrived on the connection of {@code peer}: no timeout while it is served. */
  void serving(String peer) {
    Pending pending = byPeer.get(peer);
    if (pending != null && pending.state == State.WAITING) {
      pending.state = State.SERVING;
      vertx.cancelTimer(pending.timer);
    }
  }

  /** A plain request was answered: a kept-alive connection must send its next one within the timeout too. */
  void served(String peer) {
    Pending pending = byPeer.get(peer);
    if (pending != null && pending.state == State.SERVING) {
      await(peer, pending);
    }
  }

  /** An upgrade request arrived: false when the connection is unknown (then it must not be accepted). */
  boolean upgrading(String peer) {
    Pending pending = byPeer.get(peer);
    if (pending == null) {
      return false;
    }
    serving(peer);
    return true;
  }

  /** The upgrade succeeded: the place now belongs to the WebSocket connection in the table. */
  void upgraded(String peer) {
    Pending pending = byPeer.remove(peer);
    if (pending != null) {
      pending.state = State.UPGRADED;
    }
  }
}
