package io.gamebus.modrinth;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Conversation;
import io.gamebus.support.ModrinthNode;
import io.gamebus.support.ModrinthTestClient;
import io.gamebus.support.TestConfigs;
import io.gamebus.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .sent} of Modrinth in both roles: events as the peer read them, the auth token never. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class ModrinthSentTest {

  @TempDir
  Path dir;

  @Test
  void authOkAndPushedEventsAreWhatTheSocketRead(Vertx vertx) throws Exception {
    ModrinthNode node = ModrinthNode.start(vertx, dir, new JsonObject()).await(10, TimeUnit.SECONDS);
    Conversation hosting = Conversation.of(vertx, "modrinth", ModrinthNode.NAME);
    ModrinthTestClient client = new ModrinthTestClient(vertx, node.port());
    ModrinthTestClient.Grant grant = client.grant("alpha", ModrinthNode.API_TOKEN).await(10, TimeUnit.SECONDS);
    ModrinthTestClient.Socket socket = client.open(grant.url()).await(10, TimeUnit.SECONDS);
    JsonObject ok = socket.auth(grant.token()).await(10, TimeUnit.SECONDS);

    Envelope auth = hosting.await("in", "auth");
    Envelope authOk = hosting.await("sent", "auth-ok");
    assertEquals(ok, authOk.body());
    assertEquals(auth.seq() + 1, authOk.seq());
    assertEquals(auth.connection(), authOk.connection());

    JsonObject event = new JsonObject().put("event", "made-up").put("x", 1);
    Gamebus.of(vertx).send("modrinth", ModrinthNode.NAME, auth.connection(), event).await(10, TimeUnit.SECONDS);
    assertEquals(socket.next().await(10, TimeUnit.SECONDS), hosting.await("sent", "made-up").body());
    assertTrue(hosting.seqsConsecutive(), hosting.ordered().toString());
    for (Conversation.Entry e : hosting.ordered()) {
      assertFalse(e.envelope().encoded().toString().contains(grant.token()), "no token on the bus: " + e);
    }
  }

  @Test
  void theClientRoleRedactsItsAuthTokenExactlyAsTheServersIn(Vertx vertx) throws Exception {
    String tokenFile = new Tokens(vertx, dir).tokenFile(dir, ModrinthNode.API_TOKEN);
    GamebusNode server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.modrinthServer("hosting", tokenFile,
      new JsonObject()))).await(10, TimeUnit.SECONDS);
    Conversation remote = Conversation.of(vertx, "modrinth", "remote");
    Conversation hosting = Conversation.of(vertx, "modrinth", "hosting");
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.modrinthClient("remote",
      server.modrinthServer("hosting").archonBaseUrl(), tokenFile, new JsonObject().put("serverId", "demo"))))
      .await(10, TimeUnit.SECONDS);

    Envelope auth = remote.await("sent", "auth");
    assertEquals(new JsonObject().put("event", "auth").put("jwt", "<redacted>"), auth.body());
    Envelope received = hosting.await("in", "auth");
    assertEquals(received.body().getString("jwt"), auth.body().getString("jwt"), "redacted as .in redacts it");
    Envelope authOk = remote.await("in", "auth-ok");
    assertTrue(authOk.seq() > auth.seq(), "auth before auth-ok");
    assertEquals(auth.connection(), authOk.connection());
  }
}
