package io.gamebus.modrinth;

import io.gamebus.bus.Envelope;
import io.gamebus.support.ModrinthNode;
import io.gamebus.support.ModrinthTestClient;
import io.gamebus.support.ModrinthTestClient.Reply;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server role's REST routes as a bare HTTP client sees them: the token endpoint's
 * {@code {url, token}}, the bearer check, server ids, and {@code POST …/power} through the bus.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class ModrinthServerRestTest {

  static final String TOKEN = ModrinthNode.API_TOKEN;

  @TempDir
  Path dir;
  ModrinthTestClient client;

  ModrinthNode start(Vertx vertx, JsonObject options) throws Exception {
    ModrinthNode node = ModrinthNode.start(vertx, dir, options).await(10, TimeUnit.SECONDS);
    client = new ModrinthTestClient(vertx, node.port());
    return node;
  }

  @Test
  void theTokenEndpointHandsOutTheSocketUrlAndATokenForThatServer(Vertx vertx, VertxTestContext test) throws Exception {
    ModrinthNode node = start(vertx, new JsonObject().put("tokenLifetimeSeconds", 120));
    client.tokenRequest("alpha", TOKEN).compose(reply -> {
      test.verify(() -> {
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        JsonObject body = reply.json();
        assertEquals(List.of("token", "url"), body.fieldNames().stream().sorted().toList());
        assertEquals("ws://127.0.0.1:" + node.port() + "/ws?server=alpha", body.getString("url"));
        JsonObject claims = ModrinthTestClient.claims(body.getString("token"));
        assertEquals("alpha", claims.getString("sub"));
        assertEquals(120L, claims.getLong("exp") - claims.getLong("iat"));
      });
      // The url and token are what the socket accepts.
      return client.open(reply.json().getString("url")).compose(socket -> socket.auth(reply.json().getString("token")));
    }).onComplete(test.succeeding(answer -> test.verify(() -> {
      assertEquals(new JsonObject().put("event", "auth-ok"), answer);
      test.completeNow();
    })));
  }

  @Test
  void aMissingOrWrongBearerTokenIs401WithAJsonError(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject());
    List<Future<Reply>> replies = List.of(
      client.tokenRequest("alpha", null),
      client.tokenRequest("alpha", "wrong"),
      client.tokenRequest("alpha", TOKEN + "x"),
      client.tokenRequest("alpha", TOKEN.substring(1)),
      client.tokenRequest("alpha", ""),
      client.call(io.vertx.core.http.HttpMethod.GET, "/modrinth/v0/servers/alpha/ws", null, null),
      client.power("alpha", "wrong", new JsonObject().put("action", "Start").toBuffer()));
    Future.all(replies).onComplete(test.succeeding(all -> test.verify(() -> {
      for (Future<Reply> f : replies) {
        Reply reply = f.result();
        assertEquals(401, reply.status(), reply.body().toString());
        assertEquals("application/json", reply.contentType());
        assertEquals(new JsonObject().put("error", "unauthorized").put("description", "missing or wrong bearer token"),
          reply.json());
      }
      test.completeNow();
    })));
  }

  @Test
  void withoutAnApiTokenConfiguredEveryRequestIs401(Vertx vertx, VertxTestContext test) throws Exception {
    ModrinthNode node = ModrinthNode.start(vertx, dir, new JsonObject(), null, false).await(10, TimeUnit.SECONDS);
    client = new ModrinthTestClient(vertx, node.port());
    List<Future<Reply>> replies = List.of(
      client.tokenRequest("alpha", TOKEN),
      client.tokenRequest("alpha", ""),
      client.tokenRequest("alpha", null),
      client.power("alpha", TOKEN, new JsonObject().put("action", "Start").toBuffer()));
    Future.all(replies).onComplete(test.succeeding(all -> test.verify(() -> {
      for (Future<Reply> f : replies) {
        assertEquals(401, f.result().status());
        assertEquals("no API token is configured on this endpoint", f.result().json().getString("description"));
      }
      JsonArray warnings = node.endpoint().details().getJsonArray("warnings");
      assertEquals(1, warnings.size());
      assertTrue(warnings.getString(0).contains("auth.tokenEnv") && warnings.getString(0).contains("401"),
        warnings.encode());
      test.completeNow();
    })));
  }

  @Test
  void anIdNotInServerIdsIs404OnBothRoutesAndTheSocket(Vertx vertx, VertxTestContext test) throws Exception {
    ModrinthNode node = start(vertx, new JsonObject().put("serverIds", new JsonArray().add("alpha")));
    String ws = "ws://127.0.0.1:" + node.port() + "/ws";
    List<Future<?>> answers = List.of(
      client.tokenRequest("beta", TOKEN),
      client.power("beta", TOKEN, new JsonObject().put("action", "Start").toBuffer()),
      client.tokenRequest("beta", "wrong"), // the bearer is checked first: no hint which ids exist
      client.refusedUpgrade(ws + "?server=beta"),
      client.refusedUpgrade(ws),
      client.refusedUpgrade(ws + "?server=al%70ha%2F"),
      client.tokenRequest("alpha", TOKEN));
    Future.all(answers).onComplete(test.succeeding(all -> test.verify(() -> {
      Reply token = (Reply) answers.get(0).result();
      assertEquals(404, token.status());
      assertEquals(new JsonObject().put("error", "not_found").put("description", "no server beta here"), token.json());
      assertEquals(404, ((Reply) answers.get(1).result()).status());
      assertEquals(401, ((Reply) answers.get(2).result()).status());
      assertEquals(404, answers.get(3).result());
      assertEquals(404, answers.get(4).result());
      assertEquals(404, answers.get(5).result());
      assertEquals(200, ((Reply) answers.get(6).result()).status());
      test.completeNow();
    })));
  }

  @Test
  void aPageOfAnotherSiteGetsNeitherATokenNorTheSocket(Vertx vertx, VertxTestContext test) throws Exception {
    ModrinthNode node = start(vertx, new JsonObject());
    String ws = "ws://127.0.0.1:" + node.port() + "/ws?server=alpha";
    // A DNS-rebinding page reaches the listener under its own name; a cross-site page says so in Origin.
    client.tokenRequestTo("evil.example", "alpha", TOKEN)
      .compose(rebound -> client.tokenRequestTo("localhost", "alpha", TOKEN)
        .compose(local -> client.refusedUpgrade(ws, "http://evil.example")
          .compose(foreign -> client.open(ws).map(same -> List.of(rebound.status(), local.status(), foreign,
            local.json().getString("url"))))))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals(List.of(403, 200, 403, "ws://localhost:" + node.port() + "/ws?server=alpha"), result,
          "the url names the host the request was addressed to");
        test.completeNow();
      })));
  }

  @Test
  void eachPowerActionIsPublishedAndAnswered204WithoutAHandler(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject());
    List<JsonObject> published = new ArrayList<>();
    List<String> connections = new ArrayList<>();
    Promise<Void> fourPublished = Promise.promise();
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in.power"), m -> {
      connections.add(m.body().type() + " " + m.body().connection());
      published.add(m.body().body());
      if (published.size() == 4) {
        fourPublished.complete();
      }
    }).completion().compose(v -> {
      Future<Reply> chain = Future.succeededFuture();
      List<Integer> statuses = new ArrayList<>();
      for (String action : List.of("Start", "Stop", "Restart", "Kill")) {
        chain = chain.compose(r -> client.power("alpha", TOKEN, new JsonObject().put("action", action).toBuffer()))
          .onSuccess(r -> statuses.add(r.status()));
      }
      return chain.compose(last -> fourPublished.future()).map(v2 -> statuses);
    }).onComplete(test.succeeding(statuses -> test.verify(() -> {
      assertEquals(List.of(204, 204, 204, 204), statuses);
      assertEquals(List.of("Start", "Stop", "Restart", "Kill"), published.stream().map(p -> p.getString("action")).toList());
      assertTrue(published.stream().allMatch(p -> "alpha".equals(p.getString("server")) && p.size() == 2), published.toString());
      assertEquals(List.of("power null", "power null", "power null", "power null"), connections,
        "type power, and no connection: a REST call belongs to no socket");
      test.completeNow();
    })));
  }

  @Test
  void aPowerHandlerThatAnswersGives204AndOneThatRefusesGivesItsCode(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject());
    List<JsonObject> asked = new ArrayList<>();
    vertx.eventBus().<JsonObject>consumer(ModrinthNode.address("handle.power"), m -> {
      asked.add(m.body());
      if ("Start".equals(m.body().getString("action"))) {
        m.fail(409, "already running");
      } else if ("Kill".equals(m.body().getString("action"))) {
        m.fail(0, "handler broke");
      } else {
        m.reply(new JsonObject());
      }
    }).completion()
      .compose(v -> client.power("alpha", TOKEN, new JsonObject().put("action", "Stop").toBuffer()))
      .compose(stop -> client.power("alpha", TOKEN, new JsonObject().put("action", "Start").toBuffer())
        .compose(start -> client.power("alpha", TOKEN, new JsonObject().put("action", "Kill").toBuffer())
          .map(kill -> List.of(stop, start, kill))))
      .onComplete(test.succeeding(replies -> test.verify(() -> {
        assertEquals(204, replies.get(0).status());
        assertEquals(0, replies.get(0).body().length());
        assertEquals(409, replies.get(1).status());
        assertEquals(new JsonObject().put("error", "power_refused").put("description", "already running"),
          replies.get(1).json());
        assertEquals(500, replies.get(2).status(), "a refusal code that is not an HTTP error becomes 500");
        assertEquals(List.of("Stop", "Start", "Kill"), asked.stream().map(a -> a.getString("action")).toList());
        assertEquals("alpha", asked.get(0).getString("server"));
        test.completeNow();
      })));
  }

  @Test
  void aPowerHandlerThatNeverAnswersGives502(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject().put("powerHandlerTimeoutMs", 200));
    Promise<Void> asked = Promise.promise();
    vertx.eventBus().<JsonObject>consumer(ModrinthNode.address("handle.power"), m -> asked.tryComplete()).completion()
      .compose(v -> client.power("alpha", TOKEN, new JsonObject().put("action", "Restart").toBuffer()))
      .onComplete(test.succeeding(reply -> test.verify(() -> {
        assertTrue(asked.future().isComplete(), "the handler was asked");
        assertEquals(502, reply.status());
        assertEquals("power_failed", reply.json().getString("error"));
        assertTrue(reply.json().getString("description").contains("200 ms"), reply.json().encode());
        test.completeNow();
      })));
  }

  @Test
  void aPowerHandlerReplyThatIsNotAnObjectGives502(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject());
    vertx.eventBus().<JsonObject>consumer(ModrinthNode.address("handle.power"), m -> m.reply("done")).completion()
      .compose(v -> client.power("alpha", TOKEN, new JsonObject().put("action", "Stop").toBuffer()))
      .onComplete(test.succeeding(reply -> test.verify(() -> {
        assertEquals(502, reply.status());
        assertEquals(new JsonObject().put("error", "power_failed")
          .put("description", "the power handler's reply is not a JSON object"), reply.json());
        test.completeNow();
      })));
  }

  @Test
  void aBadActionOrBodyIs400AndNotPublished(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject());
    List<String> published = new ArrayList<>();
    List<Buffer> bodies = List.of(
      Buffer.buffer("{\"action\":\"start\"}"),
      Buffer.buffer("{\"action\":\"Explode\"}"),
      Buffer.buffer("{\"action\":5}"),
      Buffer.buffer("{\"action\":[\"Start\"]}"),
      Buffer.buffer("{}"),
      Buffer.buffer("[\"Start\"]"),
      Buffer.buffer("\"Start\""),
      Buffer.buffer("not json"),
      Buffer.buffer());
    Promise<Void> goodOne = Promise.promise();
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in.power"), m -> {
      published.add(m.body().body().getString("action"));
      goodOne.tryComplete();
    }).completion()
      .compose(v -> {
        Future<List<Reply>> chain = Future.succeededFuture(new ArrayList<>());
        for (Buffer body : bodies) {
          chain = chain.compose(list -> client.power("alpha", TOKEN, body).map(r -> {
            list.add(r);
            return list;
          }));
        }
        return chain;
      })
      // A good one last: publishing keeps its order, so once it arrived, nothing before it was published.
      .compose(bad -> client.power("alpha", TOKEN, new JsonObject().put("action", "Kill").toBuffer()).map(good -> {
        bad.add(good);
        return bad;
      }))
      .compose(replies -> goodOne.future().map(replies))
      .onComplete(test.succeeding(replies -> test.verify(() -> {
        for (int i = 0; i < bodies.size(); i++) {
          Reply reply = replies.get(i);
          assertEquals(400, reply.status(), bodies.get(i).toString());
          assertEquals(new JsonObject().put("error", "bad_request")
            .put("description", "the body must be {\"action\": \"Start\"|\"Stop\"|\"Restart\"|\"Kill\"}"), reply.json());
        }
        assertEquals(204, replies.get(bodies.size()).status());
        assertEquals(List.of("Kill"), published);
        test.completeNow();
      })));
  }

  @Test
  void aPowerBodyPast4KiBIsRefusedWith413(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject());
    List<String> published = new ArrayList<>();
    String padded = new JsonObject().put("action", "Start").put("pad", "x".repeat(5000)).encode();
    Promise<Void> goodOne = Promise.promise();
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in.power"), m -> {
      published.add(m.body().body().getString("action"));
      goodOne.tryComplete();
    }).completion()
      .compose(v -> client.power("alpha", TOKEN, Buffer.buffer(padded)))
      .compose(big -> client.power("alpha", TOKEN, new JsonObject().put("action", "Stop").toBuffer())
        .map(good -> List.of(big, good)))
      .compose(replies -> goodOne.future().map(replies))
      .onComplete(test.succeeding(replies -> test.verify(() -> {
        assertEquals(413, replies.get(0).status());
        assertEquals(204, replies.get(1).status(), "the listener keeps answering after it");
        assertEquals(List.of("Stop"), published);
        test.completeNow();
      })));
  }
}
