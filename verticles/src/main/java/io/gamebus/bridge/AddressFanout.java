package io.gamebus.bridge;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Envelope;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.Arrays;

/**
 * Everything the bridge does for one address: one bus consumer however many browsers listen
 * (the stock bridge had one per socket), each message encoded once into an {@link OutFrame} and
 * the same bytes written to every subscribed socket, and the address's recent envelopes kept for
 * recovery. A point-to-point message (a {@code send}, not a {@code publish}) goes to one socket,
 * in turn, as it would to one of several consumers. Used on the bridge's event loop only.
 */
final class AddressFanout {

  /** How the fan-out reaches the rest of the bridge. */
  interface Bridge {
    BridgeSocket.SlowPolicy policy();

    BridgeSocket.SlowSubscribers slow();

    /** A point-to-point message for one browser: registers its reply, if it wants one, and writes it. */
    void deliverSend(BridgeSocket socket, Message<Object> message, byte[] recPrefix);

    /** A published message was written to {@code count} browsers (counted once per message, not per socket). */
    void delivered(int count);
  }

  private final String address;
  private final byte[] recPrefix;
  private final MessageConsumer<Object> consumer;
  private final FanoutHistory history;
  private final Bridge bridge;
  private BridgeSocket[] subscribers = new BridgeSocket[0];
  private int nextForSend;
  /** Timer that removes this fan-out once it has been unwatched for the history's age; -1 when none. */
  long lingerTimer = -1;

  AddressFanout(EventBus eventBus, String address, FanoutHistory history, Bridge bridge) {
    this.address = address;
    this.recPrefix = OutFrame.recPrefix(address);
    this.history = history;
    this.bridge = bridge;
    // Cluster-wide, as the stock bridge's: a browser on this node hears publishers on every node.
    this.consumer = eventBus.consumer(address, this::onMessage);
  }

  private void onMessage(Message<Object> message) {
    if (message.isSend()) {
      if (subscribers.length == 0) {
        BridgeRequests.fail(message, BusError.NOT_CONNECTED, "no browser listens on " + address + " any more");
        return;
      }
      bridge.deliverSend(nextForSend(), message, recPrefix);
      return;
    }
    Object body = message.body();
    OutFrame frame = OutFrame.rec(recPrefix, message.headers(), null, body);
    if (body instanceof Envelope envelope) {
      history.add(envelope.seq(), frame, System.currentTimeMillis());
    }
    BridgeSocket.SlowPolicy policy = bridge.policy();
    BridgeSocket.SlowSubscribers slow = bridge.slow();
    int delivered = 0;
    for (BridgeSocket socket : subscribers) {
      if (socket.deliver(frame, policy, slow)) {
        delivered++;
      }
    }
    bridge.delivered(delivered);
  }

  /** The next subscriber in turn that is not being cut off; if all are, the next one (which refuses it). */
  private BridgeSocket nextForSend() {
    for (int tried = 0; tried < subscribers.length; tried++) {
      BridgeSocket candidate = inTurn();
      if (candidate.isLive()) {
        return candidate;
      }
    }
    return inTurn();
  }

  /** The subscriber whose turn it is; the turn is kept an index (not a count that would wrap around to negative). */
  private BridgeSocket inTurn() {
    int at = nextForSend % subscribers.length;
    nextForSend = at + 1;
    return subscribers[at];
  }

  String address() {
    return address;
  }

  /**
   * Adds a socket; with {@code lastSeq}, first writes what it missed and then whether that was
   * everything. Both happen in this one event-loop turn, so no live message can come between.
   */
  Recovery subscribe(BridgeSocket socket, Long lastSeq) {
    Recovery recovery = null;
    if (lastSeq != null) {
      int[] replayed = {0};
      boolean complete = history.replayAfter(lastSeq, System.currentTimeMillis(), frame -> {
        socket.write(frame);
        replayed[0]++;
      });
      recovery = new Recovery(complete, replayed[0], lastSeq);
    }
    BridgeSocket[] more = Arrays.copyOf(subscribers, subscribers.length + 1);
    more[subscribers.length] = socket;
    subscribers = more;
    return recovery;
  }

  /** Removes a socket; returns whether none is left. */
  boolean unsubscribe(BridgeSocket socket) {
    subscribers = Arrays.stream(subscribers).filter(s -> s != socket).toArray(BridgeSocket[]::new);
    return subscribers.length == 0;
  }

  boolean isEmpty() {
    return subscribers.length == 0;
  }

  /** Whether a browser that comes back could recover anything here. */
  boolean hasHistory() {
    return !history.neverUsed();
  }

  void close() {
    consumer.unregister();
  }

  /** What a recovering {@code register} got: {@code complete} is false when something was lost. */
  record Recovery(boolean complete, int replayed, long lastSeq) {
  }
}
