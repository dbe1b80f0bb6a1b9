package io.gamebus.bridge;

import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bridge.auth on the raw WebSocket: a token's role makes an address readable and another writable
 * (and a request through it answered); expired, badly signed and wrongly claimed tokens, and
 * required authentication, each answered with an err frame that says why.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BridgeAuthTest {

  static final String NEWS = "ops.news";
  static final String ASK = "ops.ask";

  @TempDir
  Path dir;

  /** Role "ops" may read ops.news and send to ops.ask; nobody else may, by default. */
  static JsonObject authConfig(String keyFile, boolean required) {
    return new JsonObject().put("keyFile", keyFile).put("required", required)
      .put("roles", new JsonObject().put("ops", new JsonObject()
        .put("inbound", new JsonArray().add(new JsonObject().put("address", ASK)))
        .put("outbound", new JsonArray().add(new JsonObject().put("address", NEWS)))))
      .put("users", new JsonObject().put("alice", new JsonObject()
        .put("outbound", new JsonArray().add(new JsonObject().put("address", "alice.inbox")))));
  }

  static GamebusConfig config(JsonObject auth) {
    return GamebusConfig.fromJson(new JsonObject()
      .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
      .put("bridge", new JsonObject().put("auth", auth)));
  }

  /** Signs with the secret the bridge verifies with, or with another one. */
  static final class Signer {
    final String keyFile;
    final JWTAuth jwt;
    final JWTAuth stranger;

    Signer(Vertx vertx, Path dir) throws Exception {
      String secret = "bridge-secret-" + System.nanoTime();
      keyFile = Files.writeString(dir.resolve("bridge-key"), secret + "\n").toString();
      jwt = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
      stranger = JWTAuth.create(vertx, new JWTAuthOptions().addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer("not-" + secret)));
    }

    String token(String sub, int expiresInSeconds, String... roles) {
      return sign(jwt, sub, expiresInSeconds, roles);
    }

    static String sign(JWTAuth jwt, String sub, int expiresInSeconds, String... roles) {
      JsonObject claims = new JsonObject().put("sub", sub).put("roles", new JsonArray(java.util.List.of((Object[]) roles)));
      if (expiresInSeconds <= 0) {
        claims.put("exp", System.currentTimeMillis() / 1000 + expiresInSeconds - 1);
        return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256"));
      }
      return jwt.generateToken(claims, new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds(expiresInSeconds));
    }
  }

  /** A raw bridge WebSocket read frame by frame on the test thread. */
  static final class Wire {
    final WebSocket ws;
    /** Held: Vert.x closes the connections of a client that was garbage-collected. */
    final WebSocketClient client;
    final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    private int barriers;

    private Wire(WebSocket ws, WebSocketClient client) {
      this.ws = ws;
      this.client = client;
    }

    static Wire open(WebSocketClient client, int port, String query) throws Exception {
      return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
          .setURI("/eventbus/websocket" + (query == null ? "" : "?" + query)))
        .map(ws -> {
          Wire wire = new Wire(ws, client);
          ws.textMessageHandler(text -> wire.frames.add(new JsonObject(text)));
          ws.binaryMessageHandler(bytes -> wire.frames.add(new JsonObject(bytes)));
          return wire;
        }).await(10, TimeUnit.SECONDS);
    }

    void send(JsonObject frame) throws Exception {
      ws.writeTextMessage(frame.encode()).await(5, TimeUnit.SECONDS);
    }

    void register(String address, String token) throws Exception {
      send(withToken(new JsonObject().put("type", "register").put("address", address), token));
    }

    static JsonObject withToken(JsonObject frame, String token) {
      JsonObject headers = frame.getJsonObject("headers", new JsonObject());
      return token == null ? frame : frame.put("headers", headers.put("authorization", "Bearer " + token));
    }

    JsonObject next() throws InterruptedException {
      JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
      assertNotNull(frame, "no frame from the bridge within 10 s");
      return frame;
    }

    /**
     * Every frame written before has been handled once this returns (frames are handled in order
     * and the refused send answers at once); returns the frames that arrived before its answer.
     */
    java.util.List<JsonObject> barrier() throws Exception {
      String replyAddress = "barrier-" + (++barriers);
      send(new JsonObject().put("type", "send").put("address", "nobody.barrier").put("replyAddress", replyAddress));
      java.util.List<JsonObject> before = new java.util.ArrayList<>();
      for (JsonObject frame = next(); !replyAddress.equals(frame.getString("address")); frame = next()) {
        before.add(frame);
      }
      return before;
    }

    /** The next err, skipping live messages (which may arrive before or after it). */
    JsonObject nextErr() throws InterruptedException {
      JsonObject frame = next();
      while (!"err".equals(frame.getString("type"))) {
        frame = next();
      }
      return frame;
    }
  }

  static void assertErr(JsonObject frame, String body, int code, String address, String... inMessage) {
    assertEquals("err", frame.getString("type"), frame.encode());
    assertEquals(body, frame.getString("body"), frame.encode());
    assertEquals(code, frame.getInteger("failureCode"), frame.encode());
    assertEquals(body.toUpperCase(), frame.getString("failureType"), frame.encode());
    assertEquals(address, frame.getString("address"), frame.encode());
    for (String text : inMessage) {
      assertTrue(frame.getString("message").contains(text), frame.encode());
    }
  }

  /** Publishes on {@code address} until the wire gets a rec there (a register has no acknowledgement). */
  static JsonObject publishUntilReceived(Vertx vertx, Wire wire, String address) throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      vertx.eventBus().publish(address, new JsonObject().put("attempt", attempt));
      JsonObject frame = wire.frames.poll(200, TimeUnit.MILLISECONDS);
      if (frame != null) {
        return frame;
      }
    }
    throw new AssertionError("nothing received on " + address);
  }

  Signer signer;

  @BeforeEach
  void keys(Vertx vertx) throws Exception {
    signer = new Signer(vertx, dir);
  }

  /** Starts a node whose bridge has {@link #authConfig} and opens a raw WebSocket to it, with {@code query} if any. */
  Wire bridge(Vertx vertx, boolean required, String query) throws Exception {
    int port = GamebusNode.start(vertx, config(authConfig(signer.keyFile, required))).await(10, TimeUnit.SECONDS)
      .console().actualPort();
    return Wire.open(vertx.createWebSocketClient(), port, query);
  }

  @Test
  void aRolesAddressesBecomeReadableAndWritableAndTheTokenNeverReachesTheBus(Vertx vertx) throws Exception {
    BlockingQueue<MultiMap> seenHeaders = new LinkedBlockingQueue<>();
    vertx.eventBus().<JsonObject>consumer(ASK, m -> {
      seenHeaders.add(m.headers());
      m.reply(new JsonObject().put("answer", m.body().getString("question") + "!"));
    }).completion().await(5, TimeUnit.SECONDS);
    Wire wire = bridge(vertx, false, null);
    String token = signer.token("bob", 60, "ops");

    wire.register(NEWS, token);
    JsonObject news = publishUntilReceived(vertx, wire, NEWS);
    assertEquals("rec", news.getString("type"), news.encode());
    assertEquals(NEWS, news.getString("address"));

    wire.send(Wire.withToken(new JsonObject().put("type", "send").put("address", ASK).put("replyAddress", "r1")
      .put("headers", new JsonObject().put("x-trace", "7")).put("body", new JsonObject().put("question", "up")), token));
    JsonObject reply = wire.next();
    while (NEWS.equals(reply.getString("address"))) {
      reply = wire.next();
    }
    assertEquals("rec", reply.getString("type"), reply.encode());
    assertEquals("r1", reply.getString("address"));
    assertEquals("up!", reply.getJsonObject("body").getString("answer"));
    MultiMap headers = seenHeaders.poll(5, TimeUnit.SECONDS);
    assertEquals("7", headers.get("x-trace"), "other headers still reach the bus");
    assertNull(headers.get("authorization"), "the token is taken off before the bus: " + headers);
  }

  @Test
  void aTokenInTheQueryAtConnectAuthenticatesTheSocket(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, false, "token=" + signer.token("alice", 60));
    wire.register("alice.inbox", null);
    assertEquals("rec", publishUntilReceived(vertx, wire, "alice.inbox").getString("type"), "a user grant applies");
    wire.register(NEWS, null);
    assertErr(wire.nextErr(), "access_denied", 403, NEWS, "listening on ops.news is not permitted",
      "neither bridge.outbound nor a grant of bridge.auth for user 'alice', roles [] permits it");
  }

  @Test
  void aValidTokenWithoutTheRoleIsDeniedNamingTheAddress(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, false, null);
    String token = signer.token("bob", 60, "viewer");
    wire.register(NEWS, token);
    assertErr(wire.next(), "access_denied", 403, NEWS, "listening on ops.news is not permitted",
      "user 'bob', roles [viewer]");
    wire.send(Wire.withToken(new JsonObject().put("type", "send").put("address", ASK).put("replyAddress", "r2"), token));
    assertErr(wire.next(), "access_denied", 403, "r2", "sending to ops.ask is not permitted");
    wire.register("gamebus.faf.lobby.in", token);
    assertTrue(wire.barrier().isEmpty(), "the defaults still apply to an authenticated socket");
  }

  @Test
  void aBadSignatureIsRefusedAndEveryFrameCarryingItToo(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, false, null);
    String forged = Signer.sign(signer.stranger, "bob", 60, "ops");
    wire.register(NEWS, forged);
    assertErr(wire.next(), "auth_failed", 401, NEWS, "bad signature");
    wire.send(Wire.withToken(new JsonObject().put("type", "publish").put("address", "gamebus.faf.lobby.out"), forged));
    assertErr(wire.next(), "auth_failed", 401, null, "the token presented was refused: bad signature");
    wire.register(NEWS, null);
    assertErr(wire.next(), "access_denied", 403, NEWS, "(bridge.outbound); the token was refused: bad signature");
    wire.send(new JsonObject().put("type", "register").put("address", NEWS)
      .put("headers", new JsonObject().put("Authorization", "Basic Ym9iOnB3")));
    assertErr(wire.next(), "auth_failed", 401, NEWS, "the authorization header is 'Bearer <jwt>'");
  }

  @Test
  void anExpiredTokenGivesTheDefaults(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, false, null);
    wire.register(NEWS, signer.token("bob", 0, "ops"));
    assertErr(wire.next(), "auth_expired", 401, null, "the token expired at", "the socket has the default permissions");
    assertErr(wire.next(), "access_denied", 403, NEWS, "(bridge.outbound); the token expired at");
  }

  @Test
  void whenTheTokenExpiresItsRegistrationsAreDroppedWithAnErrEach(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, false, null);
    String token = signer.token("bob", 3, "ops");
    wire.register(NEWS, token);
    wire.register("gamebus.faf.lobby.in", token);
    assertEquals("rec", publishUntilReceived(vertx, wire, NEWS).getString("type"));
    assertErr(wire.nextErr(), "auth_expired", 401, null, "the token expired at", "the socket has the default permissions");
    assertErr(wire.nextErr(), "auth_expired", 401, NEWS, "listening on ops.news is no longer permitted",
      "the registration is dropped");
    vertx.eventBus().publish(NEWS, new JsonObject().put("after", "expiry"));
    vertx.eventBus().publish("gamebus.faf.lobby.in", new JsonObject().put("still", "permitted"));
    java.util.List<JsonObject> later = wire.barrier();
    assertFalse(later.stream().anyMatch(f -> NEWS.equals(f.getString("address")) && f.getJsonObject("body").containsKey("after")),
      "nothing more on a dropped registration: " + later);
    wire.send(Wire.withToken(new JsonObject().put("type", "publish").put("address", ASK), token));
    assertErr(wire.nextErr(), "access_denied", 403, null, "publishing to ops.ask is not permitted", "the token expired at");
  }

  @Test
  void aNewTokenReauthenticatesAndDropsWhatItDoesNotGrant(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, false, "token=" + signer.token("bob", 60, "ops"));
    wire.register(NEWS, null);
    assertEquals("rec", publishUntilReceived(vertx, wire, NEWS).getString("type"));
    wire.register("alice.inbox", signer.token("alice", 60));
    assertErr(wire.nextErr(), "access_denied", 403, NEWS, "listening on ops.news is no longer permitted",
      "a new token, for user 'alice', roles [], does not grant it");
    assertEquals(java.util.List.of(), wire.barrier().stream().filter(f -> "err".equals(f.getString("type"))).toList(),
      "alice.inbox is permitted for the new token");
  }

  @Test
  void requiredAuthenticationPermitsNothingWithoutAValidToken(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, true, null);
    wire.register("gamebus.faf.lobby.in", null);
    assertErr(wire.next(), "auth_required", 401, "gamebus.faf.lobby.in", "authentication required (bridge.auth.required)",
      "listening on gamebus.faf.lobby.in needs a valid token and no token was presented", "?token=");
    wire.send(new JsonObject().put("type", "send").put("address", "gamebus.faf.lobby.out").put("replyAddress", "r3"));
    assertErr(wire.next(), "auth_required", 401, "r3", "sending to gamebus.faf.lobby.out needs a valid token");
    wire.register("gamebus.faf.lobby.in", signer.token("bob", 60));
    assertEquals("rec", publishUntilReceived(vertx, wire, "gamebus.faf.lobby.in").getString("type"),
      "a valid token gives the defaults");
  }

  @Test
  void requiredAuthenticationWithAnExpiringTokenSaysAuthenticationIsRequiredAgain(Vertx vertx) throws Exception {
    Wire wire = bridge(vertx, true, "token=" + signer.token("bob", 3));
    wire.register("gamebus.faf.lobby.in", null);
    assertEquals("rec", publishUntilReceived(vertx, wire, "gamebus.faf.lobby.in").getString("type"));
    assertErr(wire.nextErr(), "auth_expired", 401, null, "nothing is permitted until a valid token is presented");
    assertErr(wire.nextErr(), "auth_expired", 401, "gamebus.faf.lobby.in", "no longer permitted");
    wire.register("gamebus.faf.lobby.in", null);
    assertErr(wire.nextErr(), "auth_required", 401, "gamebus.faf.lobby.in", "the token expired at");
  }
}
