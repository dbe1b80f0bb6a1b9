package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.NodeIdentity;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Server role {@code .out}: a message with a {@code connection} header goes to that connection on
 * whichever node owns it; without a header it goes to every connection of the endpoint on every
 * node. Exactly one reply per request: {@code {"written":n}} or a {@link BusError}. A message
 * <em>published</em> to {@code .out} reaches every node anyway, so each node writes only to its
 * own connections and nothing is forwarded (or written twice).
 */
public final class OutRouter {

  /** A live node answers .out at once; one that died while a message was on its way fails it within this. */
  private static final long FORWARD_TIMEOUT_MS = 5_000;

  /**
   * What the protocol endpoint does with one outgoing message. Both methods answer the same way:
   * the number of connections written to, or a {@link BusError} thrown as a ReplyException.
   */
  public interface Target {
    /** Writes to one local connection; returns 1, or throws (e.g. {@code unknown_connection}). */
    int writeTo(String connection, JsonObject message) throws ReplyException;

    /** Writes to every local connection (client role: the upstream); returns how many. */
    int writeToAll(JsonObject message) throws ReplyException;

    /**
     * Writes to every local connection the message's headers select (e.g. Modrinth's
     * {@code server} header); by default, every one.
     */
    default int writeToAll(JsonObject message, MultiMap headers) throws ReplyException {
      return writeToAll(message);
    }
  }

  private final EndpointBus bus;
  private final Target target;
  private final EndpointRegistry nodes;
  private List<MessageConsumer<Object>> consumers = List.of();

  /** @param nodes the cluster's nodes: which are there, which are alive */
  public OutRouter(EndpointBus bus, Target target, EndpointRegistry nodes) {
    this.bus = bus;
    this.target = target;
    this.nodes = nodes;
  }

  public void start() {
    consumers = List.of(
      bus.eventBus().consumer(bus.addresses().out(), this::route),
      bus.eventBus().consumer(bus.addresses().outOnNode(bus.nodeId()), this::writeLocally));
  }

  public void stop() {
    consumers.forEach(MessageConsumer::unregister);
  }

  private void route(Message<Object> message) {
    String connection = message.headers().get(Gamebus.CONNECTION_HEADER);
    String owner = NodeIdentity.ownerOf(connection);
    boolean mine = owner == null || owner.equals(bus.nodeId());
    if (!message.isSend()) {
      if (connection == null || mine) {
        writeLocally(message);
      }
    } else if (connection == null) {
      broadcast(message);
    } else if (mine) {
      writeLocally(message);
    } else {
      forward(message, owner, connection);
    }
  }

  private void forward(Message<Object> message, String owner, String connection) {
    OwnerNode.forward(bus.eventBus(), nodes, message, bus.addresses().outOnNode(owner), owner, connection, FORWARD_TIMEOUT_MS);
  }

  /** This node's connections, plus every other node's through its per-node address. */
  private void broadcast(Message<Object> message) {
    int local;
    try {
      local = writeAll(message.body(), message.headers());
    } catch (ReplyException failure) {
      fail(message, failure);
      return;
    }
    nodes.nodeIds().recover(e -> Future.succeededFuture(List.of())).onComplete(ids -> {
      List<Future<Integer>> others = new ArrayList<>();
      for (String id : ids.result()) {
        if (!id.equals(bus.nodeId())) {
          // A node without this endpoint has no handler there: it counts as zero.
          others.add(bus.eventBus().<JsonObject>request(bus.addresses().outOnNode(id), message.body(),
              new DeliveryOptions().setSendTimeout(FORWARD_TIMEOUT_MS).setHeaders(message.headers()))
            .map(reply -> reply.body().getInteger("written", 0)).otherwise(0));
        }
      }
      Future.all(others).onComplete(all -> {
        int written = local;
        for (Future<Integer> other : others) {
          written += other.result();
        }
        message.reply(new JsonObject().put("written", written));
      });
    });
  }

  private void writeLocally(Message<Object> message) {
    String connection = message.headers().get(Gamebus.CONNECTION_HEADER);
    try {
      if (connection == null) {
        message.reply(new JsonObject().put("written", writeAll(message.body(), message.headers())));
        return;
      }
      message.reply(new JsonObject().put("written", target.writeTo(connection, json(message.body()))));
    } catch (ReplyException failure) {
      fail(message, failure);
    } catch (RuntimeException e) {
      // e.g. a value in a local JsonObject that JSON cannot encode: still exactly one reply
      fail(message, BusError.BAD_MESSAGE.exception(String.valueOf(e.getMessage())));
    }
  }

  private int writeAll(Object body, MultiMap headers) {
    try {
      return target.writeToAll(json(body), headers);
    } catch (ReplyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw BusError.BAD_MESSAGE.exception(String.valueOf(e.getMessage()));
    }
  }

  private static JsonObject json(Object body) {
    if (body instanceof JsonObject json) {
      return json;
    }
    throw BusError.BAD_MESSAGE.exception("the body must be a JSON object");
  }

  private static void fail(Message<?> message, ReplyException failure) {
    OwnerNode.fail(message, failure);
  }
}
