package io.gamebus.faf;

import io.gamebus.bus.Gamebus;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.FafPorts;
import io.gamebus.support.FafTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A refused FAF login is announced on {@code .status} as {@code authentication-failed}, in both roles. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class FafLoginStatusTest {

  @TempDir
  Path dir;
  Tokens tokens;
  GamebusNode server;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    tokens = new Tokens(vertx, dir);
    server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafServer("lobby", tokens.secretFile())))
      .await(10, TimeUnit.SECONDS);
  }

  @Test
  void serverRoleAnnouncesABadTokenWithoutTheToken(Vertx vertx, VertxTestContext test) {
    String badToken = "not.a.jwt-" + System.nanoTime();
    Gamebus.of(vertx).statuses("faf", "lobby", status -> {
      if ("authentication-failed".equals(status.getString("state"))) {
        test.verify(() -> {
          assertNotNull(status.getString("connection"), "names the connection: " + status);
          assertNotNull(status.getString("detail"), "says why: " + status);
          assertFalse(status.encode().contains(badToken), "never the token: " + status);
        });
        test.completeNow();
      }
    });
    FafTestClient.tcp(vertx, FafPorts.port(server, "lobby", "tcp"))
      .compose(c -> c.send(FafMessage.command("auth").with("unique_id", "uid").with("token", badToken)).next())
      .onComplete(test.succeeding(reply -> test.verify(() -> assertEquals("authentication_failed", reply.command()))));
  }

  @Test
  void serverRoleAnnouncesAPasswordLogin(Vertx vertx, VertxTestContext test) {
    Gamebus.of(vertx).statuses("faf", "lobby", status -> {
      if ("authentication-failed".equals(status.getString("state"))) {
        test.completeNow();
      }
    });
    FafTestClient.tcp(vertx, FafPorts.port(server, "lobby", "tcp"))
      .compose(c -> c.send(FafMessage.command("hello").with("login", "bob").with("password", "secret")).next())
      .onComplete(test.succeeding(reply -> test.verify(() -> assertEquals("authentication_failed", reply.command()))));
  }

  @Test
  void clientRoleAnnouncesThatTheUpstreamRefusedItsToken(Vertx vertx, VertxTestContext test) throws Exception {
    // Signed with another secret: the server role refuses it with authentication_failed.
    String foreign = new Tokens(vertx, Files.createDirectories(dir.resolve("other"))).lobby(9, "mallory");
    Gamebus.of(vertx).statuses("faf", "upstream", status -> {
      if ("authentication-failed".equals(status.getString("state"))) {
        test.verify(() -> {
          assertNotNull(status.getString("detail"), "says why: " + status);
          assertFalse(status.encode().contains(foreign), "never the token: " + status);
        });
        test.completeNow();
      }
    });
    String url = "tcp://127.0.0.1:" + FafPorts.port(server, "lobby", "tcp");
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.fafClient("upstream", url, tokens.tokenFile(dir, foreign))))
      .onFailure(test::failNow);
  }
}
