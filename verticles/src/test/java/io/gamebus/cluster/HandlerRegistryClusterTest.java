package io.gamebus.cluster;

import io.gamebus.bus.Addresses;
import io.gamebus.config.GamebusConfig;
import io.gamebus.endpoint.HandlerRegistry;
import io.gamebus.launcher.VertxFactory;
import io.gamebus.support.Eventually;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The handler registry across two Hazelcast members in one JVM: an entry written on one node is
 * read on the other, and when that node goes away without unregistering, its entry expires.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HandlerRegistryClusterTest {

  private static final Addresses ADDRESSES = new Addresses("gamebus", "dfhack", "fortress");

  Vertx a;
  Vertx b;

  @AfterEach
  void close() throws Exception {
    if (b != null) {
      b.close().await(30, TimeUnit.SECONDS);
    }
    if (a != null) {
      a.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void anEntryIsSeenOnTheOtherNodeAndExpiresWhenItsNodeIsGone() throws Exception {
    GamebusConfig config = GamebusConfig.fromJson(TestConfigs.node(new JsonObject()
      .put("protocol", "dfhack").put("name", "fortress").put("role", "server")
      .put("listeners", new JsonArray().add(new JsonObject().put("transport", "tcp").put("port", 0))))
      .toJson().put("cluster", new JsonObject().put("enabled", true)));
    a = VertxFactory.create(config).await(90, TimeUnit.SECONDS);
    b = VertxFactory.create(config).await(90, TimeUnit.SECONDS);

    new HandlerRegistry(b, 1_500).handle(ADDRESSES, "RemoteFortressReader.GetPauseState",
      new JsonObject().put("plugin", "RemoteFortressReader"),
      call -> Future.succeededFuture(new JsonObject().put("from", "b"))).await(20, TimeUnit.SECONDS);
    HandlerRegistry onA = new HandlerRegistry(a);
    assertEquals("RemoteFortressReader", onA.lookup(ADDRESSES, "RemoteFortressReader.GetPauseState")
      .await(20, TimeUnit.SECONDS).getString("plugin"));
    assertEquals("b", a.eventBus().<JsonObject>request(ADDRESSES.handle("RemoteFortressReader.GetPauseState"), new JsonObject())
      .await(20, TimeUnit.SECONDS).body().getString("from"));

    b.close().await(30, TimeUnit.SECONDS); // gone without unregistering: nobody refreshes its entry
    b = null;
    Eventually.until(a, 200, () -> onA.lookup(ADDRESSES, "RemoteFortressReader.GetPauseState").map(entry -> entry == null))
      .await(60, TimeUnit.SECONDS);
  }
}
