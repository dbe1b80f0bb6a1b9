package io.gamebus.endpoint;

import io.gamebus.bus.Addresses;
import io.gamebus.support.Eventually;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration, full clean-up and expiry of handler entries. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 15, timeUnit = TimeUnit.SECONDS)
class HandlerRegistryTest {

  private static final Addresses ADDRESSES = new Addresses("gamebus", "test", "registry");

  private static Future<JsonObject> echo(JsonObject call) {
    return Future.succeededFuture(new JsonObject().put("echo", call));
  }

  private static JsonObject call(Vertx vertx, String name) throws Exception {
    return vertx.eventBus().<JsonObject>request(ADDRESSES.handle(name), new JsonObject().put("x", 1))
      .await(5, TimeUnit.SECONDS).body();
  }

  @Test
  void aCompletedRegistrationIsReachableAndRecorded(Vertx vertx) throws Exception {
    HandlerRegistry registry = new HandlerRegistry(vertx);
    HandlerRegistry.Registration registration = registry.handle(ADDRESSES, "GetThing",
      new JsonObject().put("input", "a.In"), HandlerRegistryTest::echo).await(5, TimeUnit.SECONDS);
    // No wait of any kind: completion means both the consumer and the entry are in place.
    assertEquals(new JsonObject().put("x", 1), call(vertx, "GetThing").getJsonObject("echo"));
    assertEquals(new JsonObject().put("input", "a.In").put("name", "GetThing"),
      registry.lookup(ADDRESSES, "GetThing").await(5, TimeUnit.SECONDS));
    assertEquals(ADDRESSES.handle("GetThing"), registration.address());
  }

  @Test
  void aDeclaredEntryHasNoHandlerAndGoesWhenUnregistered(Vertx vertx) throws Exception {
    HandlerRegistry registry = new HandlerRegistry(vertx);
    HandlerRegistry.Registration declared = registry.declare(ADDRESSES, "SOME__TOPIC", new JsonObject().put("kind", "topic"))
      .await(5, TimeUnit.SECONDS);
    assertEquals(new JsonObject().put("kind", "topic").put("name", "SOME__TOPIC"),
      registry.lookup(ADDRESSES, "SOME__TOPIC").await(5, TimeUnit.SECONDS));
    ReplyException none = assertThrows(ReplyException.class, () -> call(vertx, "SOME__TOPIC"));
    assertEquals(ReplyFailure.NO_HANDLERS, none.failureType());
    declared.unregister().await(5, TimeUnit.SECONDS);
    assertNull(registry.lookup(ADDRESSES, "SOME__TOPIC").await(5, TimeUnit.SECONDS));
  }

  @Test
  void unregisteringRemovesTheConsumerAndTheEntry(Vertx vertx) throws Exception {
    HandlerRegistry registry = new HandlerRegistry(vertx);
    HandlerRegistry.Registration registration = registry.handle(ADDRESSES, "Gone", new JsonObject(),
      HandlerRegistryTest::echo).await(5, TimeUnit.SECONDS);
    registration.unregister().await(5, TimeUnit.SECONDS);
    assertNull(registry.lookup(ADDRESSES, "Gone").await(5, TimeUnit.SECONDS));
    assertEquals(List.of(), registry.list(ADDRESSES).await(5, TimeUnit.SECONDS));
    ReplyException none = assertThrows(ReplyException.class, () -> call(vertx, "Gone"));
    assertEquals(ReplyFailure.NO_HANDLERS, none.failureType());
  }

  @Test
  void oneOfTwoRegistrationsLeavingKeepsTheOther(Vertx vertx) throws Exception {
    HandlerRegistry registry = new HandlerRegistry(vertx);
    HandlerRegistry.Registration first = registry.handle(ADDRESSES, "Twice", new JsonObject().put("n", 1),
      HandlerRegistryTest::echo).await(5, TimeUnit.SECONDS);
    registry.handle(ADDRESSES, "Twice", new JsonObject().put("n", 1), HandlerRegistryTest::echo).await(5, TimeUnit.SECONDS);
    assertEquals(2, registry.list(ADDRESSES).await(5, TimeUnit.SECONDS).size());
    first.unregister().await(5, TimeUnit.SECONDS);
    assertEquals(1, registry.lookup(ADDRESSES, "Twice").await(5, TimeUnit.SECONDS).getInteger("n"));
    assertEquals(new JsonObject().put("x", 1), call(vertx, "Twice").getJsonObject("echo"));
  }

  /** An owner that goes away without unregistering (its verticle undeployed, its node dead). */
  @Test
  void theEntriesOfAVanishedOwnerExpire(Vertx vertx) throws Exception {
    long ttl = 300;
    HandlerRegistry reader = new HandlerRegistry(vertx, ttl);
    String owner = vertx.deployVerticle(new VerticleBase() {
      @Override
      public Future<?> start() {
        return new HandlerRegistry(vertx, ttl).handle(ADDRESSES, "Mortal", new JsonObject(), HandlerRegistryTest::echo);
      }
    }).await(5, TimeUnit.SECONDS);
    assertEquals("Mortal", reader.lookup(ADDRESSES, "Mortal").await(5, TimeUnit.SECONDS).getString("name"));
    // Still refreshed past several TTLs while the owner lives.
    awaitTimer(vertx, ttl * 3);
    assertEquals("Mortal", reader.lookup(ADDRESSES, "Mortal").await(5, TimeUnit.SECONDS).getString("name"));
    vertx.undeploy(owner).await(5, TimeUnit.SECONDS);
    Eventually.until(vertx, 50, () -> reader.lookup(ADDRESSES, "Mortal").map(entry -> entry == null))
      .await(10, TimeUnit.SECONDS);
    assertTrue(reader.list(ADDRESSES).await(5, TimeUnit.SECONDS).isEmpty());
  }

  private static void awaitTimer(Vertx vertx, long ms) throws Exception {
    Promise<Void> fired = Promise.promise();
    vertx.setTimer(ms, t -> fired.complete());
    fired.future().await(5, TimeUnit.SECONDS);
  }
}
