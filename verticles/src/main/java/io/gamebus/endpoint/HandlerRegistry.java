package io.gamebus.endpoint;

import io.gamebus.bus.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Bus handlers of server-role endpoints, for every protocol: {@link #handle} registers the
 * consumer at {@code <base>.handle.<name>} and records the handler's metadata (a DFHack
 * signature, a command, parameter names) in the cluster-wide map {@code <base>.handlers}.
 *
 * <p>Liveness: each registration owns its own entry ({@code <name>@<registration id>}), written
 * with a time-to-live and refreshed every third of it while the registration lasts. A node that
 * dies stops refreshing, so its entries leave the map within the TTL (default
 * {@value #DEFAULT_TTL_MS} ms) while the event bus drops its consumers; {@link Registration#unregister()}
 * removes both at once. Because entries are per registration, two nodes may register the same
 * name (the bus balances the calls) and one leaving does not erase the other's entry. Readers
 * ({@link #lookup}, {@link #list}) read the live entries of one endpoint; endpoints have a
 * handful of handlers and look them up rarely (DFHack: once per bind), so a read is one
 * {@code entries()} of that endpoint's map.
 *
 * <p>The refresh timer runs on the registering context: a verticle undeployed without
 * unregistering loses its consumers (Vert.x) and its entries expire (here).
 */
public final class HandlerRegistry {

  /** How long an entry outlives the last refresh of its owner, in milliseconds. */
  public static final long DEFAULT_TTL_MS = 30_000;
  /** The failure code a handler gets when it throws or fails with anything but a {@link ReplyException}. */
  public static final int DEFAULT_FAILURE_CODE = 1;

  /** One registered handler; {@link #unregister()} removes its consumer and its entry. */
  public interface Registration {
    /** The handler's bus address. */
    String address();

    Future<Void> unregister();
  }

  private final Vertx vertx;
  private final long ttlMs;

  public HandlerRegistry(Vertx vertx) {
    this(vertx, DEFAULT_TTL_MS);
  }

  /** @param ttlMs how long entries of a vanished owner stay visible (at least 3 ms) */
  public HandlerRegistry(Vertx vertx, long ttlMs) {
    if (ttlMs < 3) {
      throw new IllegalArgumentException("ttlMs must be at least 3: " + ttlMs);
    }
    this.vertx = vertx;
    this.ttlMs = ttlMs;
  }

  /**
   * Registers a handler. The handler's future is the reply; a failed future (or an exception)
   * fails the call with the {@link ReplyException}'s code and message, or with
   * {@link #DEFAULT_FAILURE_CODE} and the exception's message. Completes once the consumer is
   * reachable cluster-wide and the entry is written.
   *
   * @param meta what readers of the registry see for this handler; {@code name} is added
   */
  public Future<Registration> handle(Addresses addresses, String name, JsonObject meta,
                                     Function<JsonObject, Future<JsonObject>> handler) {
    String address = addresses.handle(name);
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address, message -> answer(message, handler));
    return consumer.completion()
      .compose(v -> entry(addresses, name, meta))
      .map(entry -> (Registration) new Handle(address, consumer, entry))
      .onFailure(e -> consumer.unregister());
  }

  /**
   * Records an entry without a bus handler behind it, with the same liveness as {@link #handle}:
   * something a protocol offers its peers that is not a call (e.g. a Red topic). Completes once
   * the entry is written; {@link Registration#unregister()} removes it.
   */
  public Future<Registration> declare(Addresses addresses, String name, JsonObject meta) {
    return entry(addresses, name, meta).map(entry -> new Registration() {
      @Override
      public String address() {
        return addresses.base();
      }

      @Override
      public Future<Void> unregister() {
        return entry.remove();
      }
    });
  }

  /** Writes a live entry and keeps it refreshed; the remover stops that and deletes it. */
  private Future<Remover> entry(Addresses addresses, String name, JsonObject meta) {
    String key = name + "@" + UUID.randomUUID();
    JsonObject entry = meta.copy().put("name", name);
    return map(addresses).compose(map -> map.put(key, entry, ttlMs).map(v -> {
      Refresher refresher = new Refresher(map, key, entry);
      long timer = vertx.setPeriodic(ttlMs / 3, t -> refresher.refresh());
      return (Remover) () -> {
        vertx.cancelTimer(timer);
        return refresher.remove();
      };
    }));
  }

  /** The metadata of a live handler of that name, or null when there is none. */
  public Future<JsonObject> lookup(Addresses addresses, String name) {
    return list(addresses).map(all -> all.stream().filter(e -> name.equals(e.getString("name"))).findFirst().orElse(null));
  }

  /** The metadata of every live handler of the endpoint (a name registered twice appears twice). */
  public Future<List<JsonObject>> list(Addresses addresses) {
    return map(addresses).compose(AsyncMap::entries).map(entries -> new ArrayList<>(entries.values()));
  }

  private Future<AsyncMap<String, JsonObject>> map(Addresses addresses) {
    return vertx.sharedData().getAsyncMap(addresses.base() + ".handlers");
  }

  /** Exactly one reply per call, whatever the handler does. */
  private static void answer(Message<JsonObject> message, Function<JsonObject, Future<JsonObject>> handler) {
    Future<JsonObject> reply;
    try {
      reply = handler.apply(message.body());
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    if (reply == null) {
      reply = Future.failedFuture("the handler returned no reply");
    }
    reply.onComplete(done -> {
      if (done.succeeded() && done.result() != null) {
        message.reply(done.result());
      } else if (done.failed() && done.cause() instanceof ReplyException refused) {
        message.fail(refused.failureCode(), refused.getMessage());
      } else {
        message.fail(DEFAULT_FAILURE_CODE, done.failed() ? String.valueOf(done.cause().getMessage()) : "the handler returned no reply");
      }
    });
  }

  private record Handle(String address, MessageConsumer<JsonObject> consumer, Remover entry) implements Registration {
    @Override
    public Future<Void> unregister() {
      // The consumer goes even when the map cannot be reached; its entry then expires.
      return entry.remove().transform(removed -> consumer.unregister()
        .compose(v -> removed.succeeded() ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(removed.cause())));
    }
  }

  /**
   * Keeps one entry alive. A refresh already on its way to a clustered map when the handler is
   * unregistered must not land after the removal and bring the entry back: the removal waits for
   * it, and no refresh starts once removed.
   */
  private final class Refresher {
    private final AsyncMap<String, JsonObject> map;
    private final String key;
    private final JsonObject entry;
    private volatile Future<Void> last = Future.succeededFuture();
    private volatile boolean removed;

    Refresher(AsyncMap<String, JsonObject> map, String key, JsonObject entry) {
      this.map = map;
      this.key = key;
      this.entry = entry;
    }

    void refresh() {
      if (!removed) {
        last = map.put(key, entry, ttlMs);
      }
    }

    Future<Void> remove() {
      removed = true;
      return last.transform(ignored -> map.remove(key)).mapEmpty();
    }
  }

  @FunctionalInterface
  private interface Remover {
    Future<Void> remove();
  }
}
