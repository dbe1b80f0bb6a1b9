package io.gamebus.bridge;

import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Origin guard stands in front of every SockJS transport, not only the WebSockets: a page of
 * another site (or a sandboxed one, {@code Origin: null}) gets 403 from {@code /info}, each
 * fallback and both WebSockets; the console's own origin and non-browsers (no Origin) get through.
 * The script-based transports ({@code jsonp}, {@code htmlfile}, the iframe page) and transports
 * turned off in {@code bridge.transports} are not there at all (404).
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BridgeTransportGuardTest {

  private static final List<String> FOREIGN = List.of("http://evil.example", "null");

  /** Kept in fields: Vert.x closes the connections of a client that was garbage-collected. */
  private HttpClient http;
  private WebSocketClient webSockets;
  private Vertx vertx;
  private int port;

  private void start(Vertx vertx, JsonObject bridge) throws Exception {
    this.vertx = vertx;
    GamebusNode node = GamebusNode.start(vertx, BridgeTransportsTest.config(bridge)).await(10, TimeUnit.SECONDS);
    port = node.console().actualPort();
    // No keep-alive: vertx-web closes the connection after each polling answer without saying so,
    // and a request pooled onto it would fail.
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
    webSockets = vertx.createWebSocketClient();
  }

  /** A status and the body; a streaming transport that opened (200) is cut after its head. */
  record Answer(int status, String body) {
  }

  private Answer call(HttpMethod method, String uri, String origin, String body) throws Exception {
    boolean streaming = uri.endsWith("/xhr_streaming") || uri.endsWith("/eventsource");
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri);
    if (origin != null) {
      options.putHeader("Origin", origin);
    }
    Promise<Answer> answer = Promise.promise();
    // The whole chain on the event loop: read later, a body may already be gone.
    vertx.getOrCreateContext().runOnContext(v -> http.request(options)
      .compose(request -> (body == null ? request.send() : request.send(body)).compose(response -> {
        if (streaming && response.statusCode() == 200) {
          response.exceptionHandler(e -> { /* the reset below, ours */ });
          request.reset();
          return Future.succeededFuture(new Answer(200, ""));
        }
        return response.body().map(b -> new Answer(response.statusCode(), b.toString()));
      }))
      .onComplete(answer));
    try {
      return answer.future().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + uri + " with Origin " + origin + ": " + e, e);
    }
  }

  /** 101 when the upgrade was accepted, else the status it was refused with. */
  private int upgrade(String uri, String origin) throws Exception {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return webSockets.connect(options)
      .compose(ws -> ws.close().map(101))
      .recover(e -> e instanceof UpgradeRejectedException rejected
        ? Future.succeededFuture(rejected.getStatus()) : Future.failedFuture(e))
      .await(10, TimeUnit.SECONDS);
  }

  private static String session() {
    return "/eventbus/" + (100 + (int) (Math.random() * 900)) + "/" + UUID.randomUUID().toString().replace("-", "");
  }

  /** Every way into the bridge, each on a fresh session, with the status it answered. */
  private Map<String, Integer> everyTransport(String origin) throws Exception {
    Map<String, Integer> statuses = new LinkedHashMap<>();
    statuses.put("info", call(HttpMethod.GET, "/eventbus/info", origin, null).status());
    statuses.put("xhr_streaming", call(HttpMethod.POST, session() + "/xhr_streaming", origin, null).status());
    statuses.put("xhr", call(HttpMethod.POST, session() + "/xhr", origin, null).status());
    // A send needs a session that exists, opened by a non-browser so only the send is judged.
    String polling = session();
    assertEquals("o\n", call(HttpMethod.POST, polling + "/xhr", null, null).body(), "a polling session opened");
    statuses.put("xhr_send", call(HttpMethod.POST, polling + "/xhr_send", origin,
      new JsonArray().add(new JsonObject().put("type", "ping").encode()).encode()).status());
    statuses.put("eventsource", call(HttpMethod.GET, session() + "/eventsource", origin, null).status());
    statuses.put("sockjs websocket", upgrade(session() + "/websocket", origin));
    statuses.put("raw websocket", upgrade("/eventbus/websocket", origin));
    return statuses;
  }

  @Test
  void otherSitesAreRefusedOnEveryTransport(Vertx vertx) throws Exception {
    start(vertx, new JsonObject());
    for (String origin : FOREIGN) {
      Map<String, Integer> statuses = everyTransport(origin);
      statuses.forEach((transport, status) -> assertEquals(403, status, transport + " with Origin " + origin));
      assertEquals(7, statuses.size());
    }
    Answer refused = call(HttpMethod.POST, session() + "/xhr_streaming", "http://evil.example", null);
    assertEquals("origin not allowed\n", refused.body(), "the refusal says why");
  }

  @Test
  void theConsolesOwnOriginsAndNonBrowsersPassOnEveryTransport(Vertx vertx) throws Exception {
    start(vertx, new JsonObject());
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("info", 200);
    expected.put("xhr_streaming", 200);
    expected.put("xhr", 200);
    expected.put("xhr_send", 204);
    expected.put("eventsource", 200);
    expected.put("sockjs websocket", 101);
    expected.put("raw websocket", 101);
    for (String origin : new String[] {"http://127.0.0.1:" + port, "http://localhost:" + port, null}) {
      assertEquals(expected, everyTransport(origin), "Origin " + origin);
    }
  }

  @Test
  void scriptTransportsAndTheIframePageAreNotServed(Vertx vertx) throws Exception {
    start(vertx, new JsonObject());
    String own = "http://127.0.0.1:" + port;
    assertEquals(404, call(HttpMethod.GET, session() + "/jsonp?c=callback", own, null).status());
    assertEquals(404, call(HttpMethod.POST, session() + "/jsonp_send", own, "d=%5B%22x%22%5D").status());
    assertEquals(404, call(HttpMethod.GET, session() + "/htmlfile?c=callback", own, null).status());
    assertEquals(404, call(HttpMethod.GET, "/eventbus/iframe.html", own, null).status());
    assertEquals(404, call(HttpMethod.GET, "/eventbus/iframe-abc.html", null, null).status());
  }

  @Test
  void transportsTurnedOffAreNotServedAndWebSocketStaysOn(Vertx vertx) throws Exception {
    start(vertx, new JsonObject().put("transports", new JsonArray().add("websocket")));
    String own = "http://127.0.0.1:" + port;
    JsonObject info = new JsonObject(call(HttpMethod.GET, "/eventbus/info", own, null).body());
    assertTrue(info.getBoolean("websocket"), info.encode());
    assertEquals(404, call(HttpMethod.POST, session() + "/xhr_streaming", own, null).status());
    assertEquals(404, call(HttpMethod.POST, session() + "/xhr", own, null).status());
    assertEquals(404, call(HttpMethod.GET, session() + "/eventsource", own, null).status());
    assertEquals(101, upgrade(session() + "/websocket", own));
    assertEquals(101, upgrade("/eventbus/websocket", own));
  }

  @Test
  void eachFallbackIsTurnedOffOnItsOwn(Vertx vertx) throws Exception {
    // xhr-streaming and xhr-polling are one transport to vertx-web; gamebus tells them apart
    start(vertx, new JsonObject().put("transports", new JsonArray().add("websocket").add("xhr-polling")));
    String own = "http://127.0.0.1:" + port;
    assertEquals(404, call(HttpMethod.POST, session() + "/xhr_streaming", own, null).status());
    assertEquals(404, call(HttpMethod.GET, session() + "/eventsource", own, null).status());
    String polling = session();
    assertEquals("o\n", call(HttpMethod.POST, polling + "/xhr", own, null).body());
    assertEquals(204, call(HttpMethod.POST, polling + "/xhr_send", own, "[\"{\\\"type\\\":\\\"ping\\\"}\"]").status());
  }
}
