package io.gamebus.bench;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The fan-out benchmark's one publisher, on its own event loop: publishes {@link Envelope}s on
 * {@link #ADDRESS} as a FAF server endpoint would ({@code faf}/{@code lobby}, {@code game_info},
 * a fresh envelope per message). Its index and publish time travel in the body (see {@link Frames}).
 * Every mode keeps what it published minus what the slowest subscriber of the group has received
 * within a window, so no system is measured with an unbounded queue in front of it.
 */
final class FanoutPublisher extends VerticleBase {

  static final String ADDRESS = "bench.fanout";
  /** Messages published per turn of the event loop before it yields to other tasks. */
  private static final int BURST = 32;
  private static final long WARM_UP_EVERY_MS = 10;
  private static final long WARM_UP_LIMIT_MS = 30_000;
  private static final String CONNECTION = "0a1b2c3d-node1-17";
  /** A FAF game announcement; with the index and time the body encodes to about 250 bytes. */
  private static final JsonObject GAME = new JsonObject()
    .put("uid", 24_017_331).put("title", "4v4 Seton's, no rush 10").put("state", "open")
    .put("featured_mod", "faf").put("map", "scmp_009").put("host", "Zock").put("num_players", 6)
    .put("max_players", 8).put("rating_min", 800).put("teams", new JsonArray().add("Zock").add("Blackheart"));

  /**
   * What the publisher needs to know of its subscribers to stay within a window: the publish index
   * the slowest of them expects next ({@link Long#MAX_VALUE} when none is open).
   */
  interface Progress {
    long slowestNext();
  }

  /** Stamps {@link Frames#EPOCH_KEY} (subscribers in another JVM) rather than {@link Frames#SENT_KEY}. */
  private final boolean epochClock;

  /** Next publish index; written on this verticle's event loop only. */
  private volatile long next;
  private volatile boolean stopRequested;
  /** Milliseconds of {@link #paced} publishing held back by the window so far, over all runs; read from anywhere. */
  private volatile long heldBackMillis;

  /** Stamps publish times for subscribers in this JVM ({@link Frames#now()}). */
  FanoutPublisher() {
    this(false);
  }

  /** {@code epochClock}: stamps the wall clock in epoch microseconds, for subscribers in another JVM. */
  FanoutPublisher(boolean epochClock) {
    this.epochClock = epochClock;
  }

  /** The envelope of publish index {@code index}, stamped now by this JVM's {@link Frames#now()}. */
  static Envelope envelope(long index) {
    return envelope(index, false);
  }

  /** The envelope of publish index {@code index}, stamped now by the clock chosen. */
  static Envelope envelope(long index, boolean epochClock) {
    JsonObject body = new JsonObject().put(Frames.INDEX_KEY, index)
      .put(epochClock ? Frames.EPOCH_KEY : Frames.SENT_KEY, epochClock ? Frames.epochMicros() : Frames.now())
      .put("game", GAME);
    return new Envelope("faf", "lobby", CONNECTION, "game_info", index, System.currentTimeMillis(), body);
  }

  @Override
  public Future<?> start() {
    Gamebus.install(vertx);
    return Future.succeededFuture();
  }

  /** The index the next message will carry: how many have been published so far. */
  long nextIndex() {
    return next;
  }

  private void publishOne() {
    vertx.eventBus().publish(ADDRESS, envelope(next++, epochClock));
  }

  /**
   * One message every {@value #WARM_UP_EVERY_MS} ms until every subscriber of the group, and the
   * loner if there is one, has received one: only then is every registration known to be in effect.
   * Fails after {@value #WARM_UP_LIMIT_MS} ms.
   */
  Future<Void> warmUp(FanoutSubscribers group, FanoutSubscribers.Subscriber loner) {
    return warmUp(() -> group.allReady() && (loner == null || loner.ready()));
  }

  /** As {@link #warmUp(FanoutSubscribers, FanoutSubscribers.Subscriber)}, until {@code allReady} holds. */
  Future<Void> warmUp(java.util.function.BooleanSupplier allReady) {
    Promise<Void> ready = Promise.promise();
    long deadline = System.nanoTime() + WARM_UP_LIMIT_MS * 1_000_000;
    context.runOnContext(v -> vertx.setPeriodic(WARM_UP_EVERY_MS, timer -> {
      if (allReady.getAsBoolean()) {
        vertx.cancelTimer(timer);
        ready.complete();
      } else if (System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        ready.fail("after " + WARM_UP_LIMIT_MS + " ms of warm-up messages");
      } else {
        publishOne();
      }
    }));
    return ready.future();
  }

  /**
   * As fast as the group takes them, never more than {@code window} ahead of its slowest member,
   * until {@code limit} messages or {@link #stopFlood()}. Completes with the number published.
   */
  Future<Long> flood(FanoutSubscribers group, long limit, int window) {
    Promise<Long> done = Promise.promise();
    stopRequested = false;
    context.runOnContext(v -> {
      long end = limit > Long.MAX_VALUE - next ? Long.MAX_VALUE : next + limit;
      pump(group, next, end, window, done);
    });
    return done.future();
  }

  private void pump(FanoutSubscribers group, long first, long end, int window, Promise<Long> done) {
    if (stopRequested || next >= end) {
      done.complete(next - first);
      return;
    }
    long slowest = group.slowestNext();
    // With every subscriber closed there is no one to publish to: wait for stopFlood().
    long room = slowest == Long.MAX_VALUE ? 0 : window - (next - slowest);
    long burst = Math.max(0, Math.min(Math.min(room, BURST), end - next));
    for (long i = 0; i < burst; i++) {
      publishOne();
    }
    if (burst == BURST) {
      context.runOnContext(v -> pump(group, first, end, window, done));
    } else {
      // The window is full: look again after the subscribers have had a moment to read.
      vertx.setTimer(1, t -> pump(group, first, end, window, done));
    }
  }

  /**
   * {@code perSecond} messages a second for {@code millis} ms, published each millisecond as they
   * fall due, still within {@code window}. Completes with the milliseconds in which the window
   * held publishing back (0: the rate was kept).
   */
  Future<Long> paced(Progress group, double perSecond, long millis, int window) {
    Promise<Long> done = Promise.promise();
    context.runOnContext(v -> {
      long t0 = System.nanoTime();
      long first = next;
      long[] heldBack = {0};
      vertx.setPeriodic(1, timer -> {
        long elapsed = System.nanoTime() - t0;
        if (elapsed >= millis * 1_000_000) {
          vertx.cancelTimer(timer);
          done.complete(heldBack[0]);
          return;
        }
        long due = first + (long) (elapsed * perSecond / 1e9);
        long slowest = group.slowestNext();
        long allowed = slowest == Long.MAX_VALUE ? next : slowest + window;
        if (allowed < due) {
          heldBack[0]++;
          heldBackMillis++; // written on this event loop only
        }
        while (next < Math.min(due, allowed)) {
          publishOne();
        }
      });
    });
    return done.future();
  }

  /** Milliseconds in which the window held {@link #paced} publishing back so far: read before and after a window. */
  long heldBackMillis() {
    return heldBackMillis;
  }

  /** Ends a {@link #flood}. */
  void stopFlood() {
    stopRequested = true;
  }
}
