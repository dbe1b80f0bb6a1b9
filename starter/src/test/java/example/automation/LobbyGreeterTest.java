package example.automation;

import io.gamebus.config.ConfigOverrides;
import io.gamebus.config.GamebusConfig;
import io.gamebus.launcher.GamebusNode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The greeter inside a real gamebus node (this project's greeter.json, on free ports), driven by
 * FAF lobby clients speaking the real wire format: JSON lines over TCP, a JWT login.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class LobbyGreeterTest {

  private static final String SECRET = "starter-test-secret-0123456789abcdef";

  private GamebusNode node;

  @AfterEach
  void stop() throws Exception {
    if (node != null) {
      node.stop().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void welcomesEachPlayerAndAnnouncesHostedGamesToEveryone(Vertx vertx, @TempDir Path dir) throws Exception {
    Path secretFile = Files.writeString(dir.resolve("faf-secret"), SECRET);
    // The shipped configuration, moved to free ports and a key file as an operator would with --set.
    GamebusConfig config = GamebusConfig.load(Path.of("greeter.json"), ConfigOverrides.none().set(List.of(
      "http.port=0", "endpoints[0].listeners[*].port=0", "endpoints[0].auth.keyEnv=null",
      "endpoints[0].auth.keyFile=" + secretFile)));
    node = GamebusNode.start(vertx, config).await(20, TimeUnit.SECONDS);
    int port = node.fafServer("lobby").listening().stream().filter(a -> a.startsWith("tcp://"))
      .map(a -> URI.create(a).getPort()).findFirst().orElseThrow();
    JWTAuth jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(SECRET)));

    LobbyClient alice = LobbyClient.connect(vertx, port).await(10, TimeUnit.SECONDS);
    LobbyClient bob = LobbyClient.connect(vertx, port).await(10, TimeUnit.SECONDS);
    for (LobbyClient player : List.of(alice, bob)) {
      String token = jwt.generateToken(new JsonObject().put("sub", String.valueOf(player.hashCode() & 0xffff))
        .put("scp", new JsonArray().add("lobby")), new JWTOptions().setAlgorithm("HS256").setExpiresInMinutes(5));
      player.send(new JsonObject().put("command", "auth").put("token", token).put("unique_id", "starter").put("session", 1));
      JsonObject welcome = player.next(m -> "notice".equals(m.getString("command"))).await(10, TimeUnit.SECONDS);
      assertEquals("Welcome to the lobby! Hosted games are announced here.", welcome.getString("text"));
      assertEquals("info", welcome.getString("style"));
    }

    alice.send(new JsonObject().put("command", "game_host").put("title", "Setons 4v4").put("visibility", "public"));
    for (LobbyClient player : List.of(alice, bob)) {
      JsonObject announcement = player.next(m -> "notice".equals(m.getString("command"))).await(10, TimeUnit.SECONDS);
      assertEquals("A new game is being hosted: Setons 4v4", announcement.getString("text"));
    }
  }

  /** The least a FAF lobby client needs: one JSON object per line each way. */
  static final class LobbyClient {
    private final Deque<JsonObject> received = new ArrayDeque<>();
    private final NetSocket socket;
    private Predicate<JsonObject> wanted;
    private Promise<JsonObject> waiting;

    // Vert.x closes a client's sockets when the client object is garbage collected: keep it.
    private final NetClient client;

    private LobbyClient(NetClient client, NetSocket socket) {
      this.client = client;
      this.socket = socket;
      socket.handler(RecordParser.newDelimited("\n", line -> arrived(line.toJsonObject())));
    }

    static Future<LobbyClient> connect(Vertx vertx, int port) {
      NetClient client = vertx.createNetClient();
      return client.connect(port, "127.0.0.1").map(socket -> new LobbyClient(client, socket));
    }

    void send(JsonObject message) {
      socket.write(Buffer.buffer(message.encode() + "\n"));
    }

    /** The first message, received or still to come, that {@code match} accepts; earlier ones are skipped. */
    synchronized Future<JsonObject> next(Predicate<JsonObject> match) {
      for (JsonObject m; (m = received.poll()) != null; ) {
        if (match.test(m)) {
          return Future.succeededFuture(m);
        }
      }
      wanted = match;
      waiting = Promise.promise();
      return waiting.future();
    }

    private synchronized void arrived(JsonObject message) {
      if (waiting != null && wanted.test(message)) {
        Promise<JsonObject> done = waiting;
        waiting = null;
        done.complete(message);
      } else if (waiting == null) {
        received.add(message);
      }
    }
  }
}
