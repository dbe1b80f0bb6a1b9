package io.gamebus.modrinth;

import io.gamebus.bus.Envelope;
import io.gamebus.support.ModrinthBus;
import io.gamebus.support.ModrinthNode;
import io.gamebus.support.ModrinthTestClient;
import io.gamebus.support.ModrinthTestClient.Socket;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
 * The server role's bus side with raw sockets: what {@code .in} carries (never the token),
 * {@code .out} to a server id, a connection or all authenticated sockets, the shape check of
 * known events, and the close status when the endpoint stops.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ModrinthServerBusTest {

  static final String TOKEN = ModrinthNode.API_TOKEN;
  static final int MAX_MESSAGE = 8192;

  @TempDir
  Path dir;
  ModrinthNode node;
  ModrinthTestClient client;
  ModrinthBus bus;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = ModrinthNode.start(vertx, dir, new JsonObject(), new JsonObject().put("maxMessageBytes", MAX_MESSAGE), true)
      .await(10, TimeUnit.SECONDS);
    client = new ModrinthTestClient(vertx, node.port());
    bus = ModrinthBus.listen(vertx).await(5, TimeUnit.SECONDS);
  }

  /** Authenticates a socket for {@code server}, completing once its connection id is known. */
  Future<Socket> authed(String server, int nth) {
    return client.authenticated(server, TOKEN).compose(socket -> bus.authenticated(nth).map(socket));
  }

  @Test
  void everyClientFrameIsPublishedByEventWithTheServerIdAndTheTokenRedacted(Vertx vertx, VertxTestContext test) {
    List<Envelope> all = new ArrayList<>();
    List<String> typed = new ArrayList<>();
    Promise<Void> last = Promise.promise();
    String[] token = new String[1];
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in"), m -> {
      all.add(m.body());
      if ("last".equals(m.body().type())) {
        last.tryComplete();
      }
    }).completion()
      .compose(v -> vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in.made-up"),
        m -> typed.add(m.body().body().encode())).completion())
      .compose(v -> client.grant("alpha", TOKEN))
      .compose(grant -> {
        token[0] = grant.token();
        return client.open(grant.url()).compose(socket -> socket.auth(grant.token()).map(ok -> {
          socket.send(new JsonObject().put("event", "command").put("cmd", "say hi").put("server", "beta"))
            .send(new JsonObject().put("event", "made-up").put("x", new JsonArray().add(1).add(2)))
            .send(new JsonObject().put("event", "auth").put("jwt", grant.token())) // a renewal, published too
            .send(new JsonObject().put("event", "last"));
          return socket;
        }));
      })
      .compose(socket -> last.future())
      .onComplete(test.succeeding(v -> test.verify(() -> {
        assertEquals(List.of("auth", "command", "made-up", "auth", "last"), all.stream().map(Envelope::type).toList());
        assertEquals(new JsonObject().put("event", "auth").put("jwt", "<redacted>").put("server", "alpha"), all.get(0).body());
        assertEquals(new JsonObject().put("event", "command").put("cmd", "say hi").put("server", "alpha"), all.get(1).body(),
          "the server field is the socket's own id, whatever the client wrote");
        assertEquals(List.of("{\"event\":\"made-up\",\"x\":[1,2],\"server\":\"alpha\"}"), typed,
          "an unknown event passes through unchanged, on .in.<event> too");
        String connection = all.get(0).connection();
        assertTrue(connection != null && all.stream().allMatch(e -> connection.equals(e.connection())));
        for (Envelope e : all) {
          assertFalse(e.toJson().encode().contains(token[0]), "the token reached the bus: " + e.type());
        }
        for (JsonObject status : bus.statuses()) {
          assertFalse(status.encode().contains(token[0]), "the token reached .status: " + status.encode());
        }
        test.completeNow();
      })));
  }

  @Test
  void outReachesTheSocketsOfOneServerIdOneConnectionOrAll(Vertx vertx, VertxTestContext test) {
    JsonObject toAlpha = new JsonObject().put("event", "log").put("stream", "stdout").put("message", "alpha only");
    JsonObject toOne = new JsonObject().put("event", "uptime").put("uptime", 7);
    JsonObject toAll = new JsonObject().put("event", "power-state").put("state", "running");
    authed("alpha", 0).compose(a1 -> authed("alpha", 1).compose(a2 -> authed("beta", 2).compose(b -> {
      List<Socket> sockets = List.of(a1, a2, b);
      return bus.authenticated(1)
        .compose(a2Id -> bus.out(toAlpha, "server", "alpha")
          .compose(r1 -> bus.out(toOne, "connection", a2Id)
            .compose(r2 -> bus.out(toAll, null, null)
              .map(r3 -> List.of(r1.getInteger("written"), r2.getInteger("written"), r3.getInteger("written"))))))
        // Each socket reads what it should get; the last push (to all) comes after the others on every socket.
        .compose(written -> Future.all(read(a1, 2), read(a2, 3), read(b, 1))
          .map(read -> written + " " + sockets.stream().map(Socket::events).toList()));
    }))).onComplete(test.succeeding(result -> test.verify(() -> {
      assertEquals("[2, 1, 3] [[auth-ok, log, power-state], [auth-ok, log, uptime, power-state], [auth-ok, power-state]]",
        result, "a1 missed the uptime for a2, beta missed the log for alpha");
      test.completeNow();
    })));
  }

  private static Future<Void> read(Socket socket, int frames) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < frames; i++) {
      chain = chain.compose(v -> socket.next().mapEmpty());
    }
    return chain;
  }

  @Test
  void anUnauthenticatedSocketGetsNoEvents(Vertx vertx, VertxTestContext test) {
    JsonObject event = new JsonObject().put("event", "uptime").put("uptime", 1);
    client.grant("alpha", TOKEN).compose(grant -> client.open(grant.url()).compose(waiting ->
      bus.status("connection-opened", null).compose(opened -> authed("alpha", 0).compose(other -> {
        String waitingId = opened.getString("connection");
        return bus.out(event, "connection", waitingId)
          .compose(direct -> bus.out(event, "server", "alpha")
            .compose(byServer -> bus.out(event, null, null)
              .map(toAll -> direct.getInteger("failure") + " " + byServer.encode() + " " + toAll.encode())))
          // Its first frame after auth is auth-ok: none of the three pushes before reached it.
          .compose(outs -> waiting.auth(grant.token()).map(answer -> outs + " " + waiting.events()));
      }))))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("503 {\"written\":1} {\"written\":1} [auth-ok]", result);
        test.completeNow();
      })));
  }

  @Test
  void knownEventsOfTheWrongShapeAreRefused400AndUnknownEventsPassAsTheyAre(Vertx vertx, VertxTestContext test) {
    List<JsonObject> bad = List.of(
      new JsonObject().put("event", "log").put("stream", "stdlog").put("message", "x"),
      new JsonObject().put("event", "stats").put("cpu_percent", 1),
      new JsonObject().put("event", "power-state").put("state", "exploded"),
      new JsonObject().put("event", "uptime").put("uptime", "long"),
      new JsonObject().put("message", "no event"),
      new JsonObject().put("event", 5));
    JsonObject unknown = new JsonObject().put("event", "future-thing").put("nested", new JsonObject().put("a", 1));
    authed("alpha", 0).compose(socket -> bus.authenticated(0).compose(id -> {
      Future<List<String>> chain = Future.succeededFuture(new ArrayList<>());
      for (JsonObject event : bad) {
        chain = chain.compose(list -> bus.out(event, "connection", id).map(r -> {
          list.add(r.getInteger("failure") + " " + r.getString("message", "").split(":")[0]);
          return list;
        }));
      }
      return chain.compose(refusals -> bus.out(unknown, "connection", id)
        .compose(written -> socket.next().map(pushed -> refusals + " " + written.encode() + " " + pushed.encode())));
    })).onComplete(test.succeeding(result -> test.verify(() -> {
      assertEquals("[400 bad_message, 400 bad_message, 400 bad_message, 400 bad_message, 400 bad_message, 400 bad_message]"
        + " {\"written\":1} {\"event\":\"future-thing\",\"nested\":{\"a\":1}}", result);
      test.completeNow();
    })));
  }

  @Test
  void outRefusesABodyThatIsNotAnObjectAnUnknownConnectionAndAnEventPastMaxMessageBytes(Vertx vertx,
                                                                                          VertxTestContext test) {
    JsonObject huge = new JsonObject().put("event", "log").put("stream", "stdout").put("message", "m".repeat(MAX_MESSAGE));
    authed("alpha", 0).compose(socket -> vertx.eventBus().request(ModrinthNode.address("out"), "text")
      .map(r -> "accepted").recover(e -> Future.succeededFuture(((io.vertx.core.eventbus.ReplyException) e).failureCode() + ""))
      .compose(notObject -> bus.out(new JsonObject().put("event", "custom"), "connection", "nobody-1")
        .compose(unknown -> bus.out(huge, null, null)
          .map(tooLarge -> notObject + " " + unknown.getInteger("failure") + " " + tooLarge.getInteger("failure"))))
      .compose(refusals -> bus.out(new JsonObject().put("event", "custom"), null, null)
        .compose(ok -> socket.next()).map(pushed -> refusals + " " + socket.events())))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("400 404 413 [auth-ok, custom]", result);
        test.completeNow();
      })));
  }

  @Test
  void stoppingTheEndpointClosesEverySocketWith1001(Vertx vertx, VertxTestContext test) {
    authed("alpha", 0).compose(authenticated -> client.openFor("alpha").compose(waiting ->
      bus.nth("connection-opened", 1) // both in the table
        .compose(opened -> node.node().stop())
        .compose(v -> authenticated.closed().compose(a -> waiting.closed().map(w -> a + " " + w)))))
      .onComplete(test.succeeding(codes -> test.verify(() -> {
        assertEquals("1001 1001", codes, "going away: the official client reconnects, as it should after a restart");
        test.completeNow();
      })));
  }
}
