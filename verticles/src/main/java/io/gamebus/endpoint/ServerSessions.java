package io.gamebus.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Sessions that outlive a socket, for protocols whose server keeps per-client state across
 * reconnects (RPFM). Ids count from 1 on each endpoint of each node. A connection attaches to the
 * session it asks for, or to a new one when that session does not exist (the caller compares ids
 * to tell); several connections may share a session. When the last connection of a session
 * detaches, a grace timer starts; a connection that attaches again cancels it, and when it runs
 * out the session ends. Used on the endpoint's event loop only.
 *
 * @param <S> what the protocol keeps per session
 */
public final class ServerSessions<S> {

  /** One session: its id, the protocol's state and its attached connections. */
  public static final class Session<S> {
    private final long id;
    private final S state;
    private int connections;
    private long detachedAt = -1;
    private long graceTimer = -1;
    private boolean ended;

    private Session(long id, S state) {
      this.id = id;
      this.state = state;
    }

    public long id() { return id; }
    public S state() { return state; }
    public int connections() { return connections; }
    /** Ended sessions are gone from the table; a connection still holding one must not use it. */
    public boolean ended() { return ended; }

    /**
     * The grace period's whole seconds minus the whole seconds elapsed since the last connection
     * left (floored at 0), as the real RPFM server counts; null while a connection is attached.
     */
    public Long graceRemainingSeconds(long graceMs, long nowMs) {
      if (connections > 0 || detachedAt < 0) {
        return null;
      }
      return Math.max(0, graceMs / 1000 - (nowMs - detachedAt) / 1000);
    }
  }

  /** The result of {@link #attach}: the session, and whether it is the one that was asked for. */
  public record Attached<S>(Session<S> session, boolean resumed) {
  }

  private final Map<Long, Session<S>> sessions = new LinkedHashMap<>();
  private final Timers timers;
  private final long graceMs;
  private final java.util.function.Supplier<S> newState;
  private final BiConsumer<Session<S>, String> ended;
  private final int maxIdle;
  private long nextId = 1;
  /** The live sessions, readable from any thread (the {@code gamebus.endpoints} listing). */
  private volatile int size;

  /**
   * @param graceMs  how long a session without connections is kept, in milliseconds
   * @param maxIdle  sessions without connections kept at most; past it the one idle longest ends
   *                 at once, so a peer that connects and drops in a loop cannot pile sessions up
   * @param newState the protocol's state for a new session
   * @param ended    told once when a session ends, with why (grace expired, ended by the peer, stop)
   */
  public ServerSessions(Timers timers, long graceMs, int maxIdle, java.util.function.Supplier<S> newState,
                        BiConsumer<Session<S>, String> ended) {
    this.timers = timers;
    this.graceMs = graceMs;
    this.maxIdle = maxIdle;
    this.newState = newState;
    this.ended = ended;
  }

  public long graceMs() {
    return graceMs;
  }

  /** Attaches a new connection to the session {@code requested} (null: none), or to a new session. */
  public Attached<S> attach(Long requested) {
    Session<S> session = requested == null ? null : sessions.get(requested);
    boolean resumed = session != null;
    if (!resumed) {
      session = new Session<>(nextId++, newState.get());
      sessions.put(session.id, session);
      size = sessions.size();
    }
    session.connections++;
    session.detachedAt = -1;
    if (session.graceTimer >= 0) {
      timers.cancel(session.graceTimer);
      session.graceTimer = -1;
    }
    return new Attached<>(session, resumed);
  }

  /** A connection of the session closed; the last one starts the grace period. */
  public void detach(Session<S> session) {
    if (session.ended || --session.connections > 0) {
      return;
    }
    session.detachedAt = System.currentTimeMillis();
    session.graceTimer = timers.set(graceMs, () -> {
      session.graceTimer = -1;
      end(session, "no connection for " + graceMs / 1000 + " s");
    });
    List<Session<S>> idle = sessions.values().stream().filter(s -> s.connections == 0).toList();
    if (idle.size() > maxIdle) {
      Session<S> oldest = idle.stream().min(java.util.Comparator.comparingLong(s -> s.detachedAt)).orElseThrow();
      end(oldest, "more than " + maxIdle + " sessions without a connection; this one waited longest");
    }
  }

  /** Ends a session now, whatever is attached to it; idempotent. */
  public void end(Session<S> session, String why) {
    if (session.ended) {
      return;
    }
    session.ended = true;
    sessions.remove(session.id, session);
    size = sessions.size();
    if (session.graceTimer >= 0) {
      timers.cancel(session.graceTimer);
      session.graceTimer = -1;
    }
    ended.accept(session, why);
  }

  /** Ends every session (the endpoint stops). */
  public void endAll(String why) {
    for (Session<S> session : new ArrayList<>(sessions.values())) {
      end(session, why);
    }
  }

  /** How many sessions live; safe from any thread. */
  public int size() {
    return size;
  }

  public Session<S> get(long id) {
    return sessions.get(id);
  }

  /** The live sessions, oldest first. */
  public List<Session<S>> all() {
    return List.copyOf(sessions.values());
  }
}
