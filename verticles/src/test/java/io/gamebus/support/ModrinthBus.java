package io.gamebus.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The bus side of {@link ModrinthNode}'s endpoint: {@code .out} requests and {@code .status} events. */
public final class ModrinthBus {

  private final Vertx vertx;
  private final List<JsonObject> statuses = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(Predicate<JsonObject> match, Promise<JsonObject> promise) {
  }

  private ModrinthBus(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts recording {@code .status}; completes once the consumer is registered. */
  public static Future<ModrinthBus> listen(Vertx vertx) {
    ModrinthBus bus = new ModrinthBus(vertx);
    return vertx.eventBus().<JsonObject>consumer(ModrinthNode.address("status"), m -> bus.status(m.body()))
      .completion().map(bus);
  }

  private void status(JsonObject event) {
    statuses.add(event);
    List<Waiter> matched = waiters.stream().filter(w -> w.match().test(event)).toList();
    waiters.removeAll(matched);
    // Completed after the list is settled: a callback may add a waiter.
    matched.forEach(w -> w.promise().tryComplete(event));
  }

  /** Every status event so far. */
  public List<JsonObject> statuses() {
    return statuses;
  }

  /** The first status event (past or future) with that {@code state} and, if not null, connection. */
  public Future<JsonObject> status(String state, String connection) {
    Predicate<JsonObject> match = e -> state.equals(e.getString("state"))
      && (connection == null || connection.equals(e.getString("connection")));
    for (JsonObject e : statuses) {
      if (match.test(e)) {
        return Future.succeededFuture(e);
      }
    }
    Promise<JsonObject> promise = Promise.promise();
    waiters.add(new Waiter(match, promise));
    return promise.future();
  }

  /** The connection id of the n-th (from 0) socket that authenticated. */
  public Future<String> authenticated(int n) {
    return nth("authenticated", n).map(e -> e.getString("connection"));
  }

  /** The n-th (from 0) status event (past or future) with that {@code state}. */
  public Future<JsonObject> nth(String state, int n) {
    List<JsonObject> seen = statuses.stream().filter(e -> state.equals(e.getString("state"))).toList();
    if (seen.size() > n) {
      return Future.succeededFuture(seen.get(n));
    }
    int[] count = {seen.size()};
    Promise<JsonObject> promise = Promise.promise();
    waiters.add(new Waiter(e -> state.equals(e.getString("state")) && count[0]++ == n, promise));
    return promise.future();
  }

  /**
   * Requests {@code .out} with that header (name null: none); completes with {@code {"written":n}},
   * or with {@code {"failure": code, "message": …}} when refused.
   */
  public Future<JsonObject> out(JsonObject event, String header, String value) {
    DeliveryOptions options = new DeliveryOptions();
    if (header != null) {
      options.addHeader(header, value);
    }
    return vertx.eventBus().<JsonObject>request(ModrinthNode.address("out"), event, options)
      .map(reply -> reply.body())
      .recover(e -> e instanceof ReplyException refused
        ? Future.succeededFuture(new JsonObject().put("failure", refused.failureCode()).put("message", refused.getMessage()))
        : Future.failedFuture(e));
  }
}
