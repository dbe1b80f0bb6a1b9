package io.gamebus.bridge;

import io.gamebus.bus.BusError;
import io.gamebus.config.BridgeConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * Requests and replies between browsers and the bus, both ways: a browser's request waits for the
 * bus's reply and gets it (or the failure) on the reply address it named; a bus request to an
 * address a browser listens on gets the browser's answer. Both count against
 * {@code bridge.maxPendingReplies}, separately from registrations, and both time out after
 * {@code bridge.replyTimeoutMs}. Runs on the console's event loop.
 */
final class BridgeRequests {

  private final Vertx vertx;
  private final BridgeConfig config;

  BridgeRequests(Vertx vertx, BridgeConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /** Headers of a browser's frame as the bus carries them: one value as is, an array as several. */
  static DeliveryOptions deliveryOptions(Object headers) {
    DeliveryOptions options = new DeliveryOptions();
    if (headers instanceof JsonObject h) {
      MultiMap map = MultiMap.caseInsensitiveMultiMap();
      h.forEach(e -> {
        if (e.getValue() instanceof JsonArray values) {
          values.forEach(v -> map.add(e.getKey(), String.valueOf(v)));
        } else if (e.getValue() != null) {
          map.add(e.getKey(), String.valueOf(e.getValue()));
        }
      });
      options.setHeaders(map);
    }
    return options;
  }

  /**
   * If {@code address} is a reply address the browser was given with a bus request, answers that
   * request with {@code body} (awaiting the requester's own reply when {@code replyAddress} is
   * set) and returns true; otherwise false: the frame is an ordinary send.
   */
  boolean answer(BridgeSocket socket, String address, String replyAddress, Object body, DeliveryOptions options) {
    BridgeSocket.AwaitedReply awaited = socket.awaitingBrowserReply.remove(address);
    if (awaited == null) {
      return false;
    }
    vertx.cancelTimer(awaited.timer());
    if (replyAddress == null) {
      awaited.message().reply(body, options);
    } else {
      forward(socket, replyAddress, awaited.message().replyAndRequest(body, options));
    }
    return true;
  }

  /** Whether the socket may have one more request awaiting a reply (bridge.maxPendingReplies). */
  boolean hasRoom(BridgeSocket socket) {
    return socket.awaitingBusReply + socket.awaitingBrowserReply.size() < config.maxPendingReplies();
  }

  /** Writes the reply to {@code reply}, or its failure, to the browser on {@code replyAddress}. */
  void forward(BridgeSocket socket, String replyAddress, Future<Message<Object>> reply) {
    socket.awaitingBusReply++;
    reply.onComplete(answer -> {
      socket.awaitingBusReply--;
      if (answer.succeeded()) {
        Message<Object> message = answer.result();
        if (socket.isClosed()) {
          // Nobody can answer a reply that asks for one: tell its sender now, not at its timeout.
          if (message.replyAddress() != null) {
            fail(message, BusError.NOT_CONNECTED, "the browser socket closed before the reply came");
          }
          return;
        }
        String replyId = message.replyAddress() == null ? null : awaitBrowserReply(socket, message);
        socket.write(OutFrame.rec(OutFrame.recPrefix(replyAddress), message.headers(), replyId, message.body()));
      } else {
        socket.write(BridgeErrors.replyFailure(replyAddress, answer.cause()));
      }
    });
  }

  /**
   * A point-to-point message for one browser, held to the same byte limit as publications; a
   * request gets a fresh reply address the browser answers on. Returns whether it was written.
   */
  boolean deliverSend(BridgeSocket socket, Message<Object> message, byte[] recPrefix, BridgeSocket.SlowPolicy policy,
                      BridgeSocket.SlowSubscribers slow) {
    if (!socket.admits(policy, slow)) {
      if (message.replyAddress() != null) {
        fail(message, BusError.SLOW_CONSUMER, "the browser socket does not read what is written to it (bridge.maxPendingBytes)");
      }
      return false;
    }
    String replyId = null;
    if (message.replyAddress() != null) {
      if (!hasRoom(socket)) {
        fail(message, BusError.BUSY, "the browser socket has " + config.maxPendingReplies()
          + " requests awaiting a reply (bridge.maxPendingReplies)");
        return false;
      }
      replyId = awaitBrowserReply(socket, message);
    }
    socket.write(OutFrame.rec(recPrefix, message.headers(), replyId, message.body()));
    return true;
  }

  /** Fails a bus message the way gamebus's own failures read: the code, and a message starting with the error's name. */
  static void fail(Message<Object> message, BusError error, String why) {
    message.fail(error.code(), error.wireName() + ": " + why);
  }

  /**
   * Remembers a message the browser may answer, under a fresh reply address; unanswered after
   * {@code bridge.replyTimeoutMs}, it fails with TIMEOUT (the requester may wait longer).
   */
  private String awaitBrowserReply(BridgeSocket socket, Message<Object> message) {
    String replyId = UUID.randomUUID().toString();
    long timer = vertx.setTimer(config.replyTimeoutMs(), t -> {
      BridgeSocket.AwaitedReply expired = socket.awaitingBrowserReply.remove(replyId);
      if (expired != null) {
        fail(expired.message(), BusError.TIMEOUT, "the browser did not answer within " + config.replyTimeoutMs()
          + " ms (bridge.replyTimeoutMs)");
      }
    });
    socket.awaitingBrowserReply.put(replyId, new BridgeSocket.AwaitedReply(message, timer));
    return replyId;
  }

  /** The socket closed: every bus request it was asked to answer fails at once. */
  void closed(BridgeSocket socket) {
    for (BridgeSocket.AwaitedReply awaited : socket.awaitingBrowserReply.values()) {
      vertx.cancelTimer(awaited.timer());
      fail(awaited.message(), BusError.NOT_CONNECTED, "the browser socket closed before it answered");
    }
    socket.awaitingBrowserReply.clear();
  }
}
