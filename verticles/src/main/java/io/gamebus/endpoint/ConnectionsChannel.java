package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.NodeIdentity;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Server role, for operators: {@code .connections} answers the open connections of the endpoint on
 * every node ({@code {total, connections: [...], unreachable: [nodeId...]}}, at most
 * {@value #MAX_ROWS} rows), and {@code .close} closes the
 * one its {@code connection} header names on whichever node owns it ({@code {closed: 1}}, or 404
 * {@code unknown_connection}). Each node answers for its own connections on per-node addresses, as
 * {@link EndpointRegistry} and {@link OutRouter} do. Messages in per connection are counted from
 * this node's {@code .in} envelopes; messages sent by the connection's {@link ServerLink}, which
 * sees broadcasts too (their one {@code .sent} envelope names no connection). Started and used on
 * the endpoint's event loop.
 */
public final class ConnectionsChannel {

  /** A live node answers at once; one that died while asked is left out (listing) or fails (close) within this. */
  static final long NODE_ANSWER_TIMEOUT_MS = 2_000;
  /** The WebSocket close status of an operator's close (TCP peers see a plain close). */
  public static final int CLOSE_STATUS = 1000;
  /** The close reason when the request gives none; with one it follows this text. */
  public static final String CLOSE_REASON = "closed by an operator";
  /** A given reason is cut to this many characters (a WebSocket close reason is at most 123 bytes). */
  static final int MAX_REASON_CHARS = 80;
  /**
   * Rows in one answer at most (and by default; a body {@code {"limit": n}} asks for fewer): about
   * 250 bytes each, so an answer stays well under the bridge's 1 MiB {@code maxPendingBytes}.
   */
  public static final int MAX_ROWS = 1000;

  private final EndpointBus bus;
  private final ConnectionTable<? extends ServerConnection> table;
  private final EndpointRegistry nodes;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  /** @param nodes the cluster's nodes (null: this node alone, as in unit tests) */
  public ConnectionsChannel(EndpointBus bus, ConnectionTable<? extends ServerConnection> table, EndpointRegistry nodes) {
    this.bus = bus;
    this.table = table;
    this.nodes = nodes;
  }

  public void start() {
    var eventBus = bus.eventBus();
    var addresses = bus.addresses();
    consumers.add(eventBus.consumer(addresses.connections(), this::listAll));
    consumers.add(eventBus.consumer(addresses.connectionsOnNode(bus.nodeId()), m -> m.reply(listLocal(limit(m.body())))));
    consumers.add(eventBus.consumer(addresses.close(), this::route));
    consumers.add(eventBus.consumer(addresses.closeOnNode(bus.nodeId()), this::closeLocally));
    // This node's connections are counted from what this node publishes.
    bus.countInbound(this::countIn);
  }

  public void stop() {
    bus.countInbound(null);
    consumers.forEach(MessageConsumer::unregister);
    consumers.clear();
  }

  private void countIn(String connection) {
    ServerConnection open = table.get(connection);
    if (open != null) {
      open.link().received();
    }
  }

  /**
   * This node's first {@code limit} rows: {@code {node, total, connections: [{connection, node,
   * transport, peer, since, in, sent, ...about}]}}; {@code total} counts them all.
   */
  public JsonObject listLocal(int limit) {
    JsonArray rows = new JsonArray();
    java.util.Collection<? extends ServerConnection> open = table.all();
    for (ServerConnection connection : open) {
      if (rows.size() >= limit) {
        break;
      }
      JsonObject row = new JsonObject()
        .put("connection", connection.id())
        .put("node", bus.nodeId())
        .put("transport", connection.link().wire().transport())
        .put("peer", connection.link().wire().remoteAddress())
        .put("since", connection.link().since())
        .put("in", connection.link().messagesReceived())
        .put("sent", connection.link().messagesSent());
      JsonObject about = connection.about();
      if (about != null) {
        about.forEach(field -> row.put(field.getKey(), field.getValue()));
      }
      rows.add(row);
    }
    return new JsonObject().put("node", bus.nodeId()).put("total", open.size()).put("connections", rows);
  }

  /** The body's {@code limit}, within 0..{@value #MAX_ROWS}; absent or not a number: {@value #MAX_ROWS}. */
  static int limit(Object body) {
    if (body instanceof JsonObject json && json.getValue("limit") instanceof Number n) {
      return (int) Math.max(0, Math.min(MAX_ROWS, n.longValue()));
    }
    return MAX_ROWS;
  }

  private void listAll(Message<Object> message) {
    int limit = limit(message.body());
    (nodes == null ? Future.succeededFuture(List.of(bus.nodeId())) : nodes.nodeIds()).recover(e -> Future.succeededFuture(List.of(bus.nodeId()))).onSuccess(ids -> {
      List<String> order = new ArrayList<>(ids);
      if (!order.contains(bus.nodeId())) {
        order.add(0, bus.nodeId());
      }
      List<Future<JsonObject>> answers = new ArrayList<>();
      DeliveryOptions options = new DeliveryOptions().setSendTimeout(NODE_ANSWER_TIMEOUT_MS);
      for (String id : order) {
        answers.add(id.equals(bus.nodeId()) ? Future.succeededFuture(listLocal(limit))
          : bus.eventBus().<JsonObject>request(bus.addresses().connectionsOnNode(id), new JsonObject().put("limit", limit), options)
              .map(Message::body)
              // A node that does not run this endpoint has no handler there: it has no rows.
              .recover(e -> noHandlers(e) ? Future.succeededFuture(new JsonObject().put("total", 0).put("connections", new JsonArray()))
                : Future.failedFuture(e)));
      }
      Future.join(answers).onComplete(ignored -> {
        JsonArray all = new JsonArray();
        JsonArray unreachable = new JsonArray();
        long total = 0;
        for (int i = 0; i < answers.size(); i++) {
          if (answers.get(i).succeeded()) {
            JsonObject answer = answers.get(i).result();
            total += answer.getLong("total", 0L);
            for (Object row : answer.getJsonArray("connections")) {
              if (all.size() < limit) {
                all.add(row);
              }
            }
          } else {
            unreachable.add(order.get(i));
          }
        }
        message.reply(new JsonObject().put("protocol", bus.protocol()).put("endpoint", bus.endpoint())
          .put("total", total).put("connections", all).put("unreachable", unreachable));
      });
    });
  }

  private void route(Message<Object> message) {
    String connection = message.headers().get(Gamebus.CONNECTION_HEADER);
    if (connection == null || connection.isEmpty()) {
      fail(message, BusError.BAD_MESSAGE.exception("the connection header names the connection to close"));
      return;
    }
    String owner = NodeIdentity.ownerOf(connection);
    if (owner == null || owner.equals(bus.nodeId())) {
      closeLocally(message);
      return;
    }
    OwnerNode.forward(bus.eventBus(), nodes, message, bus.addresses().closeOnNode(owner), owner, connection,
      NODE_ANSWER_TIMEOUT_MS);
  }

  private void closeLocally(Message<Object> message) {
    String id = message.headers().get(Gamebus.CONNECTION_HEADER);
    ServerConnection connection = id == null ? null : table.get(id);
    if (connection == null) {
      fail(message, BusError.UNKNOWN_CONNECTION.exception(id + " is not a connection of "
        + bus.protocol() + "." + bus.endpoint()));
      return;
    }
    connection.link().close(CLOSE_STATUS, reason(message.body()));
    message.reply(new JsonObject().put("closed", 1));
  }

  /** {@value #CLOSE_REASON}, or {@code closed by an operator: <reason>} with the body's {@code reason}. */
  static String reason(Object body) {
    String given = body instanceof JsonObject json && json.getValue("reason") instanceof String s ? s.strip() : "";
    if (given.isEmpty()) {
      return CLOSE_REASON;
    }
    return CLOSE_REASON + ": " + (given.length() > MAX_REASON_CHARS ? given.substring(0, MAX_REASON_CHARS) + "…" : given);
  }

  private static boolean noHandlers(Throwable e) {
    return e instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
  }

  private static void fail(Message<?> message, ReplyException failure) {
    OwnerNode.fail(message, failure);
  }
}
