package io.gamebus.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge's per-socket limits, each answered with a frame or close code that says which. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BridgeLimitsTest {

  private static JsonObject send(String address, String replyAddress, JsonObject body) {
    return new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress).put("body", body);
  }

  private static void assertErr(JsonObject frame, String code, String address) {
    assertEquals("err", frame.getString("type"), frame.encode());
    assertEquals(code, frame.getString("body"), frame.encode());
    assertEquals(address, frame.getString("address"), frame.encode());
  }

  @Test
  void bridgeRepliesAreLostAfter1000RegistrationsOnOneSocket(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    vertx.eventBus().<JsonObject>consumer("test.echo", m -> m.reply(m.body().copy().put("echoed", true)))
      .completion().await(5, TimeUnit.SECONDS);
    BridgeWs page = bridge.raw();
    int limit = io.gamebus.config.BridgeConfig.DEFAULT_MAX_REGISTRATIONS;
    for (int i = 0; i < 1200; i++) {
      page.register("test.r." + i);
    }
    List<JsonObject> answers = page.sync();
    assertEquals(1200 - limit, answers.size());
    for (int i = 0; i < answers.size(); i++) {
      assertErr(answers.get(i), "max_registrations_reached", "test.r." + (limit + i));
      assertTrue(answers.get(i).getString("message").contains("bridge.maxRegistrations"), answers.get(i).encode());
    }
    // Registering again where it already listens takes no more room; leaving makes room.
    page.register("test.r.0");
    page.send(new JsonObject().put("type", "unregister").put("address", "test.r.1"));
    page.register("test.r.new");
    assertEquals(List.of(), page.sync());

    page.send(send("test.echo", "reply-1", new JsonObject().put("n", 1)));
    JsonObject reply = page.next(5000);
    assertEquals("rec", reply.getString("type"), reply.encode());
    assertEquals("reply-1", reply.getString("address"));
    assertEquals(new JsonObject().put("n", 1).put("echoed", true), reply.getJsonObject("body"));
  }

  @Test
  void requestsPastMaxPendingRepliesAreRefusedToTheirReplyAddress(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("maxPendingReplies", 3));
    List<Message<JsonObject>> held = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer("test.slow", held::add).completion().await(5, TimeUnit.SECONDS);
    BridgeWs page = bridge.raw();
    for (int i = 1; i <= 4; i++) {
      page.send(send("test.slow", "reply-" + i, new JsonObject().put("n", i)));
    }
    JsonObject refused = page.next(5000);
    assertErr(refused, "max_pending_replies_reached", "reply-4");
    assertTrue(refused.getString("message").contains("bridge.maxPendingReplies"), refused.encode());
    assertEquals(3, held.size());
    held.forEach(m -> m.reply(new JsonObject().put("n", m.body().getInteger("n"))));
    for (int i = 1; i <= 3; i++) {
      JsonObject reply = page.next(5000);
      assertEquals("reply-" + i, reply.getString("address"), reply.encode());
      assertEquals(i, reply.getJsonObject("body").getInteger("n"));
    }
    // Answered requests free their places.
    page.send(send("test.slow", "reply-5", new JsonObject().put("n", 5)));
    assertEquals(List.of(), page.sync());
    // The page's sync round trip does not wait for the bus to deliver the fifth request to its consumer.
    io.gamebus.support.Eventually.value(() -> held.size() == 4 ? Boolean.TRUE : null, "the fifth request held");
  }

  @Test
  void aFrameOverMaxFrameBytesClosesWith1009AndIsCounted(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("maxFrameBytes", 1024));
    BridgeWs healthy = bridge.raw();
    BridgeWs big = bridge.raw();
    String id = bridge.connectionOf(big);
    big.ws.writeTextMessage(send("test.x", "r", new JsonObject().put("pad", "x".repeat(2000))).encode());
    Object[] close = big.awaitClose(5000);
    assertEquals((short) 1009, close[0]);
    assertTrue(String.valueOf(close[1]).contains("bridge.maxFrameBytes"), String.valueOf(close[1]));
    assertTrue(bridge.awaitStatus(BridgeHarness.state("bad-input", id), 5000).getString("detail").contains("1024"));
    assertEquals(List.of(), healthy.sync());
  }

  @Test
  void aFragmentedMessageOverMaxFrameBytesClosesWith1009(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("maxFrameBytes", 1024));
    BridgeWs big = bridge.raw();
    String id = bridge.connectionOf(big);
    big.ws.writeFrame(WebSocketFrame.textFrame("{\"type\":\"send\",\"pad\":\"" + "x".repeat(800), false));
    big.ws.writeFrame(WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer("x".repeat(800) + "\"}"), true));
    Object[] close = big.awaitClose(5000);
    assertEquals((short) 1009, close[0]);
    assertTrue(String.valueOf(close[1]).contains("bridge.maxFrameBytes"), String.valueOf(close[1]));
    bridge.awaitStatus(BridgeHarness.state("bad-input", id), 5000);
  }

  @Test
  void textThatIsNotUtf8ClosesWith1007(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    try (Socket socket = bridge.upgradedSocket("/eventbus/websocket")) {
      String id = bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(socket.getLocalPort(), "127.0.0.1"));
      // A masked text frame (zero key) of two bytes that are not UTF-8.
      socket.getOutputStream().write(new byte[] {(byte) 0x81, (byte) 0x82, 0, 0, 0, 0, (byte) 0xC3, 0x28});
      socket.setSoTimeout(5000);
      java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
      assertEquals(0x88, in.readUnsignedByte(), "a close frame");
      in.readUnsignedByte();
      assertEquals(1007, in.readUnsignedShort());
      bridge.awaitStatus(BridgeHarness.state("bad-input", id), 5000);
    }
  }

  @Test
  void invalidJsonIsAnsweredWithInvalidJsonAndTheSocketKept(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    BridgeWs page = bridge.raw();
    for (String bad : new String[] {"not json", "[1,2]", "{\"type\":"}) {
      page.ws.writeTextMessage(bad);
      assertErr(page.next(5000), "invalid_json", null);
    }
    page.register("test.feed");
    page.sync();
    bridge.publish("test.feed", 1);
    assertEquals(1, BridgeWs.seq(page.next(5000)));
  }

  @Test
  void aSilentSocketIsClosedWith1008AfterThePingTimeoutAndAPingingOneIsKept(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject().put("pingTimeoutMs", 1000));
    BridgeWs pinging = bridge.raw();
    long pings = vertx.setPeriodic(100, t -> pinging.send(new JsonObject().put("type", "ping")));
    BridgeWs silent = bridge.raw();
    Object[] close = silent.awaitClose(5000);
    assertEquals((short) 1008, close[0]);
    assertTrue(String.valueOf(close[1]).contains("bridge.pingTimeoutMs"), String.valueOf(close[1]));
    // Past the timeout again, the pinging socket is still there.
    BridgeWs silentToo = bridge.raw();
    silentToo.awaitClose(5000);
    assertFalse(pinging.closed.isDone());
    assertEquals(List.of(), pinging.sync());
    vertx.cancelTimer(pings);
  }

  @Test
  void anOrdinaryDisconnectIsADebugLineNotASevereStackTrace(Vertx vertx) throws Exception {
    BridgeHarness bridge = BridgeHarness.start(vertx, new JsonObject());
    try (LogWarnings warnings = new LogWarnings()) {
      List<Socket> sockets = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Socket socket = bridge.upgradedSocket(i % 2 == 0 ? "/eventbus/websocket" : "/eventbus/000/s" + i + "/websocket");
        String register = new JsonObject().put("type", "register").put("address", "test.feed").encode();
        socket.getOutputStream().write(BridgeHarness.maskedText(i % 2 == 0 ? register
          : new io.vertx.core.json.JsonArray().add(register).encode()));
        sockets.add(socket);
        ids.add(bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(socket.getLocalPort(), "127.0.0.1")));
      }
      // SockJS's streaming fallbacks too: each session ends when its request is cut.
      for (int i = 0; i < 10; i++) {
        Socket socket = new Socket("127.0.0.1", bridge.port);
        String transport = i % 2 == 0 ? "xhr_streaming" : "eventsource";
        socket.getOutputStream().write(((i % 2 == 0 ? "POST" : "GET") + " /eventbus/000/f" + i + "/" + transport
          + " HTTP/1.1\r\nHost: 127.0.0.1:" + bridge.port + "\r\nContent-Length: 0\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        sockets.add(socket);
        ids.add(bridge.connectionOf(io.vertx.core.net.SocketAddress.inetSocketAddress(socket.getLocalPort(), "127.0.0.1")));
      }
      BridgeWs healthy = bridge.raw();
      healthy.register("test.feed");
      healthy.sync();
      for (int seq = 1; seq <= 20; seq++) {
        bridge.publish("test.feed", seq);
      }
      // Abrupt: a TCP reset, no close frame, with messages still on their way.
      for (Socket socket : sockets) {
        socket.setSoLinger(true, 0);
        socket.close();
      }
      for (String id : ids) {
        // A SockJS session outlives its request by the session timeout (5 s), waiting for the next one.
        bridge.awaitStatus(BridgeHarness.state("connection-closed", id), 15_000);
      }
      for (int seq = 21; seq <= 40; seq++) {
        bridge.publish("test.feed", seq);
      }
      for (int seq = 1; seq <= 40; seq++) {
        assertEquals(seq, BridgeWs.seq(healthy.next(5000)));
      }
      assertEquals("", warnings.describe());
    }
  }
}
