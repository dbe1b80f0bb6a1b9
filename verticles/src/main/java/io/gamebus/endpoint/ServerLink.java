package io.gamebus.endpoint;

import io.gamebus.bus.StatusEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

/**
 * The layer's side of one accepted connection: every per-connection limit is enforced here, the
 * same way for every protocol.
 * <ul>
 *   <li>Output: bytes written but not yet handed to the OS are counted, each message with its
 *       bookkeeping cost ({@link Limits#perMessageBytes()}). At
 *       {@code maxPendingWriteBytes} the connection is <em>full</em>: reading stops (its own
 *       requests cannot add more answers) until the queue is back under half of it. A peer that
 *       stays full for {@code slowConsumerMs}, or whose queue passes twice
 *       {@code maxPendingWriteBytes} by writes made while it was full, is cut off as a slow
 *       consumer.</li>
 *   <li>Input waiting for its turn (decoded but not yet handled) is counted by the protocol
 *       through {@link #queued}/{@link #unqueued}; reading stops at {@code maxBacklogBytes}.</li>
 *   <li>Reading also stops while the protocol {@link #hold holds} it (one request at a time).</li>
 *   <li>Rate ({@link #admit}) and login timeout close the connection as bad input.</li>
 * </ul>
 * Everything runs on the endpoint's event loop.
 */
public final class ServerLink {

  /** RFC 6455 close status for a peer that broke a limit on purpose or by design (rate, login). */
  public static final int POLICY_VIOLATION = 1008;
  /** Ends {@link #closeDetail()} when a WebSocket peer never answered our close frame. */
  public static final String NO_CLOSE_ANSWER = "; the peer did not answer the close";
  /** RFC 6455 (IANA) close status "try again later": the peer read too slowly. */
  public static final int TRY_AGAIN_LATER = 1013;

  private final String id;
  private final Wire wire;
  private final EndpointBus bus;
  private final Vertx vertx;
  private final Limits limits;
  private final RateLimit rate;
  private final Runnable forget;
  private Runnable onWritable = () -> { };
  private long pending;
  /** For the connections listing: when the peer connected, messages published from it, messages queued to it. */
  private final long since = System.currentTimeMillis();
  private long messagesReceived;
  private long messagesSent;
  private long backlog;
  private long decodedBacklog;
  private boolean held;
  private boolean full;
  private boolean inputPaused;
  private boolean closed;
  /** Set when gamebus closed the connection: what it sent. */
  private String closedByUs;
  private long slowTimer = -1;
  private long loginTimer = -1;

  /** @param forget drops the connection from its table; run once, when it closes */
  public ServerLink(String id, Wire wire, EndpointBus bus, Vertx vertx, Limits limits, Runnable forget) {
    this.id = id;
    this.wire = wire;
    this.bus = bus;
    this.vertx = vertx;
    this.limits = limits;
    this.rate = new RateLimit(limits.maxMessagesPerSecond());
    this.forget = forget;
  }

  public String id() { return id; }
  public Wire wire() { return wire; }
  public EndpointBus bus() { return bus; }
  public boolean isClosed() { return closed; }

  /** When the peer connected (epoch ms). */
  public long since() { return since; }
  /** Messages from the peer published on {@code .in} since it connected. */
  public long messagesReceived() { return messagesReceived; }
  /** Messages queued to the peer since it connected, broadcasts included. */
  public long messagesSent() { return messagesSent; }

  /** One message from the peer was published (told by {@link EndpointBus#publish} through the connections channel). */
  void received() { messagesReceived++; }

  /** Output bytes queued and not yet handed to the OS. */
  public long pendingWriteBytes() { return pending; }

  /** Input bytes decoded and waiting for their turn. */
  public long backlogBytes() { return backlog; }

  /** Whether more answers may be written now; false while full (see {@link #whenWritable}). */
  public boolean writable() {
    return !full && !closed;
  }

  /** What to do when a full connection becomes writable again, e.g. answer the next queued call. */
  public void whenWritable(Runnable action) {
    this.onWritable = action;
  }

  public boolean write(Buffer encoded) {
    return write(Outgoing.of(encoded));
  }

  /**
   * Queues one message and publishes it on {@code .sent} (with this connection's id). False when
   * the connection is closed (nothing is published), or is cut off by this write as a slow
   * consumer (counted and announced here; the message was queued and is published).
   */
  public boolean write(Outgoing message) {
    if (closed) {
      return false;
    }
    // Published first: the write may start the slow-consumer timer, nothing else should run after it.
    bus.sent(id, message, 0);
    return queue(message);
  }

  /**
   * {@link #write(Outgoing)} without publishing: for a broadcast, published once for all its
   * connections by the {@link ConnectionTable}. False when closed (not queued), or when cut off by
   * this write (queued all the same).
   */
  boolean queue(Outgoing message) {
    if (closed) {
      return false;
    }
    messagesSent++;
    int size = message.length() + limits.perMessageBytes();
    pending += size;
    bus.metrics().pendingWrite(size);
    bus.metrics().messageOut();
    wire.send(message).onComplete(done -> written(size));
    // A write while already full is one the peer's reading did not make room for (a push): past
    // twice the limit it is cut off. One message into a queue that was not full always fits.
    if (full && pending > limits.cutOffBytes()) {
      slowConsumer("more than " + limits.cutOffBytes() + " bytes queued");
      return false;
    }
    if (!full && pending >= limits.maxPendingWriteBytes()) {
      full = true;
      slowTimer = vertx.setTimer(Math.max(1, limits.slowConsumerMs()),
        t -> slowConsumer("write queue full for " + limits.slowConsumerMs() + " ms"));
      updateInput();
    }
    return true;
  }

  private void written(int size) {
    pending -= size;
    bus.metrics().pendingWrite(-size);
    if (full && pending <= limits.maxPendingWriteBytes() / 2) {
      full = false;
      cancel(slowTimer);
      slowTimer = -1;
      if (!closed) {
        updateInput();
        onWritable.run();
      }
    }
  }

  private void slowConsumer(String why) {
    if (closed) {
      return;
    }
    bus.metrics().slowConsumer();
    bus.status(id, StatusEvent.SLOW_CONSUMER, why + "; connection closed");
    // Vert.x closes the socket once its queue is flushed: a peer that never reads keeps it (and
    // its descriptor, still counted in the budget) until it goes away, but it is no longer read,
    // written or listed, and costs no more than what is already queued. On WebSocket 1013 "try
    // again later": the peer did nothing wrong on purpose, and clients that retry (Modrinth's) should.
    close(TRY_AGAIN_LATER, "slow consumer: not reading what is sent");
  }

  /** Stops reading until {@link #release}: the protocol is busy with an earlier message. */
  public void hold() {
    held = true;
    updateInput();
  }

  public void release() {
    held = false;
    updateInput();
  }

  /** The protocol put one decoded message of that size aside to handle later. */
  public void queued(int bytes) {
    if (closed) {
      return; // the close gave the whole backlog back; what is still handled costs nothing more
    }
    int cost = bytes + limits.perMessageBytes();
    decodedBacklog += cost;
    backlog += cost;
    bus.metrics().backlog(cost);
    updateInput();
  }

  /**
   * Raw input the protocol holds undecoded (positive) or has decoded or dropped (negative), counted
   * in the backlog without a per-message cost.
   */
  public void holding(int deltaBytes) {
    if (closed) {
      return;
    }
    backlog += deltaBytes;
    bus.metrics().backlog(deltaBytes);
    updateInput();
  }

  /**
   * Whether decoded messages waiting for their turn are under the backlog bound, so more held
   * input may be decoded now (held raw bytes do not count here, or a large read could never be
   * decoded; they do count for when reading stops).
   */
  public boolean backlogHasRoom() {
    return decodedBacklog < limits.maxBacklogBytes();
  }

  /** The protocol took one queued message of that size to handle it (or dropped it). */
  public void unqueued(int bytes) {
    if (closed) {
      return; // given back by markClosed already (a handler may answer after the close)
    }
    int cost = bytes + limits.perMessageBytes();
    decodedBacklog -= cost;
    backlog -= cost;
    bus.metrics().backlog(-cost);
    updateInput();
  }

  private void updateInput() {
    if (closed) {
      return; // paused for good by markClosed: a closed connection is never read again
    }
    boolean pause = held || full || backlog >= limits.maxBacklogBytes();
    if (pause != inputPaused) {
      inputPaused = pause;
      if (pause) {
        wire.pause();
      } else {
        wire.resume();
      }
    }
  }

  /** Whether reading is stopped (held, full or backlog at its bound). */
  public boolean inputPaused() {
    return inputPaused;
  }

  /**
   * Counts one decoded message against {@code maxMessagesPerSecond}. Past it the connection is
   * closed as bad input and false is returned: the message must be dropped.
   */
  public boolean admit() {
    if (closed) {
      return false;
    }
    if (rate.allow(System.currentTimeMillis())) {
      return true;
    }
    // 1008 policy violation, not a normal close: a normal close tells some clients (Modrinth's) to stop for good.
    reject("more than " + limits.maxMessagesPerSecond() + " messages per second", POLICY_VIOLATION);
    return false;
  }

  /** Starts the login timeout, if configured: not {@link #loggedIn} by then closes as bad input. */
  public void expectLogin() {
    expectLogin(-1);
  }

  /**
   * {@link #expectLogin()} closing a WebSocket with that status (e.g. 1008); also to ask for a
   * login again later (a token that expired), which restarts the countdown.
   */
  public void expectLogin(int closeStatus) {
    cancel(loginTimer);
    loginTimer = -1;
    int seconds = limits.loginTimeoutSeconds();
    if (seconds > 0 && !closed) {
      String reason = "login timeout: not authenticated after " + seconds + " s";
      loginTimer = vertx.setTimer(seconds * 1000L, t -> {
        if (closeStatus < 0) {
          reject(reason);
        } else {
          reject(reason, closeStatus);
        }
      });
    }
  }

  public void loggedIn() {
    cancel(loginTimer);
    loginTimer = -1;
  }

  /** Counts and announces bad input, then closes. */
  public void reject(String reason) {
    if (closed) {
      return;
    }
    bus.badInput(id, reason);
    close();
  }

  /** {@link #reject(String)} with a WebSocket close status (e.g. 1009); on TCP a plain close. */
  public void reject(String reason, int closeStatus) {
    if (closed) {
      return;
    }
    bus.badInput(id, reason);
    close(closeStatus, reason);
  }

  /**
   * Closes after the queued writes are flushed. The connection leaves its table at once, so no
   * more writes are queued and {@code .out} no longer finds it, even while a peer that does not
   * read keeps the flush pending.
   */
  public Future<Void> close() {
    return close(-1, null);
  }

  /** {@link #close()} with a WebSocket close status and reason (-1: the transport's normal close). */
  public Future<Void> close(int status, String reason) {
    if (closed) {
      return Future.succeededFuture();
    }
    markClosed();
    closedByUs = status < 0 ? "closed by gamebus" : "closed by gamebus, status " + status
      + (reason == null || reason.isEmpty() ? "" : " (" + reason + ")");
    forget.run();
    return status < 0 ? wire.close() : wire.close(status, reason);
  }

  /**
   * How the connection ended, for {@code connection-closed}: {@code closed by gamebus, status 1009
   * (…)}, {@code closed by the peer, status 1000 (…)}, or null (the peer went away without a close frame).
   */
  public String closeDetail() {
    if (closedByUs != null) {
      // On WebSocket the peer answers our close frame with its own; without one it was cut.
      boolean answered = !"websocket".equals(wire.transport()) || wire.closeDetail() != null;
      return answered ? closedByUs : closedByUs + NO_CLOSE_ANSWER;
    }
    String peer = wire.closeDetail();
    return peer == null ? null : "closed by the peer, " + peer;
  }

  /** The socket is gone (or being closed): no more writes, no timers. */
  void markClosed() {
    closed = true;
    if (!inputPaused) {
      inputPaused = true;
      wire.pause();
    }
    cancel(slowTimer);
    cancel(loginTimer);
    slowTimer = -1;
    loginTimer = -1;
    if (backlog != 0) {
      bus.metrics().backlog(-backlog);
      backlog = 0;
      decodedBacklog = 0;
    }
  }

  private void cancel(long timer) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
