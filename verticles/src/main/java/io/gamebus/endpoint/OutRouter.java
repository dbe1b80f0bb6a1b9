package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.NodeIdentity;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Server role {@code .out}: a message with a {@code connection} header goes to that connection,
 * on whichever node owns it (forwarded to the owner's per-node address); no header means every
 * connection of the endpoint on the node that received it. Exactly one reply per message:
 * {@code {"written":n}} or a {@link BusError}.
 */
public final class OutRouter {

  private static final long FORWARD_TIMEOUT_MS = 10_000;

  /** What the protocol endpoint does with one outgoing message. */
  public interface Target {
    /** Writes to one local connection; returns null when written, else the failure. */
    ReplyException writeTo(String connection, JsonObject message);

    /** Writes to every local connection; returns how many, or throws a ReplyException. */
    int writeToAll(JsonObject message) throws ReplyException;
  }

  private final EndpointBus bus;
  private final Target target;
  private List<MessageConsumer<Object>> consumers = List.of();

  public OutRouter(EndpointBus bus, Target target) {
    this.bus = bus;
    this.target = target;
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
    if (connection == null || owner == null || owner.equals(bus.nodeId())) {
      writeLocally(message);
      return;
    }
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(FORWARD_TIMEOUT_MS)
      .addHeader(Gamebus.CONNECTION_HEADER, connection);
    bus.eventBus().request(bus.addresses().outOnNode(owner), message.body(), options).onComplete(result -> {
      if (result.succeeded()) {
        message.reply(result.result().body());
      } else if (result.cause() instanceof ReplyException failure && failure.failureCode() > 0) {
        message.fail(failure.failureCode(), failure.getMessage());
      } else {
        fail(message, BusError.UNKNOWN_CONNECTION.exception(connection + ": its node " + owner + " did not answer"));
      }
    });
  }

  private void writeLocally(Message<Object> message) {
    if (!(message.body() instanceof JsonObject json)) {
      fail(message, BusError.BAD_MESSAGE.exception("the body must be a JSON object"));
      return;
    }
    String connection = message.headers().get(Gamebus.CONNECTION_HEADER);
    try {
      if (connection == null) {
        message.reply(new JsonObject().put("written", target.writeToAll(json)));
        return;
      }
      ReplyException failure = target.writeTo(connection, json);
      if (failure == null) {
        message.reply(new JsonObject().put("written", 1));
      } else {
        fail(message, failure);
      }
    } catch (ReplyException failure) {
      fail(message, failure);
    }
  }

  private static void fail(Message<?> message, ReplyException failure) {
    message.fail(failure.failureCode(), failure.getMessage());
  }
}
