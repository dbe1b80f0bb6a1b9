package io.gamebus.red;

import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.RedRawClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A raw, hostile client of the Red server role, frame by frame: every reply is compared byte for
 * byte with what Red's server writes; close frames are read with their status and reason.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RedServerHostileTest {

  static final int MAX_MESSAGE = 64 * 1024;
  static final String TOPICS_2 = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"result\": []}";

  GamebusNode node;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.redServer("bot", new JsonObject()
        .put("maxInFlightPerConnection", 8).put("handlerTimeoutMs", 200))
      .put("limits", new JsonObject().put("maxMessageBytes", MAX_MESSAGE)))).await(10, TimeUnit.SECONDS);
    port = port(node, "bot");
  }

  static int port(GamebusNode node, String name) {
    String url = node.redServer(name).listening().get(0);
    return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1, url.length() - 1));
  }

  private Future<RedRawClient> client(Vertx vertx) {
    return RedRawClient.connect(vertx, port, "/", null);
  }

  /** Sends one frame, then GET_TOPICS with id 2, and returns every text frame up to that answer. */
  private Future<String> answersBefore(RedRawClient c, String frame) {
    c.text(frame).text("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"GET_TOPICS\"}");
    StringBuilder seen = new StringBuilder();
    return collect(c, seen);
  }

  private Future<String> collect(RedRawClient c, StringBuilder seen) {
    return c.next().compose(frame -> {
      seen.append(frame.text()).append('\n');
      return frame.text().equals(TOPICS_2) ? Future.succeededFuture(seen.toString()) : collect(c, seen);
    });
  }

  private void expect(Vertx vertx, VertxTestContext test, String frame, String expected) {
    client(vertx).compose(c -> answersBefore(c, frame)).onComplete(test.succeeding(seen -> test.verify(() -> {
      assertEquals(expected + TOPICS_2 + "\n", seen);
      test.completeNow();
    })));
  }

  @Test
  void badJsonIsAParseErrorWithoutId(Vertx vertx, VertxTestContext test) {
    expect(vertx, test, "{\"jsonrpc\":\"2.0\",\"id\":1,",
      "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32700, \"message\": \"Invalid JSON was received\"}}\n");
  }

  @Test
  void handlersThatNeverAnswerStillGetEveryCallAnErrorPastTheInFlightBound(Vertx vertx, VertxTestContext test)
    throws Exception {
    RedMethods.register(vertx, "bot", "TEST__SILENT", io.gamebus.codecs.red.RedSignature.none(),
      call -> io.vertx.core.Promise.<JsonObject>promise().future()).await(5, TimeUnit.SECONDS);
    int calls = 40; // five times maxInFlightPerConnection: reading pauses, then resumes as errors go out
    client(vertx).compose(c -> {
      for (int id = 100; id < 100 + calls; id++) {
        c.text("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"TEST__SILENT\"}");
      }
      Future<String> all = Future.succeededFuture("");
      for (int i = 0; i < calls; i++) {
        all = all.compose(seen -> c.next().map(frame -> seen + frame.text() + "\n"));
      }
      return all;
    }).onComplete(test.succeeding(seen -> test.verify(() -> {
      String[] lines = seen.split("\n");
      assertEquals(calls, lines.length, seen);
      java.util.Set<Integer> ids = new java.util.HashSet<>();
      for (int i = 0; i < calls; i++) {
        JsonObject reply = new JsonObject(lines[i]);
        assertEquals(new JsonObject().put("code", -32603).put("message", "Internal Error"), reply.getJsonObject("error"));
        ids.add(reply.getInteger("id"));
      }
      assertEquals(calls, ids.size(), "each call answered exactly once");
      test.completeNow();
    })));
  }

  @Test
  void aBatchGetsNoReply(Vertx vertx, VertxTestContext test) {
    expect(vertx, test, "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GET_METHODS\"}]", "");
  }

  @Test
  void aNotificationIsAnInvalidRequestWithoutId(Vertx vertx, VertxTestContext test) {
    expect(vertx, test, "{\"jsonrpc\":\"2.0\",\"method\":\"GET_METHODS\"}",
      "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid request\"}}\n");
  }

  @Test
  void aWrongVersionIsAnInvalidRequestWithItsId(Vertx vertx, VertxTestContext test) {
    expect(vertx, test, "{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"GET_METHODS\"}",
      "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32600, \"message\": \"Invalid request\"}, \"id\": 5}\n");
  }

  @Test
  void aLowerCaseNameIsMethodNotFound(Vertx vertx, VertxTestContext test) {
    expect(vertx, test, "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"get_methods\"}",
      "{\"jsonrpc\": \"2.0\", \"error\": {\"code\": -32601, \"message\": \"Method not found\"}, \"id\": \"a\"}\n");
  }

  @Test
  void aBinaryFrameIsIgnoredButCounted(Vertx vertx, VertxTestContext test) {
    client(vertx).compose(c -> {
      c.frame(2, true, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GET_METHODS\"}".getBytes(StandardCharsets.UTF_8));
      return answersBefore(c, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":0}");
    }).onComplete(test.succeeding(seen -> test.verify(() -> {
      assertEquals(TOPICS_2 + "\n", seen, "neither the binary frame nor the client's result is answered");
      assertEquals(2L, node.redServer("bot").bus().metrics().toJson().getLong("badInput"));
      test.completeNow();
    })));
  }

  @Test
  void aFragmentedMessageIsOneCall(Vertx vertx, VertxTestContext test) {
    byte[] all = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"GET_TOPICS\"}".getBytes(StandardCharsets.UTF_8);
    client(vertx).compose(c -> {
      c.frame(1, false, Arrays.copyOfRange(all, 0, 10)).frame(0, false, Arrays.copyOfRange(all, 10, 20))
        .frame(0, true, Arrays.copyOfRange(all, 20, all.length));
      return c.next();
    }).onComplete(test.succeeding(frame -> test.verify(() -> {
      assertEquals(TOPICS_2, frame.text());
      test.completeNow();
    })));
  }

  @Test
  void invalidUtf8ClosesWith1007AndNoReply(Vertx vertx, VertxTestContext test) {
    byte[] bad = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    closes(vertx, test, c -> c.frame(1, true, bad), 1007, "");
  }

  @Test
  void aMessageOfExactlyTheLimitClosesWith1009FromTheCodec(Vertx vertx, VertxTestContext test) {
    closes(vertx, test, c -> c.text(padded(MAX_MESSAGE)), 1009, "");
  }

  @Test
  void aFrameBeyondTheLimitClosesWith1009(Vertx vertx, VertxTestContext test) {
    closes(vertx, test, c -> c.text(padded(2 * MAX_MESSAGE)), 1009, null);
  }

  @Test
  void fragmentsAddingUpBeyondTheLimitCloseWith1009(Vertx vertx, VertxTestContext test) {
    byte[] half = padded(MAX_MESSAGE).substring(0, MAX_MESSAGE / 2 + 10).getBytes(StandardCharsets.UTF_8);
    closes(vertx, test, c -> c.frame(1, false, half).frame(0, false, half).frame(0, true, half), 1009, null);
  }

  /** A request of exactly {@code size} bytes. */
  static String padded(int size) {
    String start = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"GET_TOPICS\",\"pad\":\"";
    return start + "x".repeat(size - start.length() - 2) + "\"}";
  }

  /**
   * The hostile connection is closed with that status (and reason; null: any reason) and no reply;
   * a bystander is unaffected. Where Red's reason must be empty, the close frame itself is read;
   * past the frame limit the peer's unread bytes may turn the close into a reset, so the status is
   * read from the endpoint's own {@code connection-closed} event.
   */
  private void closes(Vertx vertx, VertxTestContext test, java.util.function.Consumer<RedRawClient> send,
                      int status, String reason) {
    java.util.List<String> closed = new java.util.concurrent.CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer("gamebus.red.bot.status", m -> {
      if ("connection-closed".equals(m.body().getString("state"))) {
        closed.add(m.body().getString("detail"));
      }
    }).completion().compose(v -> client(vertx)).compose(bystander -> client(vertx)
      .recover(e -> Future.failedFuture("hostile: " + e.getMessage())).compose(hostile -> {
      send.accept(hostile);
      Future<String> seen = reason == null ? Future.succeededFuture("")
        : hostile.next().map(frame -> frame.closeStatus() + "|" + frame.closeReason());
      return seen.compose(frame -> hostile.ended().map(frame));
    }).compose(close -> answersBefore(bystander, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"GET_SUBSCRIPTIONS\"}")
      .map(seen -> close + "\n" + seen)))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        if (reason != null) {
          assertTrue(result.startsWith(status + "|" + reason + "\n"), result);
        }
        assertEquals("{\"jsonrpc\": \"2.0\", \"id\": 3, \"result\": []}\n" + TOPICS_2 + "\n",
          result.substring(result.indexOf('\n') + 1));
        assertEquals(1, closed.size(), closed.toString());
        assertTrue(closed.get(0).startsWith("closed by gamebus, status " + status), closed.toString());
        assertTrue(node.redServer("bot").bus().metrics().toJson().getLong("badInput") >= 1L);
        test.completeNow();
      })));
  }

  @Test
  void aBrowserPageOfAnotherOriginIsRefusedAndOneWithoutOriginOrOfItsOwnPasses(Vertx vertx, VertxTestContext test) {
    RedRawClient.connect(vertx, port, "/", "http://evil.example").transform(refused ->
        RedRawClient.connect(vertx, port, "/", "http://127.0.0.1:" + port).map(own ->
          (refused.failed() ? refused.cause().getMessage() : "accepted") + "|own accepted"))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("HTTP/1.1 403 Forbidden|own accepted", result);
        test.completeNow();
      })));
  }

  @Test
  void plainHttpIs405OnTheRootAnd404Elsewhere(Vertx vertx, VertxTestContext test) {
    Future.all(RedRawClient.http(vertx, port, "GET", "/"), RedRawClient.http(vertx, port, "POST", "/"),
        RedRawClient.http(vertx, port, "GET", "/rpc"),
        RedRawClient.connect(vertx, port, "/rpc", null).transform(r -> Future.succeededFuture(
          r.failed() ? r.cause().getMessage() : "upgraded")))
      .onComplete(test.succeeding(all -> test.verify(() -> {
        assertEquals("HTTP/1.1 405 Method Not Allowed", all.resultAt(0));
        assertEquals("HTTP/1.1 405 Method Not Allowed", all.resultAt(1));
        assertEquals("HTTP/1.1 404 Not Found", all.resultAt(2));
        assertEquals("HTTP/1.1 404 Not Found", all.resultAt(3));
        test.completeNow();
      })));
  }
}
