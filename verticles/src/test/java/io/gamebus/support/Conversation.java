package io.gamebus.support;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Both directions of one endpoint as a subscriber of {@code .in} and {@code .sent} sees them: every
 * envelope with its direction, for tests of the {@code .sent} channel. Envelopes arrive on the
 * event loop while the test waits on its own thread: one lock for all.
 */
public final class Conversation {

  /** One envelope and the channel it came on: {@code in} or {@code sent}. */
  public record Entry(String direction, Envelope envelope) {
    public String type() { return envelope.type(); }
    public long seq() { return envelope.seq(); }
    @Override public String toString() { return direction + " " + envelope.seq() + " " + envelope.type(); }
  }

  private record Waiter(Predicate<Entry> which, Promise<Envelope> promise) {
  }

  private final List<Entry> entries = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private Conversation() {
  }

  /** Subscribes to both channels of the endpoint; returns once both subscriptions are in place. */
  public static Conversation of(Vertx vertx, String protocol, String endpoint) throws Exception {
    Conversation conversation = new Conversation();
    Gamebus bus = Gamebus.of(vertx);
    MessageConsumer<Envelope> in = bus.subscribe(protocol, endpoint, env -> conversation.add("in", env));
    MessageConsumer<Envelope> sent = bus.subscribeSent(protocol, endpoint, env -> conversation.add("sent", env));
    Future.all(in.completion(), sent.completion()).await(10, TimeUnit.SECONDS);
    return conversation;
  }

  private void add(String direction, Envelope envelope) {
    Entry entry = new Entry(direction, envelope);
    List<Waiter> ready = new ArrayList<>();
    synchronized (this) {
      entries.add(entry);
      waiters.removeIf(w -> w.which().test(entry) && ready.add(w));
    }
    ready.forEach(w -> w.promise().tryComplete(envelope));
  }

  /** The first envelope of that direction and type, seen already or awaited (10 s). */
  public Envelope await(String direction, String type) throws Exception {
    return await(e -> e.direction().equals(direction) && e.type().equals(type), direction + " " + type);
  }

  /** The first envelope matching, seen already or awaited (10 s). */
  public Envelope await(Predicate<Entry> which, String what) throws Exception {
    Promise<Envelope> promise = Promise.promise();
    synchronized (this) {
      for (Entry e : entries) {
        if (which.test(e)) {
          return e.envelope();
        }
      }
      waiters.add(new Waiter(which, promise));
    }
    try {
      return promise.future().await(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("no " + what + " within 10 s; seen: " + ordered(), e);
    }
  }

  /** Everything seen so far, ordered by seq (the order the endpoint read and wrote in). */
  public synchronized List<Entry> ordered() {
    List<Entry> copy = new ArrayList<>(entries);
    copy.sort(Comparator.comparingLong(Entry::seq));
    return copy;
  }

  /** Directions and types in seq order, e.g. {@code ["in ask_session", "sent session"]}, of the entries matching. */
  public List<String> flow(Predicate<Entry> which) {
    return ordered().stream().filter(which).map(e -> e.direction() + " " + e.type()).toList();
  }

  /** Whether the seqs of both channels together are consecutive, none missing and none twice. */
  public boolean seqsConsecutive() {
    List<Entry> all = ordered();
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).seq() != all.get(i - 1).seq() + 1) {
        return false;
      }
    }
    return true;
  }
}
