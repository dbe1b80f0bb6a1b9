package io.gamebus.bridge;

import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.gamebus.bridge.BridgeAuthTest.NEWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A SockJS fallback session (xhr-streaming, spoken by hand as sockjs-client does) authenticates
 * with the {@code ?token=} it carries on every request of the session, and the token reaches no
 * status event.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BridgeAuthFallbackTest {

  @TempDir
  Path dir;
  /** Held in a field: Vert.x closes the connections of a client that was garbage-collected. */
  HttpClient http;

  @Test
  void anXhrStreamingSessionIsAuthenticatedByItsQueryToken(Vertx vertx) throws Exception {
    BridgeAuthTest.Signer signer = new BridgeAuthTest.Signer(vertx, dir);
    int port = GamebusNode.start(vertx, BridgeAuthTest.config(BridgeAuthTest.authConfig(signer.keyFile, false)))
      .await(10, TimeUnit.SECONDS).console().actualPort();
    List<String> statuses = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer("gamebus.bridge.console.status", m -> statuses.add(m.body().encode()))
      .completion().await(5, TimeUnit.SECONDS);
    String token = signer.token("bob", 60, "ops");
    String session = "/eventbus/000/s" + System.nanoTime();
    http = vertx.createHttpClient();

    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    StringBuilder pending = new StringBuilder();
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(session + "/xhr_streaming?token=" + token))
      .compose(request -> request.send())
      .onSuccess(response -> response.handler(chunk -> {
        pending.append(chunk.toString(StandardCharsets.UTF_8));
        for (int end = pending.indexOf("\n"); end >= 0; end = pending.indexOf("\n")) {
          String line = pending.substring(0, end);
          pending.delete(0, end + 1);
          if (line.startsWith("a[")) {
            new JsonArray(line.substring(1)).forEach(frame -> frames.add(new JsonObject((String) frame)));
          }
        }
      }))
      .await(10, TimeUnit.SECONDS);

    String register = new JsonObject().put("type", "register").put("address", NEWS).encode();
    int sent = http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(session + "/xhr_send?token=" + token))
      .compose(request -> request.send(Buffer.buffer(new JsonArray().add(register).encode())))
      .map(response -> response.statusCode())
      .await(10, TimeUnit.SECONDS);
    assertEquals(204, sent);

    JsonObject news = null;
    for (int attempt = 0; attempt < 50 && news == null; attempt++) {
      vertx.eventBus().publish(NEWS, new JsonObject().put("attempt", attempt));
      news = frames.poll(200, TimeUnit.MILLISECONDS);
    }
    assertNotNull(news, "nothing arrived on " + NEWS);
    assertEquals("rec", news.getString("type"), "the role's address is readable: " + news.encode());
    assertEquals(NEWS, news.getString("address"));
    assertFalse(statuses.isEmpty(), "the session was announced");
    statuses.forEach(status -> assertFalse(status.contains(token), "a status event carries the token: " + status));
  }
}
