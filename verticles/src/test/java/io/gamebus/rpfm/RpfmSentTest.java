package io.gamebus.rpfm;

import io.gamebus.bus.Envelope;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Conversation;
import io.gamebus.support.RpfmTestClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code .sent} of RPFM in both roles: the greeting, each response after its command, each command sent upstream. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class RpfmSentTest {

  Vertx vertx;
  GamebusNode server;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    port = RpfmServerWireTest.port(server, "packs");
  }

  @Test
  void theGreetingAndEachResponseAreWhatTheClientRead() throws Exception {
    Conversation packs = Conversation.of(vertx, "rpfm", "packs");
    RpfmTestClient client = RpfmTestClient.connect(vertx, port, null).await(10, TimeUnit.SECONDS);
    Envelope greeting = packs.await("sent", "SessionConnected");
    assertEquals(new JsonObject().put("variant", "SessionConnected").put("value", client.session()).put("id", 0),
      greeting.body());

    JsonObject answer = client.call(5, "NewPack").await(10, TimeUnit.SECONDS);
    String variant = answer.getJsonObject("data").fieldNames().iterator().next();
    Envelope sent = packs.await(e -> e.direction().equals("sent") && e.seq() > greeting.seq(), "the answer");
    assertEquals(variant, sent.type());
    assertEquals(answer.getJsonObject("data").getValue(variant), sent.body().getValue("value"));
    assertEquals(5, sent.body().getInteger("id"));
    Envelope command = packs.await("in", "NewPack");
    assertEquals(command.seq() + 1, sent.seq(), "the response right after its command");
    assertEquals(greeting.connection(), sent.connection());
    assertTrue(packs.seqsConsecutive(), packs.ordered().toString());
    client.close();
  }

  @Test
  void theClientRoleShowsEachCommandItSentWithItsWireId() throws Exception {
    Conversation remote = Conversation.of(vertx, "rpfm", "remote");
    Conversation packs = Conversation.of(vertx, "rpfm", "packs");
    GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmClient("remote", "ws://127.0.0.1:" + port + "/ws",
      new JsonObject()))).await(10, TimeUnit.SECONDS);
    remote.await("in", "SessionConnected");
    vertx.eventBus().request("gamebus.rpfm.remote.request", new JsonObject().put("command", "NewPack"))
      .await(10, TimeUnit.SECONDS);

    Envelope sent = remote.await("sent", "NewPack");
    Envelope received = packs.await("in", "NewPack");
    assertEquals(received.body().getValue("id"), sent.body().getValue("id"), "the wire id the server read");
    assertEquals("NewPack", sent.body().getString("command"));
    Envelope response = remote.await(e -> e.direction().equals("in") && e.seq() > sent.seq(), "the response");
    assertEquals(sent.body().getValue("id"), response.body().getValue("id"));
    assertEquals(sent.connection(), response.connection());
    assertEquals(List.of("in SessionConnected", "sent NewPack"), remote.flow(e -> true).subList(0, 2));
  }
}
