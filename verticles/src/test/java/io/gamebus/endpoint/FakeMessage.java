package io.gamebus.endpoint;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

import java.util.ArrayList;
import java.util.List;

/** A bus request that records every reply and failure it is given, so "exactly one" can be checked. */
final class FakeMessage implements Message<Object> {

  private final Object body;
  final List<Object> replies = new ArrayList<>();

  FakeMessage(Object body) {
    this.body = body;
  }

  /** The one reply body; fails if there is none or more than one, or if it is a failure. */
  Object reply() {
    if (replies.size() != 1) {
      throw new AssertionError("expected exactly one reply, got " + replies);
    }
    if (replies.get(0) instanceof ReplyException e) {
      throw new AssertionError("expected a reply, got failure " + e.failureCode() + " " + e.getMessage());
    }
    return replies.get(0);
  }

  /** The one failure; fails if there is none or more than one, or if it is a reply. */
  ReplyException failure() {
    if (replies.size() != 1 || !(replies.get(0) instanceof ReplyException e)) {
      throw new AssertionError("expected exactly one failure, got " + replies);
    }
    return e;
  }

  @Override public String address() { return "test.request"; }
  @Override public MultiMap headers() { return MultiMap.caseInsensitiveMultiMap(); }
  @Override public Object body() { return body; }
  @Override public String replyAddress() { return "test.reply"; }
  @Override public boolean isSend() { return true; }

  @Override
  public void reply(Object message, DeliveryOptions options) {
    replies.add(message);
  }

  @Override
  public <R> Future<Message<R>> replyAndRequest(Object message, DeliveryOptions options) {
    replies.add(message);
    return Future.failedFuture("no reply to a reply in tests");
  }
}
