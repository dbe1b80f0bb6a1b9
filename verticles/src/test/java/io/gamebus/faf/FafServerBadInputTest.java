package io.gamebus.faf;

import io.gamebus.support.FafPorts;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hostile client: every kind of bad input is answered as faf.md §7 says the real server does,
 * counted, announced on {@code .status}, and a well-behaved connection alongside never notices.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FafServerBadInputTest {

  @TempDir
  Path dir;
  Tokens tokens;
  GamebusNode node;
  int tcpPort;
  final List<JsonObject> statuses = new ArrayList<>();

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tokens = new Tokens(vertx, dir);
    JsonObject lobby = TestConfigs.fafServer("lobby", tokens.secretFile())
      .put("limits", new JsonObject().put("maxMessageBytes", 1024));
    node = GamebusNode.start(vertx, TestConfigs.node(lobby)).await(10, TimeUnit.SECONDS);
    tcpPort = FafPorts.port(node, "lobby", "tcp");
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.status", m -> statuses.add(m.body()));
  }

  /** Restarts the endpoint with other limits. */
  private void restart(Vertx vertx, JsonObject limits) throws Exception {
    node.stop().await(5, TimeUnit.SECONDS);
    JsonObject lobby = TestConfigs.fafServer("lobby", tokens.secretFile()).put("limits", limits);
    node = GamebusNode.start(vertx, TestConfigs.node(lobby)).await(10, TimeUnit.SECONDS);
  }

  /** Opens a bystander, sends the bad input on another connection, checks both outcomes. */
  private void closedWithoutReply(Vertx vertx, VertxTestContext test, boolean login, Buffer bad) {
    Future<FafTestClient> bystander = loggedIn(vertx);
    bystander.compose(b -> (login ? loggedIn(vertx) : FafTestClient.tcp(vertx, tcpPort))
        .compose(hostile -> {
          hostile.sendRaw(bad);
          return hostile.closed().map(hostile);
        })
        .compose(hostile -> {
          test.verify(() -> assertEquals(0, hostile.pending(), "closed without a reply"));
          b.send(FafMessage.command("ping"));
          return b.next("pong");
        }))
      .onComplete(test.succeeding(pong -> test.verify(() -> {
        assertTrue(statuses.stream().anyMatch(s -> "bad-input".equals(s.getString("state"))), statuses.toString());
        assertTrue(node.fafServer("lobby").bus().metrics().badInputs() >= 1);
        test.completeNow();
      })));
  }

  private Future<FafTestClient> loggedIn(Vertx vertx) {
    return FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      c.send(FafMessage.command("auth").with("unique_id", "test-uid").with("token", tokens.lobby(System.nanoTime() % 100000, "p")));
      return c.next("game_info").map(c);
    });
  }

  @Test
  void badInputOnFafWritesOneLogLineSayingWhichConnectionAndWhy(Vertx vertx, VertxTestContext test) {
    java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.gamebus.badinput");
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override public void publish(java.util.logging.LogRecord r) {
        logged.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
      }
      @Override public void flush() { }
      @Override public void close() { }
    };
    logger.addHandler(capture);
    FafTestClient.tcp(vertx, tcpPort).compose(hostile -> {
      hostile.sendRaw(Buffer.buffer("{\"command\": \n"));
      return hostile.closed();
    }).onComplete(test.succeeding(v -> test.verify(() -> {
      logger.removeHandler(capture);
      assertEquals(1, logged.size(), logged.toString());
      assertTrue(logged.get(0).startsWith("faf.lobby: bad input on "), logged.get(0));
      test.completeNow();
    })));
  }

  @Test
  void invalidJsonClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, false, Buffer.buffer("{\"command\": \n"));
  }

  @Test
  void blankLineClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, true, Buffer.buffer("\n"));
  }

  @Test
  void invalidUtf8ClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, false,
      Buffer.buffer("{\"command\":\"ping\",\"x\":\"").appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28}).appendString("\"}\n"));
  }

  @Test
  void missingCommandClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, true, Buffer.buffer("{\"visibility\":\"public\"}\n"));
  }

  @Test
  void lineLongerThanTheLimitClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, true, Buffer.buffer("{\"command\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}\n"));
  }

  @Test
  void commandNotWhitelistedBeforeLoginClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, false, Buffer.buffer("{\"command\":\"game_host\",\"visibility\":\"public\"}\n"));
  }

  @Test
  void gameMessageBeforeLoginClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, false, Buffer.buffer("{\"command\":\"GameState\",\"args\":[\"Idle\"],\"target\":\"game\"}\n"));
  }

  @Test
  void authWithoutUniqueIdIsGarbageAndClosesWithoutReply(Vertx vertx, VertxTestContext test) {
    closedWithoutReply(vertx, test, false,
      Buffer.buffer("{\"command\":\"auth\",\"token\":\"" + tokens.lobby(5, "x") + "\"}\n"));
  }

  @Test
  void jsonThatIsNotAnObjectIsAnsweredInvalidThenClosed(Vertx vertx, VertxTestContext test) {
    FafTestClient.tcp(vertx, tcpPort).compose(c -> {
      c.sendRaw("[\"ask_session\"]\n");
      return c.next().compose(invalid -> c.closed().map(invalid));
    }).onComplete(test.succeeding(invalid -> test.verify(() -> {
      assertEquals("invalid", invalid.command());
      test.completeNow();
    })));
  }

  @Test
  void retiredConnectivityTestGetsAnErrorNoticeThenClose(Vertx vertx, VertxTestContext test) {
    loggedIn(vertx).compose(c -> {
      c.send(FafMessage.command("InitiateTest").with("target", "connectivity").with("args", new io.vertx.core.json.JsonArray()));
      return c.next().compose(notice -> c.closed().map(notice));
    }).onComplete(test.succeeding(notice -> test.verify(() -> {
      assertEquals("notice", notice.command());
      assertEquals("error", notice.getString("style"));
      test.completeNow();
    })));
  }

  @Test
  void unknownCommandAfterLoginIsAnsweredInvalidThenClosed(Vertx vertx, VertxTestContext test) {
    loggedIn(vertx).compose(c -> {
      c.send(FafMessage.command("no_such_command"));
      return c.next().compose(invalid -> c.closed().map(invalid));
    }).onComplete(test.succeeding(invalid -> test.verify(() -> {
      assertEquals("invalid", invalid.command());
      test.completeNow();
    })));
  }

  @Test
  void serverToClientCommandFromAClientIsAnsweredInvalidThenClosed(Vertx vertx, VertxTestContext test) {
    loggedIn(vertx).compose(c -> {
      c.send(FafMessage.command("game_info").with("games", new io.vertx.core.json.JsonArray()));
      return c.next().compose(invalid -> c.closed().map(invalid));
    }).onComplete(test.succeeding(invalid -> test.verify(() -> {
      assertEquals("invalid", invalid.command());
      test.completeNow();
    })));
  }

  @Test
  void floodingPastTheRateLimitClosesOnlyThatConnection(Vertx vertx, VertxTestContext test) throws Exception {
    restart(vertx, new JsonObject().put("maxMessagesPerSecond", 5));
    int port = FafPorts.port(node, "lobby", "tcp");
    FafTestClient.tcp(vertx, port).compose(calm -> FafTestClient.tcp(vertx, port).compose(flood -> {
      flood.sendRaw("{\"command\":\"ping\"}\n".repeat(20));
      return flood.closed().map(flood);
    }).compose(flood -> {
      test.verify(() -> assertEquals(5, flood.pending(), "the first five were answered"));
      return calm.send(FafMessage.command("ping")).next("pong");
    })).onComplete(test.succeedingThenComplete());
  }

  @Test
  void webSocketFrameLargerThanTheLimitClosesTheConnection(Vertx vertx, VertxTestContext test) {
    FafTestClient.webSocket(vertx, FafPorts.port(node, "lobby", "ws"))
      .compose(c -> c.sendRaw("{\"command\":\"ping\",\"pad\":\"" + "x".repeat(2000) + "\"}").closed())
      .onComplete(test.succeedingThenComplete());
  }

  @Test
  void clientThatDoesNotReadIsDisconnectedAsASlowConsumer(Vertx vertx, VertxTestContext test) throws Exception {
    restart(vertx, new JsonObject().put("maxPendingWriteBytes", 65536));
    io.vertx.core.net.NetClient tcp = vertx.createNetClient();
    io.vertx.core.net.NetSocket[] socket = new io.vertx.core.net.NetSocket[1];
    long[] flood = {-1};
    vertx.eventBus().<JsonObject>consumer("gamebus.faf.lobby.status", m -> {
      if ("connection-opened".equals(m.body().getString("state"))) {
        JsonObject big = new JsonObject().put("command", "notice").put("text", "x".repeat(8000));
        String id = m.body().getString("connection");
        // 8 KB x 50 every 10 ms: far faster than loopback's socket buffers can hide for long
        flood[0] = vertx.setPeriodic(10, timer -> {
          for (int i = 0; i < 50; i++) {
            io.gamebus.bus.Gamebus.of(vertx).send("faf", "lobby", id, big);
          }
        });
      }
      if ("slow-consumer".equals(m.body().getString("state"))) {
        // Stopped here: else thousands of sends would still be queued to .out when the node stops,
        // each discarded by Vert.x with a warning ("Discarding message ... not registered").
        vertx.cancelTimer(flood[0]);
        test.verify(() -> assertEquals(1L, node.fafServer("lobby").bus().metrics().toJson().getLong("slowConsumers")));
        vertx.setTimer(100, t -> test.verify(() -> {
          assertEquals(0L, node.fafServer("lobby").bus().metrics().openConnections(), "closed, not kept");
          socket[0].close();
          tcp.close(); // also keeps the client reachable: Vert.x closes a collected client's sockets
          test.completeNow();
        }));
      }
    });
    tcp.connect(FafPorts.port(node, "lobby", "tcp"), "127.0.0.1").onComplete(test.succeeding(s -> {
      socket[0] = s;
      s.pause(); // never reads: the kernel buffers fill, then gamebus's bounded queue
    }));
  }

  @Test
  void loginTimeoutClosesAnUnauthenticatedConnection(Vertx vertx, VertxTestContext test) throws Exception {
    restart(vertx, new JsonObject().put("loginTimeoutSeconds", 1));
    FafTestClient.tcp(vertx, FafPorts.port(node, "lobby", "tcp"))
      .compose(FafTestClient::closed)
      .onComplete(test.succeedingThenComplete());
  }

  @Test
  void connectionsPastTheLimitAreRefused(Vertx vertx, VertxTestContext test) throws Exception {
    restart(vertx, new JsonObject().put("maxConnections", 1));
    int port = FafPorts.port(node, "lobby", "tcp");
    FafTestClient.tcp(vertx, port).compose(first -> first.send(FafMessage.command("ping")).next("pong")
        .compose(p -> FafTestClient.tcp(vertx, port)).compose(FafTestClient::closed).map(first))
      .compose(first -> first.send(FafMessage.command("ping")).next("pong"))
      .onComplete(test.succeedingThenComplete());
  }
}
