package io.gamebus.bus;

import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.HandlerRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The automation API's additions, on the bus alone. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class GamebusApiTest {

  private static ReplyException failure(Future<?> future) {
    return assertThrows(ReplyException.class, () -> future.await(5, TimeUnit.SECONDS));
  }

  @Test
  void replyToAnEnvelopeWithoutAConnectionIsABadMessageNotABroadcast(Vertx vertx) throws Exception {
    Gamebus bus = Gamebus.of(vertx);
    Envelope endpointLevel = new Envelope("faf", "lobby", null, "notice", 1, 0, new JsonObject());
    ReplyException refused = failure(bus.reply(endpointLevel, new JsonObject().put("command", "notice")));
    assertEquals(BusError.BAD_MESSAGE.code(), refused.failureCode());
    assertTrue(refused.getMessage().startsWith("bad_message: "), refused.getMessage());
  }

  @Test
  void sendBroadcastAndRequestToAnEndpointNobodyRunsAreNoEndpoint(Vertx vertx) {
    Gamebus bus = Gamebus.of(vertx);
    JsonObject message = new JsonObject().put("command", "notice");
    for (Future<JsonObject> call : java.util.List.of(bus.send("faf", "nowhere", "n-1", message),
      bus.broadcast("faf", "nowhere", message), bus.request("dfhack", "nowhere", new JsonObject()))) {
      ReplyException e = failure(call);
      assertEquals(BusError.NO_ENDPOINT.code(), e.failureCode());
      assertTrue(e.getMessage().startsWith("no_endpoint: no node runs an endpoint answering gamebus."), e.getMessage());
    }
  }

  @Test
  void requestReturnsTheEndpointsAnswerAndKeepsItsErrors(Vertx vertx) throws Exception {
    Gamebus bus = Gamebus.of(vertx);
    vertx.eventBus().<JsonObject>consumer(bus.addresses("dfhack", "remote").request(), m -> {
      if (m.body().containsKey("method")) {
        m.reply(new JsonObject().put("output", new JsonObject().put("value", "50.13")));
      } else {
        m.fail(BusError.NOT_CONNECTED.code(), "not_connected: down");
      }
    }).completion().await(5, TimeUnit.SECONDS);
    assertEquals("50.13", bus.request("dfhack", "remote", new JsonObject().put("method", "GetVersion"))
      .await(5, TimeUnit.SECONDS).getJsonObject("output").getString("value"));
    assertEquals(BusError.NOT_CONNECTED.code(), failure(bus.request("dfhack", "remote", new JsonObject())).failureCode());
  }

  @Test
  void handleRegistersAReachableRecordedHandler(Vertx vertx) throws Exception {
    Gamebus bus = Gamebus.of(vertx);
    HandlerRegistry.Registration registration = bus.handle("rpfm", "pack", "GetVersion",
      new JsonObject().put("params", new io.vertx.core.json.JsonArray().add("verbose")),
      call -> Future.succeededFuture(new JsonObject().put("version", "4.0"))).await(5, TimeUnit.SECONDS);
    Addresses addresses = bus.addresses("rpfm", "pack");
    assertEquals("4.0", vertx.eventBus().<JsonObject>request(addresses.handle("GetVersion"), new JsonObject())
      .await(5, TimeUnit.SECONDS).body().getString("version"));
    assertEquals("verbose", new HandlerRegistry(vertx).lookup(addresses, "GetVersion").await(5, TimeUnit.SECONDS)
      .getJsonArray("params").getString(0));
    registration.unregister().await(5, TimeUnit.SECONDS);
    assertEquals(null, new HandlerRegistry(vertx).lookup(addresses, "GetVersion").await(5, TimeUnit.SECONDS));
  }

  @Test
  void statusEventsAreTyped(Vertx vertx) throws Exception {
    Promise<Status> seen = Promise.promise();
    Gamebus.of(vertx).statusEvents("dfhack", "typed", seen::tryComplete).completion().await(5, TimeUnit.SECONDS);
    new EndpointBus(vertx, "gamebus", "dfhack", "typed", "n1").status("n1-4", StatusEvent.HANDLER_FAILED, "echo: timeout");
    Status status = seen.future().await(5, TimeUnit.SECONDS);
    assertEquals(StatusEvent.HANDLER_FAILED, status.event());
    assertEquals("handler-failed", status.state());
    assertEquals("n1-4", status.connection());
    assertEquals("n1", status.node());
    assertEquals("echo: timeout", status.detail());
    assertTrue(status.ts() > 0);
    assertEquals(status, Status.fromJson(status.toJson()));
  }
}
