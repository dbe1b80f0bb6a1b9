package io.gamebus.bridge;

import io.gamebus.bus.Envelope;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
      new JsonObject(frame.text()));
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

  /** Netty's own decoder, as a browser-side peer of the wire form: every text frame in {@code wire}. */
  private static java.util.List<String> decodedByNetty(ByteBuf wire) {
    EmbeddedChannel peer = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 1 << 20));
    peer.writeInbound(wire);
    java.util.List<String> texts = new java.util.ArrayList<>();
    for (TextWebSocketFrame text = peer.readInbound(); text != null; text = peer.readInbound()) {
      assertTrue(text.isFinalFragment());
      texts.add(text.text());
      text.release();
    }
    peer.finishAndReleaseAll();
    return texts;
  }

  /** Lengths in 7 bits, in 7+16 and in 7+64 bits, both forms: whole text frames Netty's decoder reads back in order. */
  @Test
  void theWireFormsAppendedToOneBatchAreTheFramesNettysDecoderReadsBack() {
    ByteBuf batch = PooledByteBufAllocator.DEFAULT.directBuffer(16);
    java.util.List<String> expected = new java.util.ArrayList<>();
    for (int size : new int[] {10, 400, 70_000}) {
      OutFrame rec = OutFrame.rec(OutFrame.recPrefix("a.b"), null, null, "x".repeat(size));
      rec.appendWire(false, batch);
      rec.appendWire(true, batch);
      expected.add(rec.text());
      expected.add(rec.sockJs().toString(StandardCharsets.UTF_8));
    }
    assertEquals(expected, decodedByNetty(batch));
    assertEquals(0, batch.refCnt(), "the decoder took and released the batch");
  }
}
