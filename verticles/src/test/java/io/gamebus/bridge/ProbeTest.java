package io.gamebus.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ProbeTest {

  @Test
  void replyToReply(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    io.vertx.core.Promise<String> last = io.vertx.core.Promise.promise();
    vertx.eventBus().consumer("test.ask", m -> m.replyAndRequest(new JsonObject().put("step", 2), new DeliveryOptions().addHeader("h", "v"))
      .onSuccess(r2 -> r2.replyAndRequest(new JsonObject().put("step", 4)).onSuccess(r3 -> last.complete(String.valueOf(r3.body())))));
    BridgeWs page = bridge.raw();
    page.send(new JsonObject().put("type", "send").put("address", "test.ask").put("replyAddress", "r1").put("body", new JsonObject().put("step", 1)));
    JsonObject f2 = page.next(5000);
    System.out.println("PROBE " + f2.encode());
    page.send(new JsonObject().put("type", "send").put("address", f2.getString("replyAddress")).put("replyAddress", "r2").put("body", new JsonObject().put("step", 3)));
    JsonObject f4 = page.next(5000);
    System.out.println("PROBE " + f4.encode());
    page.send(new JsonObject().put("type", "send").put("address", f4.getString("replyAddress")).put("body", new JsonObject().put("step", 5)));
    System.out.println("PROBE " + last.future().await(5, TimeUnit.SECONDS));
    // publish with headers from browser
    io.vertx.core.Promise<String> hdr = io.vertx.core.Promise.promise();
    vertx.eventBus().consumer("test.h", m -> hdr.complete(m.headers().toString()));
    page.send(new JsonObject().put("type", "publish").put("address", "test.h").put("headers", new JsonObject().put("a", "1").put("n", 2)).put("body", "x"));
    System.out.println("PROBE " + hdr.future().await(5, TimeUnit.SECONDS));
  }
}
