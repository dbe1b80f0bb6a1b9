package io.gamebus.modrinth;

import io.gamebus.bus.Envelope;
import io.gamebus.support.ModrinthBus;
import io.gamebus.support.ModrinthNode;
import io.gamebus.support.ModrinthTestClient;
import io.gamebus.support.ModrinthTestClient.Socket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile raw client of the socket: binary frames, garbage, JSON that is not an event, frames
 * and messages past the limits, more sockets than allowed. Each is counted as bad input, and the
 * other sockets (and, where it stays open, the hostile one) go on working.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ModrinthServerHostileTest {

  static final String TOKEN = ModrinthNode.API_TOKEN;
  static final int MAX_FRAME = 1024;
  static final int MAX_MESSAGE = 4096;
  static final JsonObject PING = new JsonObject().put("event", "custom-ping");

  @TempDir
  Path dir;
  ModrinthNode node;
  ModrinthTestClient client;
  ModrinthBus bus;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ModrinthNode.start(vertx, dir, new JsonObject(), new JsonObject().put("maxFrameBytes", MAX_FRAME)
      .put("maxMessageBytes", MAX_MESSAGE).put("maxConnections", 3), true).await(10, TimeUnit.SECONDS);
    client = new ModrinthTestClient(vertx, node.port());
    bus = ModrinthBus.listen(vertx).await(5, TimeUnit.SECONDS);
  }

  /** Two authenticated sockets: the hostile one (first) and a bystander, with their connection ids. */
  Future<List<Object>> pair() {
    return client.authenticated("alpha", TOKEN).compose(hostile -> bus.authenticated(0)
      .compose(hostileId -> client.authenticated("alpha", TOKEN).compose(bystander -> bus.authenticated(1)
        .map(bystanderId -> List.<Object>of(hostile, hostileId, bystander, bystanderId)))));
  }

  /** Pushes {@link #PING} to one connection and returns the next frame that socket reads. */
  Future<JsonObject> ping(Socket socket, String connection) {
    return bus.out(PING, "connection", connection).compose(written -> socket.next());
  }

  @Test
  void binaryFramesGarbageAndNonEventsAreCountedUnansweredAndTheSocketStays(Vertx vertx, VertxTestContext test) {
    pair().compose(p -> {
      Socket hostile = (Socket) p.get(0);
      hostile.sendBinary(Buffer.buffer("{\"event\":\"command\",\"cmd\":\"list\"}"))
        .sendText("not json")
        .sendText("")
        .sendText("[\"event\",\"command\"]")
        .sendText("{\"cmd\":\"list\"}")
        .sendText("{\"event\":5}")
        .sendText("{\"event\":\"command\",\"cmd\":5}")
        .sendText("{\"event\":\"command\",\"cmd\":\"list\"} trailing");
      // Once all eight were counted, the pushes go out: had any of them been answered, that answer would come first.
      return io.gamebus.support.Eventually.until(vertx, 20, () -> Future.succeededFuture(node.badInput() >= 8))
        .compose(counted -> ping(hostile, (String) p.get(1)))
        .compose(first -> ping((Socket) p.get(2), (String) p.get(3)).map(second -> List.of(first, second)));
    }).onComplete(test.succeeding(frames -> test.verify(() -> {
      assertEquals(List.of(PING, PING), frames);
      assertEquals(8L, node.badInput());
      test.completeNow();
    })));
  }

  @Test
  void garbageBeforeAuthIsCountedUnansweredAndAuthStillWorks(Vertx vertx, VertxTestContext test) {
    client.grant("alpha", TOKEN).compose(grant -> client.open(grant.url()).compose(socket -> {
      socket.sendBinary(Buffer.buffer(new byte[] {0, 1, 2})).sendText("{oops").sendText("{\"jwt\":\"x\"}")
        .sendText("{\"event\":\"auth\"}").sendText("{\"event\":\"auth\",\"jwt\":42}");
      return socket.auth(grant.token()).map(answer -> answer.encode() + " " + socket.events());
    })).onComplete(test.succeeding(result -> test.verify(() -> {
      assertEquals("{\"event\":\"auth-ok\"} [auth-ok]", result);
      assertEquals(5L, node.badInput());
      test.completeNow();
    })));
  }

  @Test
  void aFramePastMaxFrameBytesClosesWith1009CountedOnceAndOthersGoOn(Vertx vertx, VertxTestContext test) {
    String big = new JsonObject().put("event", "command").put("cmd", "x".repeat(2 * MAX_FRAME)).encode();
    pair().compose(p -> {
      Socket hostile = (Socket) p.get(0);
      hostile.sendText(big); // one frame: the client's frame size is far larger
      return hostile.closed().compose(code -> ping((Socket) p.get(2), (String) p.get(3))
        .compose(pinged -> bus.out(PING, "connection", (String) p.get(1))
          .map(gone -> code + " " + pinged.encode() + " " + gone.getInteger("failure"))));
    }).onComplete(test.succeeding(result -> test.verify(() -> {
      assertEquals("1009 {\"event\":\"custom-ping\"} 404", result,
        "closed with 1009 (message too big) and gone from the table; the bystander unaffected");
      assertEquals(1L, node.badInput());
      assertEquals(1L, bus.statuses().stream().filter(s -> "bad-input".equals(s.getString("state"))).count());
      test.completeNow();
    })));
  }

  @Test
  void aMessageInFragmentsIsAcceptedUpToMaxMessageBytesAndClosedWith1009Past(Vertx vertx, VertxTestContext test) {
    String cmd = "y".repeat(MAX_MESSAGE - 100);
    String fits = new JsonObject().put("event", "command").put("cmd", cmd).encode();
    List<String> published = new ArrayList<>();
    Promise<Void> fitsPublished = Promise.promise();
    Promise<Void> afterPublished = Promise.promise();
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in.command"), m -> {
      String got = m.body().body().getString("cmd");
      published.add(got.length() > 20 ? got.length() + " bytes" : got);
      (published.size() == 1 ? fitsPublished : afterPublished).tryComplete();
    }).completion().compose(v -> pair()).compose(p -> {
      Socket hostile = (Socket) p.get(0);
      Socket bystander = (Socket) p.get(2);
      fragments(hostile, fits);
      return fitsPublished.future().compose(v -> {
        // Past the limit in the middle of a message, followed by fragments that would read as a
        // message of their own: the socket is closed at the limit, so they are never taken.
        Buffer padding = Buffer.buffer("x".repeat(MAX_FRAME - 24));
        hostile.webSocket().writeFrame(WebSocketFrame.textFrame(padding.toString(), false));
        for (int i = 0; i < 5; i++) {
          hostile.webSocket().writeFrame(WebSocketFrame.continuationFrame(padding, false));
        }
        hostile.webSocket().writeFrame(WebSocketFrame.continuationFrame(
          new JsonObject().put("event", "command").put("cmd", "smuggled").toBuffer(), true));
        return hostile.closed();
      }).compose(code -> {
        bystander.send(new JsonObject().put("event", "command").put("cmd", "after"));
        return afterPublished.future().compose(v -> ping(bystander, (String) p.get(3)))
          .map(pinged -> code + " " + pinged.encode());
      });
    }).onComplete(test.succeeding(result -> test.verify(() -> {
      assertEquals("1009 {\"event\":\"custom-ping\"}", result);
      assertEquals(List.of((MAX_MESSAGE - 100) + " bytes", "after"), published);
      assertEquals(1L, node.badInput());
      test.completeNow();
    })));
  }

  /** Writes one text message as frames of less than {@link #MAX_FRAME} bytes each. */
  static void fragments(Socket socket, String text) {
    Buffer all = Buffer.buffer(text);
    int step = MAX_FRAME - 24;
    for (int from = 0; from < all.length(); from += step) {
      Buffer part = all.getBuffer(from, Math.min(all.length(), from + step));
      boolean last = from + step >= all.length();
      socket.webSocket().writeFrame(from == 0 ? WebSocketFrame.textFrame(part.toString(), last)
        : WebSocketFrame.continuationFrame(part, last));
    }
  }

  /** Past maxConnections a connection is closed at accept, before it can send an upgrade. */
  @Test
  void socketsPastMaxConnectionsAreRefused(Vertx vertx, VertxTestContext test) {
    String url = "ws://127.0.0.1:" + node.port() + "/ws?server=alpha";
    client.open(url).compose(a -> client.open(url).compose(b -> client.open(url)
      .compose(c -> client.open(url).transform(fourth -> c.close().map(fourth.succeeded())))))
      .compose(accepted -> bus.status("connection-closed", null).map(closed -> accepted))
      .compose(accepted -> client.open(url).map(again -> accepted))
      .onComplete(test.succeeding(accepted -> test.verify(() -> {
        assertFalse(accepted, "a fourth socket past maxConnections 3");
        assertEquals(1L, node.endpoint().bus().metrics().toJson().getLong("connectionsRefused"));
        test.completeNow();
      })));
  }

  @Test
  void aSocketPastMaxMessagesPerSecondIsClosedAndCountedOnce(Vertx vertx, VertxTestContext test, @TempDir Path other)
    throws Exception {
    node.node().stop().await(5, TimeUnit.SECONDS); // one endpoint of this name at a time
    ModrinthNode limited = ModrinthNode.start(vertx, other, new JsonObject(),
      new JsonObject().put("maxMessagesPerSecond", 5), true).await(10, TimeUnit.SECONDS);
    ModrinthTestClient flooder = new ModrinthTestClient(vertx, limited.port());
    int sent = 12; // more than two windows can admit; few enough that the close handshake is not queued behind them
    List<String> published = new ArrayList<>();
    Promise<Void> marker = Promise.promise();
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in.command"), m -> {
      String cmd = m.body().body().getString("cmd");
      if ("marker".equals(cmd)) {
        marker.tryComplete();
      } else {
        published.add(cmd);
      }
    }).completion()
      .compose(v -> flooder.authenticated("alpha", TOKEN))
      .compose(socket -> {
        for (int i = 0; i < sent; i++) {
          socket.send(new JsonObject().put("event", "command").put("cmd", "spam " + i));
        }
        return socket.closed();
      })
      // Published after the flood on the same event loop: once it arrived, every spam published did too.
      .compose(code -> flooder.authenticated("alpha", TOKEN).compose(calm -> {
        calm.send(new JsonObject().put("event", "command").put("cmd", "marker"));
        return marker.future().map(code);
      }))
      .onComplete(test.succeeding(code -> test.verify(() -> {
        assertEquals((short) 1008, code, "policy violation, not a normal close (which would stop the official client for good)");
        assertEquals(1L, limited.badInput());
        // auth and 4 commands fit in the first one-second window; a second window admits 5 more at most.
        assertTrue(published.size() >= 4 && published.size() <= 9, published.size() + " of " + sent + " published");
        test.completeNow();
      })));
  }
}
