package io.gamebus.red;

import io.gamebus.bus.Envelope;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Eventually;
import io.gamebus.support.ScriptedRedServer;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Red client role against a scripted Red server: calls, errors, limits and the link's life. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class RedClientEndpointTest {

  static final String TOPIC = "GUILD__JOINED";

  Vertx vertx;
  ScriptedRedServer red;
  GamebusNode client;
  final List<JsonObject> statuses = new CopyOnWriteArrayList<>();
  final List<Envelope> in = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    red = ScriptedRedServer.start(vertx, Set.of(TOPIC)).await(5, TimeUnit.SECONDS);
    vertx.eventBus().<JsonObject>consumer("gamebus.red.bot.status", m -> statuses.add(m.body()));
    vertx.eventBus().<Envelope>consumer("gamebus.red.bot.in", m -> in.add(m.body()));
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.stop().await(5, TimeUnit.SECONDS);
    }
    red.close().await(5, TimeUnit.SECONDS);
  }

  private void startClient(JsonObject options) throws Exception {
    startClient("ws://127.0.0.1:" + red.port() + "/", options);
    awaitState("connected", 1);
  }

  private void startClient(String url, JsonObject options) throws Exception {
    client = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redClient("bot", url, options)))
      .await(10, TimeUnit.SECONDS);
  }

  private List<JsonObject> states(String state) {
    return statuses.stream().filter(s -> state.equals(s.getString("state"))).toList();
  }

  private void awaitState(String state, int count) {
    Eventually.value(() -> states(state).size() >= count ? true : null, count + " × " + state + " in " + statuses);
  }

  private Future<JsonObject> call(JsonObject body) {
    return vertx.eventBus().<JsonObject>request("gamebus.red.bot.request", body,
      new DeliveryOptions().setSendTimeout(10_000)).map(m -> m.body());
  }

  private JsonObject request(String method, Object params) throws Exception {
    return call(body(method, params)).await(10, TimeUnit.SECONDS);
  }

  private static JsonObject body(String method, Object params) {
    JsonObject body = new JsonObject().put("method", method);
    return params == null ? body : body.put("params", params);
  }

  private static ReplyException failure(Future<?> call) {
    Exception e = assertThrows(Exception.class, () -> call.await(10, TimeUnit.SECONDS));
    return (ReplyException) (e instanceof ReplyException ? e : e.getCause());
  }

  @Test
  void aResultIsTheReplyAndAJsonRpcErrorFailsWithItsCodeMessageAndData() throws Exception {
    startClient(new JsonObject());
    JsonArray params = new JsonArray().add(1).add("two").add(new JsonObject().put("three", 3.5));
    assertEquals(new JsonObject().put("result", params), request("TEST__ECHO", params));
    JsonObject none = request("TEST__ECHO", null);
    assertTrue(none.containsKey("result") && none.getValue("result") == null, none.encode());
    assertEquals(new JsonObject().put("result", "scalar"), request("TEST__ECHO", "scalar"));

    ReplyException unknown = failure(call(body("get_methods", null)));
    assertEquals(-32601, unknown.failureCode());
    assertEquals("Method not found", unknown.getMessage());
    ReplyException custom = failure(call(body("TEST__FAIL", null)));
    assertEquals(-32000, custom.failureCode());
    assertEquals("Custom failure (data: {\"why\":\"scripted\"})", custom.getMessage());

    List<Object> ids = red.received().stream().map(r -> r.id()).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique: " + ids);
    Envelope echoed = Eventually.value(() -> in.stream().filter(e -> "TEST__FAIL".equals(e.type())).findFirst()
      .orElse(null), "the error frame on .in");
    assertEquals(-32000, echoed.body().getJsonObject("error").getInteger("code"));
    assertEquals("scripted", echoed.body().getJsonObject("error").getJsonObject("data").getString("why"));
  }

  @Test
  void repliesThatComeOutOfOrderAreMatchedById() throws Exception {
    startClient(new JsonObject());
    Future<JsonObject> first = call(body("TEST__HOLD", "first"));
    Future<JsonObject> second = call(body("TEST__HOLD", "second"));
    Eventually.value(() -> red.received("TEST__HOLD").size() == 2 ? true : null, "both calls at the server");
    red.release(); // newest first: "second" is answered before "first"
    assertEquals("second", second.await(10, TimeUnit.SECONDS).getString("result"));
    assertEquals("first", first.await(10, TimeUnit.SECONDS).getString("result"));
    assertEquals(0, states("bad-input").size(), statuses.toString());
  }

  @Test
  void aCallWithoutReplyTimesOutWith504AndItsLateReplyIsCountedAsBadInput() throws Exception {
    startClient(new JsonObject().put("requestTimeoutMs", 300));
    assertEquals(504, failure(call(body("TEST__HOLD", "late"))).failureCode());
    red.release();
    awaitState("bad-input", 1);
    assertTrue(states("bad-input").get(0).getString("detail").contains("no longer waits"), statuses.toString());
    assertEquals(new JsonObject().put("result", "after"), request("TEST__ECHO", "after"));
  }

  @Test
  void pastMaxInFlightRequestsFailAtOnceWith429() throws Exception {
    startClient(new JsonObject().put("maxInFlight", 2));
    Future<JsonObject> a = call(body("TEST__NEVER", null));
    Future<JsonObject> b = call(body("TEST__NEVER", null));
    Eventually.value(() -> red.received("TEST__NEVER").size() == 2 ? true : null, "two calls in flight");
    ReplyException busy = failure(call(body("TEST__ECHO", 1)));
    assertEquals(429, busy.failureCode());
    assertEquals(2, red.received("TEST__NEVER").size(), "the refused call was not sent");
    assertFalse(a.isComplete() || b.isComplete());
  }

  @Test
  void withoutAServerRequestsFailFastWith503() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    startClient("ws://127.0.0.1:" + closed + "/", new JsonObject());
    ReplyException down = failure(call(body("GET_METHODS", null)));
    assertEquals(503, down.failureCode());
    assertTrue(down.getMessage().startsWith("not_connected: red.bot is not connected to ws://127.0.0.1:" + closed),
      down.getMessage());
  }

  @Test
  void requestsPendingWhenTheLinkDropsFailWith503AndTheLinkComesBack() throws Exception {
    startClient(new JsonObject());
    Future<JsonObject> pending = call(body("TEST__NEVER", null));
    Eventually.value(() -> red.received("TEST__NEVER").size() == 1 ? true : null, "the call at the server");
    red.dropAll();
    assertEquals(503, failure(pending).failureCode());
    awaitState("connected", 2);
    assertEquals(new JsonObject().put("result", 2), request("TEST__ECHO", 2));
  }

  @Test
  void afterEachConnectTheMethodsArePublishedAndTheTopicsSubscribedBeforeTheLinkIsUp() throws Exception {
    startClient(new JsonObject().put("topics", new JsonArray().add(TOPIC)));
    red.restart().await(5, TimeUnit.SECONDS);
    awaitState("connected", 2);
    assertEquals(2, red.accepted());
    assertEquals(2, red.received("GET_METHODS").size());
    assertEquals(2, red.received("SUBSCRIBE").size());
    red.received("SUBSCRIBE").forEach(r -> assertEquals(new JsonArray().add(TOPIC), r.params()));
    List<String> order = statuses.stream().map(s -> s.getString("state"))
      .filter(s -> s.equals("methods") || s.equals("subscribed") || s.equals("connected")).toList();
    assertEquals(List.of("methods", "subscribed", "connected", "methods", "subscribed", "connected"), order);
    JsonObject methods = states("methods").get(1);
    assertEquals(new JsonArray(ScriptedRedServer.METHODS), methods.getJsonArray("methods"));
    assertEquals(ScriptedRedServer.METHODS.size() + " methods", methods.getString("detail"));
    assertEquals(new JsonArray().add(TOPIC), states("subscribed").get(1).getJsonArray("subscriptions"));
  }

  @Test
  void aServerThatRefusesGetMethodsNeverBringsTheLinkUp() throws Exception {
    red.refuseMethods(true);
    startClient("ws://127.0.0.1:" + red.port() + "/", new JsonObject());
    awaitState("reconnecting", 2);
    assertTrue(red.received("GET_METHODS").size() >= 2, "every attempt asks again");
    assertTrue(states("failed").get(0).getString("detail").contains("GET_METHODS answered -32601 Method not found"),
      statuses.toString());
    assertTrue(states("connected").isEmpty(), statuses.toString());
    assertEquals(503, failure(call(body("TEST__ECHO", 1))).failureCode());
    red.refuseMethods(false);
    awaitState("connected", 1);
    assertEquals(new JsonObject().put("result", 1), request("TEST__ECHO", 1));
  }

  @Test
  void notificationsOfSubscribedTopicsArePublishedWithTheTopicAsType() throws Exception {
    List<Envelope> narrow = new CopyOnWriteArrayList<>();
    vertx.eventBus().<Envelope>consumer("gamebus.red.bot.in." + TOPIC, m -> narrow.add(m.body()));
    startClient(new JsonObject().put("topics", new JsonArray().add(TOPIC).add("NOT_OFFERED")));
    JsonObject subscribed = states("subscribed").get(0);
    assertEquals("not offered by the server: NOT_OFFERED", subscribed.getString("detail"));
    assertEquals(new JsonArray().add(TOPIC), subscribed.getJsonArray("subscriptions"));

    red.notify(TOPIC, new JsonObject().put("guild", "g1"));
    Envelope event = Eventually.value(() -> narrow.isEmpty() ? null : narrow.get(0), "the notification");
    assertEquals(TOPIC, event.type());
    assertEquals("red", event.protocol());
    assertEquals("bot", event.endpoint());
    assertEquals(new JsonObject().put("guild", "g1"), event.body().getJsonObject("params"));
    assertEquals(TOPIC, event.body().getString("method"));
    assertNull(event.body().getValue("id"));
  }

  @Test
  void retainedStateSentOnSubscribeIsPublishedAfterEveryConnect() throws Exception {
    red.retain(TOPIC, new JsonObject().put("members", 42));
    startClient(new JsonObject().put("topics", new JsonArray().add(TOPIC)));
    red.restart().await(5, TimeUnit.SECONDS);
    awaitState("connected", 2);
    List<Envelope> seen = Eventually.value(() -> {
      List<Envelope> notified = in.stream().filter(e -> TOPIC.equals(e.type())).toList();
      return notified.size() >= 2 ? notified : null;
    }, "the retained state after each SUBSCRIBE");
    assertEquals(2, seen.size());
    seen.forEach(e -> assertEquals(42, e.body().getJsonObject("params").getInteger("members")));
    assertFalse(seen.get(0).connection().equals(seen.get(1).connection()), "one per connection");
  }

  @Test
  void framesThatAreNotRepliesToOurCallsAreCountedAsBadInputAndTheLinkStays() throws Exception {
    startClient(new JsonObject().put("topics", new JsonArray().add(TOPIC)));
    red.sendText("not json");
    red.sendText("[1, 2]");
    red.sendText("{\"jsonrpc\": \"1.0\", \"id\": 1, \"result\": 1}");
    red.sendText("{\"jsonrpc\": \"2.0\", \"id\": 999999, \"result\": 1}");
    red.sendText("{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Invalid JSON was received\"}}");
    red.sendText("{\"jsonrpc\": \"2.0\", \"method\": \"CALL_BACK\", \"id\": 7, \"params\": []}");
    red.sendBinary(io.vertx.core.buffer.Buffer.buffer("{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": 1}"));
    red.notify(TOPIC, "marker");
    Eventually.value(() -> in.stream().anyMatch(e -> TOPIC.equals(e.type())) ? true : null, "the marker");
    awaitState("bad-input", 7);
    List<String> details = states("bad-input").stream().map(s -> s.getString("detail")).toList();
    assertEquals(7, details.size(), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("NOT_JSON")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("NOT_OBJECT")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("NOT_JSON_RPC")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("never sent")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("without an id")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("CALL_BACK")), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.contains("binary")), details.toString());
    JsonObject listing = vertx.eventBus().<JsonObject>request("gamebus.endpoints", new JsonObject())
      .await(5, TimeUnit.SECONDS).body();
    assertTrue(listing.encode().contains("\"badInput\":7"), listing.encode());
    assertEquals(1, red.accepted(), "the link stayed up");
    assertEquals(new JsonObject().put("result", 3), request("TEST__ECHO", 3));
  }

  @Test
  void messagesOfMegabytesTravelBothWaysUpToRedsLimit() throws Exception {
    startClient(new JsonObject());
    String big = "é".repeat(500_000); // 3,000,000 bytes once Red's encoding escapes it as \u00e9
    assertEquals(new JsonObject().put("result", big), request("TEST__ECHO", big));
  }

  @Test
  void aFramePastMaxMessageBytesDropsTheLinkFailsWhatWaitsAndTheLinkComesBack() throws Exception {
    startClient(new JsonObject());
    Future<JsonObject> pending = call(body("TEST__NEVER", null));
    Eventually.value(() -> red.received("TEST__NEVER").size() == 1 ? true : null, "the call at the server");
    red.sendText("{\"jsonrpc\": \"2.0\", \"method\": \"T\", \"params\": \"" + "x".repeat(4 * 1024 * 1024) + "\"}");
    assertEquals(503, failure(pending).failureCode());
    awaitState("connected", 2);
    assertTrue(in.stream().noneMatch(e -> "T".equals(e.type())), "the oversize frame was not published");
    assertTrue(states("bad-input").stream().anyMatch(s -> s.getString("detail").contains("link closed with 1009")),
      statuses.toString());
    assertEquals(List.of((short) 1009), red.closeStatuses());
    assertEquals(new JsonObject().put("result", 4), request("TEST__ECHO", 4));
  }

  @Test
  void onStopPendingRequestsFailWith503AndTheSocketClosesWith1000() throws Exception {
    startClient(new JsonObject());
    Future<JsonObject> pending = call(body("TEST__NEVER", null));
    Eventually.value(() -> red.received("TEST__NEVER").size() == 1 ? true : null, "the call at the server");
    client.stop().await(5, TimeUnit.SECONDS);
    client = null;
    assertEquals(503, failure(pending).failureCode());
    Eventually.value(() -> red.closeStatuses().isEmpty() ? null : true, "the close at the server");
    assertEquals(List.of((short) 1000), red.closeStatuses());
  }

  @Test
  void outIsRefusedAndMalformedOrOversizedRequestsAreRefusedBeforeSending() throws Exception {
    startClient("ws://127.0.0.1:" + red.port() + "/", new JsonObject());
    awaitState("connected", 1);
    ReplyException out = failure(vertx.eventBus().request("gamebus.red.bot.out", body("TEST__ECHO", 1)));
    assertEquals(400, out.failureCode());
    assertTrue(out.getMessage().contains("gamebus.red.bot.request"), out.getMessage());
    assertEquals(400, failure(call(new JsonObject().put("method", "TEST__ECHO").put("args", new JsonArray())))
      .failureCode());
    assertEquals(400, failure(call(new JsonObject().put("params", new JsonArray()))).failureCode());
    assertEquals(400, failure(call(new JsonObject().put("method", 5))).failureCode());
    int before = red.received().size();
    assertEquals(413, failure(call(body("TEST__ECHO", "x".repeat(4 * 1024 * 1024)))).failureCode());
    assertEquals(before, red.received().size(), "nothing was sent");
  }
}
