package io.gamebus.bridge;

import io.vertx.core.eventbus.Message;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One browser connection to the bridge, whatever its transport, and what the bridge knows about
 * it: its registrations, its permissions, the messages it was asked to answer, when it last
 * spoke. Transports implement how a frame is written and how fast the browser takes it. All
 * methods run on the bridge's event loop.
 */
abstract class BridgeSocket {

  /** What to do when a browser does not take what is written to it. */
  enum SlowPolicy { DISCONNECT, DROP }

  private final String id;
  private final String remote;
  final Set<String> registrations = new LinkedHashSet<>();
  /** Bus messages delivered to this browser that await its reply, by the reply address it was given. */
  final Map<String, AwaitedReply> awaitingBrowserReply = new HashMap<>();
  /** Requests this browser sent that await a reply from the bus. */
  int awaitingBusReply;
  BridgePermissions permissions;
  long lastHeardMs = System.currentTimeMillis();
  private boolean closed;
  private boolean cutOff;
  private long droppedInRun;
  private long dropped;

  BridgeSocket(String id, String remote, BridgePermissions permissions) {
    this.id = id;
    this.remote = remote;
    this.permissions = permissions;
  }

  String id() {
    return id;
  }

  String remote() {
    return remote;
  }

  /** The SockJS transport name: websocket, raw-websocket, xhr-streaming, … */
  abstract String transport();

  /** Writes a frame, however much is pending (replies and errors, which the browser asked for). */
  abstract void write(OutFrame frame);

  /** Whether more than the configured bytes wait for this browser to take them. */
  abstract boolean overLimit();

  /** Bytes written for this browser that it has not taken yet (those in gamebus, not the kernel's buffers). */
  abstract long pendingBytes();

  /**
   * While messages are being dropped: whether the browser has caught up enough to get messages
   * again. Half the limit, so that a browser reading at about the publishing rate is not
   * announced as dropping and catching up over and over.
   */
  abstract boolean drained();

  /** Closes with a status and reason the browser's {@code onclose} sees; idempotent. */
  abstract void close(int status, String reason);

  /** Gamebus stops: closes with 1001 "going away". */
  void stop(String reason) {
    close(1001, reason);
  }

  /**
   * Delivers a message, unless the browser is behind: then, by policy, the socket is cut off
   * (once) or the message is skipped (the browser sees the gap in {@code seq}). Returns whether it was written.
   */
  final boolean deliver(OutFrame frame, SlowPolicy policy, SlowSubscribers slow) {
    if (admits(policy, slow)) {
      write(frame);
      return true;
    }
    return false;
  }

  /**
   * Whether a message may be written now; if the browser is behind, applies the policy (cut off
   * once, or count a skipped message) and answers false.
   */
  final boolean admits(SlowPolicy policy, SlowSubscribers slow) {
    if (closed || cutOff) {
      return false;
    }
    if (droppedInRun > 0 ? !drained() : overLimit()) {
      if (policy == SlowPolicy.DISCONNECT) {
        cutOff = true;
        slow.cutOff(this);
      } else {
        if (droppedInRun++ == 0) {
          slow.startedDropping(this);
        }
        dropped++;
      }
      return false;
    }
    if (droppedInRun > 0) {
      slow.stoppedDropping(this, droppedInRun);
      droppedInRun = 0;
    }
    return true;
  }

  /** Messages skipped for this socket so far (drop policy). */
  long dropped() {
    return dropped;
  }

  boolean isClosed() {
    return closed;
  }

  /** Neither closed nor cut off for being slow: worth sending to. */
  boolean isLive() {
    return !closed && !cutOff;
  }

  /** Called by the transport once, when the connection has ended. */
  final void markClosed() {
    closed = true;
  }

  /** A bus message awaiting this browser's reply, and the timer that fails it (bridge.replyTimeoutMs). */
  record AwaitedReply(Message<Object> message, long timer) {
  }

  /** Told when sockets fall behind: counts and announces it. */
  interface SlowSubscribers {
    void cutOff(BridgeSocket socket);

    void startedDropping(BridgeSocket socket);

    void stoppedDropping(BridgeSocket socket, long dropped);
  }
}
