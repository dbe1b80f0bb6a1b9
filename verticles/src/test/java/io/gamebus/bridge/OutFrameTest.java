package io.gamebus.bridge;

import io.gamebus.bus.Envelope;
import io.netty.buffer.ByteBuf;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One rec frame, encoded once, in the forms each transport writes. */
class OutFrameTest {

  private final Envelope envelope = new Envelope("faf", "lobby", "c1", "chat", 7, 1,
    new JsonObject().put("text", "héllo \"wörld\" \u2603 \n end"));

  private final OutFrame frame = OutFrame.rec(OutFrame.recPrefix("gamebus.faf.lobby.in"),
    MultiMap.caseInsensitiveMultiMap().add("a", "1").add("b", "2").add("b", "3"), null, envelope);

  @Test
  void theJsonIsTheStockBridgesRecFrame() {
    assertEquals(new JsonObject().put("type", "rec").put("address", "gamebus.faf.lobby.in")
        .put("headers", new JsonObject().put("a", "1").put("b", new JsonArray().add("2").add("3")))
        .put("body", envelope.toJson()),
      new JsonObject(frame.json().toString(StandardCharsets.UTF_8)));
  }

  @Test
  void theSockJsFormIsOneMessageFrameOfTheSameTextExactlySized() {
    ByteBuf sockJs = frame.sockJs();
    String text = sockJs.toString(StandardCharsets.UTF_8);
    assertEquals('a', text.charAt(0));
    assertEquals(new JsonArray().add(frame.text()), new JsonArray(text.substring(1)));
    assertEquals(sockJs.readableBytes(), sockJs.capacity(), "no slack kept with the frame in history");
  }

  /** A byte[] body (it has a default bus codec) was written as "[B@1b2c3d", not base64 as the stock bridge writes it. */
  @Test
  void aByteArrayBodyIsBase64AsTheStockBridgeWritesIt() {
    byte[] bytes = {1, 2, 3, (byte) 0xff};
    OutFrame rec = OutFrame.rec(OutFrame.recPrefix("a.b"), null, null, bytes);
    assertEquals(new JsonObject().put("type", "rec").put("address", "a.b").put("body", bytes).encode(), rec.text());
  }
}
