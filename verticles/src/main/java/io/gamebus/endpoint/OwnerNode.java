package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Gamebus;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * A request about one connection that another node owns (a write to it, {@code .out}; closing it,
 * {@code ….close}) goes to that node's own address, and its answer or failure comes back as the
 * caller's: a node that has left the cluster fails at once rather than after a timeout; one that
 * does not run the endpoint, or does not answer, fails with the reason.
 */
final class OwnerNode {

  private OwnerNode() {
  }

  /**
   * Forwards {@code message} to {@code nodeAddress} (owned by {@code owner}) with the connection
   * header, waiting at most {@code timeoutMs}; {@code nodes} null: no liveness to consult.
   */
  static void forward(EventBus eventBus, EndpointRegistry nodes, Message<Object> message, String nodeAddress,
                      String owner, String connection, long timeoutMs) {
    if (nodes != null && !nodes.isAlive(owner)) {
      fail(message, BusError.UNKNOWN_CONNECTION.exception(connection + ": its node " + owner
        + " has left the cluster (not heard from for " + EndpointRegistry.DEAD_AFTER_MS + " ms)"));
      return;
    }
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs)
      .addHeader(Gamebus.CONNECTION_HEADER, connection);
    eventBus.request(nodeAddress, message.body(), options).onComplete(result -> {
      if (result.succeeded()) {
        message.reply(result.result().body());
      } else {
        fail(message, relayed(result.cause(), connection + ": its node " + owner));
      }
    });
  }

  /** The owner's own failure as it is; a timeout or a missing endpoint said of {@code what}. */
  private static ReplyException relayed(Throwable cause, String what) {
    if (cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return reply;
    }
    if (cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT) {
      return BusError.TIMEOUT.exception(what + " did not answer in time");
    }
    return BusError.UNKNOWN_CONNECTION.exception(what + " is not running this endpoint");
  }

  static void fail(Message<?> message, ReplyException failure) {
    message.fail(failure.failureCode(), failure.getMessage());
  }
}
