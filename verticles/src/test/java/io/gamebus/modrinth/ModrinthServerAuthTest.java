package io.gamebus.modrinth;

import io.gamebus.bus.Envelope;
import io.gamebus.support.ModrinthBus;
import io.gamebus.support.ModrinthNode;
import io.gamebus.support.ModrinthTestClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
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
 * The socket's {@code auth}: which tokens are accepted, how many failures close it, the login
 * timeout, frames before auth, and renewal on the same socket ({@code auth-expiring}, then a
 * fresh {@code auth}) against expiry. Short-lived tokens are signed here with the endpoint's key,
 * so expiry comes in seconds without a ten-second minimum lifetime.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ModrinthServerAuthTest {

  static final String TOKEN = ModrinthNode.API_TOKEN;
  static final JsonObject AUTH_OK = new JsonObject().put("event", "auth-ok");
  static final JsonObject AUTH_INCORRECT = new JsonObject().put("event", "auth-incorrect");
  static final JsonObject AUTH_EXPIRING = new JsonObject().put("event", "auth-expiring");

  @TempDir
  Path dir;
  ModrinthNode node;
  ModrinthTestClient client;
  ModrinthBus bus;

  void start(Vertx vertx, JsonObject options, JsonObject limits) throws Exception {
    node = ModrinthNode.start(vertx, dir, options, limits, true).await(10, TimeUnit.SECONDS);
    client = new ModrinthTestClient(vertx, node.port());
    bus = ModrinthBus.listen(vertx).await(5, TimeUnit.SECONDS);
  }

  /** A token for {@code server} signed with the endpoint's key, expiring {@code seconds} from now. */
  String token(Vertx vertx, String server, long seconds) {
    return ModrinthTestClient.sign(vertx, node.secret(), new JsonObject().put("sub", server)
      .put("exp", System.currentTimeMillis() / 1000 + seconds));
  }

  @Test
  void theTokenFromTheEndpointIsAcceptedAndAnnounced(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject(), null);
    client.authenticated("alpha", TOKEN)
      .compose(socket -> bus.status("authenticated", null))
      .onComplete(test.succeeding(status -> test.verify(() -> {
        assertEquals("server alpha", status.getString("detail"));
        test.completeNow();
      })));
  }

  @Test
  void tokensForAnotherServerSignedWithAnotherKeyExpiredOrMalformedAreAuthIncorrect(Vertx vertx, VertxTestContext test)
    throws Exception {
    start(vertx, new JsonObject().put("maxFailedAuths", 10), null);
    String otherServer = token(vertx, "beta", 600);
    String otherKey = ModrinthTestClient.sign(vertx, "another-key-entirely", new JsonObject().put("sub", "alpha")
      .put("exp", System.currentTimeMillis() / 1000 + 600));
    String expired = token(vertx, "alpha", -60);
    String noSubject = ModrinthTestClient.sign(vertx, node.secret(), new JsonObject()
      .put("exp", System.currentTimeMillis() / 1000 + 600));
    String noExpiry = ModrinthTestClient.sign(vertx, node.secret(), new JsonObject().put("sub", "alpha"));
    List<String> bad = List.of(otherServer, otherKey, expired, noSubject, noExpiry, "not-a-jwt", "");
    client.openFor("alpha").compose(socket -> {
      Future<List<JsonObject>> chain = Future.succeededFuture(new ArrayList<>());
      for (String jwt : bad) {
        chain = chain.compose(list -> socket.auth(jwt).map(answer -> {
          list.add(answer);
          return list;
        }));
      }
      // After every refusal the socket still takes a good token, as the official client expects.
      return chain.compose(answers -> socket.auth(token(vertx, "alpha", 600)).map(last -> {
        answers.add(last);
        return answers;
      }));
    }).onComplete(test.succeeding(answers -> test.verify(() -> {
      assertEquals(List.of(AUTH_INCORRECT, AUTH_INCORRECT, AUTH_INCORRECT, AUTH_INCORRECT, AUTH_INCORRECT,
        AUTH_INCORRECT, AUTH_INCORRECT, AUTH_OK), answers);
      List<String> failures = bus.statuses().stream().filter(s -> "authentication-failed".equals(s.getString("state")))
        .map(s -> s.getString("detail")).toList();
      assertEquals(List.of("token is for another server", "signature invalid or token expired",
        "signature invalid or token expired", "token is for another server", "token has no expiry",
        "signature invalid or token expired", "no jwt"), failures);
      assertEquals(0L, node.badInput(), "a wrong token is not bad input until maxFailedAuths");
      test.completeNow();
    })));
  }

  @Test
  void maxFailedAuthsInARowCloseTheSocketWith1008(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject().put("maxFailedAuths", 3), null);
    String wrong = token(vertx, "beta", 600);
    String right = token(vertx, "alpha", 600);
    client.openFor("alpha").compose(socket -> socket.auth(wrong)
        .compose(a -> socket.auth(wrong))
        .compose(a -> socket.auth(right)) // a success resets the count
        .compose(a -> socket.auth(wrong))
        .compose(a -> socket.auth(wrong))
        .compose(a -> {
          socket.send(new JsonObject().put("event", "auth").put("jwt", wrong));
          return socket.closed().map(code -> code + " " + socket.events());
        }))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("1008 [auth-incorrect, auth-incorrect, auth-ok, auth-incorrect, auth-incorrect]", result,
          "the third failure in a row closes instead of answering");
        assertEquals(1L, node.badInput());
        test.completeNow();
      })));
  }

  @Test
  void noAuthWithinTheLoginTimeoutClosesWith1008AndLeavesOthersAlone(Vertx vertx, VertxTestContext test)
    throws Exception {
    start(vertx, new JsonObject(), new JsonObject().put("loginTimeoutSeconds", 2));
    // The authenticated socket opens first, so its login countdown (were it not stopped) would end first.
    client.authenticated("alpha", TOKEN).compose(authed -> client.openFor("alpha")
        .compose(silent -> silent.closed().map(code -> code + " " + silent.events()))
        .compose(silentResult -> bus.authenticated(0)
          .compose(id -> bus.out(new JsonObject().put("event", "custom"), "connection", id))
          .compose(written -> authed.next().map(frame -> silentResult + " " + written.encode() + " " + frame.encode()))))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("1008 [] {\"written\":1} {\"event\":\"custom\"}", result);
        assertEquals(1L, node.badInput());
        assertTrue(bus.statuses().stream().anyMatch(s -> "bad-input".equals(s.getString("state"))
          && s.getString("detail").startsWith("login timeout")), bus.statuses().toString());
        test.completeNow();
      })));
  }

  @Test
  void framesBeforeAuthAreAnsweredAuthIncorrectCountedAndNotPublished(Vertx vertx, VertxTestContext test)
    throws Exception {
    start(vertx, new JsonObject(), null);
    List<Envelope> published = new ArrayList<>();
    Promise<Void> commandSeen = Promise.promise();
    vertx.eventBus().<Envelope>consumer(ModrinthNode.address("in"), m -> {
      published.add(m.body());
      if ("command".equals(m.body().type())) {
        commandSeen.tryComplete();
      }
    }).completion()
      .compose(v -> client.grant("alpha", TOKEN))
      .compose(grant -> client.open(grant.url()).compose(socket -> {
        socket.send(new JsonObject().put("event", "command").put("cmd", "op mallory"));
        socket.send(new JsonObject().put("event", "made-up").put("x", 1));
        return socket.next().compose(first -> socket.next().map(second -> List.of(first, second)))
          .compose(answers -> socket.auth(grant.token()).map(ok -> {
            socket.send(new JsonObject().put("event", "command").put("cmd", "list"));
            return answers;
          }));
      }))
      .compose(answers -> commandSeen.future().map(answers))
      .onComplete(test.succeeding(answers -> test.verify(() -> {
        assertEquals(List.of(AUTH_INCORRECT, AUTH_INCORRECT), answers);
        assertEquals(2L, node.badInput());
        // Publishing keeps its order: the command after auth arrived, so the two before it were never published.
        assertEquals(List.of("auth", "command"), published.stream().map(Envelope::type).toList());
        assertEquals("list", published.get(1).body().getString("cmd"));
        test.completeNow();
      })));
  }

  @Test
  void theEndpointsOwnTokensAreRenewedOnTheSameSocketAfterAuthExpiring(Vertx vertx, VertxTestContext test)
    throws Exception {
    start(vertx, new JsonObject().put("tokenLifetimeSeconds", 10).put("renewBeforeSeconds", 9), null);
    client.grant("alpha", TOKEN).compose(first -> client.open(first.url()).compose(socket -> socket.auth(first.token())
      .compose(ok -> socket.next())
      .compose(expiring -> {
        long arrived = System.currentTimeMillis();
        long exp = ModrinthTestClient.claims(first.token()).getLong("exp") * 1000;
        test.verify(() -> {
          assertEquals(AUTH_EXPIRING, expiring);
          assertTrue(arrived < exp, "auth-expiring came " + (arrived - exp) + " ms after the token expired");
        });
        return client.grant("alpha", TOKEN);
      })
      .compose(second -> socket.auth(second.token()))
      .compose(renewed -> bus.authenticated(1).map(s -> socket.events()))))
      .onComplete(test.succeeding(events -> test.verify(() -> {
        assertEquals(List.of("auth-ok", "auth-expiring", "auth-ok"), events);
        List<String> details = bus.statuses().stream().filter(s -> "authenticated".equals(s.getString("state")))
          .map(s -> s.getString("detail")).toList();
        assertEquals(List.of("server alpha", "renewed: server alpha"), details);
        test.completeNow();
      })));
  }

  @Test
  void aRenewedSocketLivesOnPastTheFirstTokensExpiry(Vertx vertx, VertxTestContext test) throws Exception {
    start(vertx, new JsonObject().put("renewBeforeSeconds", 1), null);
    String first = token(vertx, "alpha", 3);
    long firstExp = ModrinthTestClient.claims(first).getLong("exp");
    client.openFor("alpha").compose(socket -> socket.auth(first)
      .compose(ok -> socket.next()) // auth-expiring, a second before the first token expires
      .compose(expiring -> socket.auth(token(vertx, "alpha", 4)))
      // The second token's auth-expiring comes at least two seconds after the first one expired:
      // had the first expiry not been cancelled, auth-incorrect would have come before it.
      .compose(renewed -> socket.next())
      .compose(secondExpiring -> bus.authenticated(0)
        .compose(id -> bus.out(new JsonObject().put("event", "custom"), "connection", id))
        .compose(written -> socket.next().map(pushed -> {
          test.verify(() -> assertTrue(System.currentTimeMillis() / 1000 >= firstExp));
          return socket.events() + " " + written.encode();
        }))))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("[auth-ok, auth-expiring, auth-ok, auth-expiring, custom] {\"written\":1}", result);
        test.completeNow();
      })));
  }

  @Test
  void withoutRenewalTheExpiredSocketGetsAuthIncorrectNoEventsAndCanAuthenticateAgain(Vertx vertx,
                                                                                      VertxTestContext test)
    throws Exception {
    start(vertx, new JsonObject().put("renewBeforeSeconds", 1), null);
    client.openFor("alpha").compose(socket -> socket.auth(token(vertx, "alpha", 3))
      .compose(ok -> socket.next())
      .compose(expiring -> socket.next())
      .compose(incorrect -> bus.authenticated(0))
      .compose(id -> bus.out(new JsonObject().put("event", "custom"), "connection", id)
        .compose(refused -> socket.auth(token(vertx, "alpha", 600))
          .compose(again -> bus.out(new JsonObject().put("event", "custom"), "connection", id))
          .compose(written -> socket.next().map(pushed ->
            socket.events() + " " + refused.getInteger("failure") + " " + written.encode())))))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("[auth-ok, auth-expiring, auth-incorrect, auth-ok, custom] 503 {\"written\":1}", result,
          "expired: auth-incorrect and no events (503) until a fresh auth");
        assertTrue(bus.statuses().stream().anyMatch(s -> "authentication-failed".equals(s.getString("state"))
          && "token expired without renewal".equals(s.getString("detail"))), bus.statuses().toString());
        test.completeNow();
      })));
  }

  @Test
  void anExpiredSocketThatNeverRenewsIsClosedAfterTheLoginTimeout(Vertx vertx, VertxTestContext test)
    throws Exception {
    start(vertx, new JsonObject().put("renewBeforeSeconds", 1), new JsonObject().put("loginTimeoutSeconds", 1));
    client.openFor("alpha").compose(socket -> socket.auth(token(vertx, "alpha", 3))
      .compose(ok -> socket.closed())
      .map(code -> code + " " + socket.events()))
      .onComplete(test.succeeding(result -> test.verify(() -> {
        assertEquals("1008 [auth-ok, auth-expiring, auth-incorrect]", result);
        assertEquals(1L, node.badInput());
        test.completeNow();
      })));
  }
}
