package io.gamebus.bridge;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.NodeScript;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.gamebus.bridge.BridgeAuthTest.ASK;
import static io.gamebus.bridge.BridgeAuthTest.NEWS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official {@code @vertx/eventbus-bridge-client.js} (SockJS, in Node) authenticates with
 * {@code eb.defaultHeaders = {authorization: 'Bearer …'}} or with {@code ?token=} on the bridge URL,
 * and gets a refused token's err in its handler.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 90, timeUnit = TimeUnit.SECONDS)
class BridgeAuthNodeTest {

  @TempDir
  Path dir;
  BridgeAuthTest.Signer signer;
  String url;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    signer = new BridgeAuthTest.Signer(vertx, dir);
    GamebusNode node = GamebusNode.start(vertx, BridgeAuthTest.config(BridgeAuthTest.authConfig(signer.keyFile, false)))
      .await(10, TimeUnit.SECONDS);
    url = node.console().url() + "eventbus";
  }

  /** Publishes news until the script prints a MESSAGE (READY means the register was sent, not applied). */
  private static String publishUntilSeen(Vertx vertx, NodeScript script) throws InterruptedException {
    String message = null;
    for (int attempt = 0; attempt < 60 && message == null; attempt++) {
      vertx.eventBus().publish(NEWS, new JsonObject().put("type", "news").put("attempt", attempt));
      message = script.pollLine("MESSAGE", 250);
    }
    assertNotNull(message, script.transcript());
    return message;
  }

  @Test
  void defaultHeadersAuthenticateEveryFrameAndNeverReachTheBus(Vertx vertx) throws Exception {
    BlockingQueue<MultiMap> seen = new LinkedBlockingQueue<>();
    vertx.eventBus().<JsonObject>consumer(ASK, m -> {
      seen.add(m.headers());
      m.reply(new JsonObject().put("answer", m.body().getString("question") + "!"));
    }).completion().await(5, TimeUnit.SECONDS);
    try (NodeScript script = NodeScript.start("bridge-client.mjs", "--url", url, "--address", NEWS,
      "--expect-type", "news", "--send-address", ASK, "--send-body", "{\"question\":\"up\"}",
      "--header", "authorization=Bearer " + signer.token("bob", 60, "ops"), "--header", "x-page=dashboard")) {
      script.awaitLine("READY", 30);
      publishUntilSeen(vertx, script);
      String reply = script.awaitLine("REPLY", 10);
      assertEquals(new JsonObject().put("answer", "up!"), new JsonObject(reply.substring("REPLY ".length())), script.transcript());
      assertEquals(0, script.awaitExit(10), script.transcript());
    }
    MultiMap headers = seen.poll(5, TimeUnit.SECONDS);
    assertEquals("dashboard", headers.get("x-page"), "the page's other default headers reach the bus");
    assertNull(headers.get("authorization"), "the token stays at the bridge: " + headers);
  }

  @Test
  void aTokenInTheBridgeUrlAuthenticatesTheSockJsSession(Vertx vertx) throws Exception {
    try (NodeScript script = NodeScript.start("bridge-client.mjs", "--url", url + "?token=" + signer.token("bob", 60, "ops"),
      "--address", NEWS, "--expect-type", "news")) {
      script.awaitLine("READY", 30);
      publishUntilSeen(vertx, script);
      assertEquals(0, script.awaitExit(10), script.transcript());
    }
  }

  @Test
  void aForgedTokenReachesTheHandlerAsAnErr(Vertx vertx) throws Exception {
    String forged = BridgeAuthTest.Signer.sign(signer.stranger, "bob", 60, "ops");
    try (NodeScript script = NodeScript.start("bridge-client.mjs", "--url", url, "--address", NEWS,
      "--expect-type", "news", "--header", "authorization=Bearer " + forged)) {
      String error = script.awaitLine("ERROR", 30);
      assertTrue(error.startsWith("ERROR 401 AUTH_FAILED the token presented was refused: bad signature"), script.transcript());
      assertEquals(2, script.awaitExit(10), script.transcript());
    }
    try (NodeScript script = NodeScript.start("bridge-client.mjs", "--url", url + "?token=" + forged,
      "--address", NEWS, "--expect-type", "news")) {
      assertEquals("ERROR auth_failed", script.awaitLine("ERROR", 30), "a token refused at connect reaches onerror, after"
        + " SockJS's open frame: " + script.transcript());
    }
  }
}
