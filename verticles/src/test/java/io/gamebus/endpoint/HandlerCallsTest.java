package io.gamebus.endpoint;

import io.gamebus.bus.BusError;
import io.gamebus.bus.Status;
import io.gamebus.bus.StatusEvent;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every outcome of a handler call, on the bus alone (no sockets). */
@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class HandlerCallsTest {

  Vertx vertx;
  EndpointBus bus;
  HandlerCalls calls;
  List<Status> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    this.vertx = vertx;
    bus = new EndpointBus(vertx, "gamebus", "dfhack", "calls", "n1");
    calls = new HandlerCalls(bus);
    vertx.eventBus().<JsonObject>consumer(bus.addresses().status(), m -> {
      Status status = Status.fromJson(m.body());
      if (status.event() == StatusEvent.HANDLER_FAILED) {
        failures.add(status);
      }
    }).completion().await(5, TimeUnit.SECONDS);
  }

  private HandlerCalls.Outcome<JsonObject> ask(String name) throws Exception {
    return calls.ask("n1-1", name, new JsonObject().put("q", 1), 300).await(5, TimeUnit.SECONDS);
  }

  private void handle(String name, java.util.function.Function<JsonObject, Future<JsonObject>> handler) throws Exception {
    new HandlerRegistry(vertx).handle(bus.addresses(), name, new JsonObject(), handler).await(5, TimeUnit.SECONDS);
  }

  /** The failure event of the last failed call, once it has been delivered. */
  private Status failureEvent() throws Exception {
    Promise<Status> seen = Promise.promise();
    vertx.setPeriodic(5, t -> {
      if (!failures.isEmpty()) {
        vertx.cancelTimer(t);
        seen.tryComplete(failures.get(0));
      }
    });
    return seen.future().await(5, TimeUnit.SECONDS);
  }

  @Test
  void answered() throws Exception {
    handle("echo", call -> Future.succeededFuture(new JsonObject().put("got", call.getInteger("q"))));
    HandlerCalls.Outcome<JsonObject> outcome = ask("echo");
    assertEquals(new HandlerCalls.Answered<>(new JsonObject().put("got", 1)), outcome);
    assertTrue(failures.isEmpty());
  }

  @Test
  void noHandler() throws Exception {
    assertInstanceOf(HandlerCalls.NoHandler.class, ask("nobody"));
  }

  @Test
  void refusedWithTheHandlersCodeAndText() throws Exception {
    vertx.eventBus().<JsonObject>consumer(bus.addresses().handle("ban"), m -> m.fail(3, "you are banned"))
      .completion().await(5, TimeUnit.SECONDS);
    assertEquals(new HandlerCalls.Refused<>(3, "you are banned"), ask("ban"));
    assertTrue(failures.isEmpty(), "a refusal is the handler's answer, not a failure");
  }

  @Test
  void aHandlerThatThrowsIsRefusedWithCodeOne() throws Exception {
    handle("boom", call -> {
      throw new IllegalStateException("broke");
    });
    assertEquals(new HandlerCalls.Refused<>(HandlerRegistry.DEFAULT_FAILURE_CODE, "broke"), ask("boom"));
  }

  @Test
  void timedOutPublishesHandlerFailedOnce() throws Exception {
    vertx.eventBus().<JsonObject>consumer(bus.addresses().handle("silent"), m -> { })
      .completion().await(5, TimeUnit.SECONDS);
    HandlerCalls.Outcome<JsonObject> outcome = ask("silent");
    assertEquals(BusError.TIMEOUT, ((HandlerCalls.Failed<JsonObject>) outcome).error());
    Status event = failureEvent();
    assertEquals("n1-1", event.connection());
    assertTrue(event.detail().startsWith("silent: timeout"), event.detail());
    // A later, successful call adds no event: the one failure was announced exactly once.
    handle("echo", call -> Future.succeededFuture(new JsonObject()));
    ask("echo");
    assertEquals(1, failures.size());
  }

  @Test
  void aReplyThatIsNotAnObjectIsABadReply() throws Exception {
    vertx.eventBus().consumer(bus.addresses().handle("text"), m -> m.reply("plain text"))
      .completion().await(5, TimeUnit.SECONDS);
    HandlerCalls.Outcome<JsonObject> outcome = ask("text");
    assertEquals(new HandlerCalls.Failed<>(BusError.BAD_REPLY, "reply is not a JSON object"), outcome);
    assertEquals(StatusEvent.HANDLER_FAILED, failureEvent().event());
  }

  @Test
  void aReplyTheReaderRefusesIsABadReply() throws Exception {
    handle("odd", call -> Future.succeededFuture(new JsonObject().put("messages", "not a list")));
    HandlerCalls.Outcome<Integer> outcome = calls.<Integer>ask("n1-1", "odd", new JsonObject(), 300, reply -> {
      throw new IllegalArgumentException("no messages array");
    }).await(5, TimeUnit.SECONDS);
    assertEquals(new HandlerCalls.Failed<>(BusError.BAD_REPLY, "reply is invalid: no messages array"), outcome);
  }
}
