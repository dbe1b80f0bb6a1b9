package io.gamebus.dfhack;

import io.gamebus.bus.Envelope;
import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.RpcFrame;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.Conversation;
import io.gamebus.support.DfhackRawClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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

/** {@code .sent} of DFHack in both roles: each answer as one envelope (text, result, output), handshakes too. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class DfhackSentTest {

  Vertx vertx;
  GamebusNode server;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    server = GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.server("fortress", false))).await(10, TimeUnit.SECONDS);
    port = DfhackFixture.port(server, "fortress");
  }

  private static RpcFrame next(DfhackRawClient client) throws Exception {
    return client.next().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everyAnswerADfhackClientReadsIsOneEnvelopeAfterItsCall() throws Exception {
    Conversation fortress = Conversation.of(vertx, "dfhack", "fortress");
    DfhackRawClient client = DfhackRawClient.connect(vertx, port).await(10, TimeUnit.SECONDS);
    client.write(io.gamebus.codecs.dfhack.Handshake.request());
    client.handshake().await(10, TimeUnit.SECONDS);
    Envelope handshake = fortress.await("sent", "handshake");
    assertEquals(new JsonObject().put("version", 1), handshake.body());

    client.write(DfhackFixture.bind(DfhackFixture.GET_VERSION));
    int id = DfhackFixture.boundId(next(client));
    Envelope bound = fortress.await("sent", "BindMethod");
    assertEquals(new JsonObject().put("text", new JsonArray()).put("result", 0)
      .put("output", new JsonObject().put("assigned_id", id)), bound.body());
    assertEquals(fortress.await("in", "BindMethod").seq() + 1, bound.seq());

    client.write(io.gamebus.codecs.dfhack.RpcEncoder.request(id, io.vertx.core.buffer.Buffer.buffer()));
    RpcFrame version = next(client);
    assertEquals("50.13-r5", DfhackFixture.json(version, "dfproto.StringMessage").getString("value"));
    assertEquals(new JsonObject().put("value", "50.13-r5"), fortress.await("sent", "GetVersion").body().getJsonObject("output"));

    client.write(DfhackFixture.runCommand("nosuchcommand"));
    RpcFrame text = next(client);
    RpcFrame fail = next(client);
    Envelope answer = fortress.await("sent", "RunCommand");
    assertEquals(CommandResult.NOT_IMPLEMENTED.code(), fail.failCode());
    assertEquals(fail.failCode(), answer.body().getInteger("result"));
    JsonObject fragment = answer.body().getJsonArray("text").getJsonObject(0);
    assertEquals(DfhackFixture.text(text), fragment.getString("text"), "the text the client printed");
    assertEquals("COLOR_LIGHTRED", fragment.getString("color"));
    assertEquals(fortress.await("in", "RunCommand").connection(), answer.connection());

    assertTrue(fortress.seqsConsecutive(), fortress.ordered().toString());
    assertEquals(List.of("sent handshake", "in BindMethod", "sent BindMethod", "in GetVersion", "sent GetVersion",
      "in RunCommand", "sent RunCommand"), fortress.flow(e -> true));
    client.close();
  }

  @Test
  void theClientRoleShowsItsHandshakeBindAndCallAsTheServerDecodedThem() throws Exception {
    Conversation remote = Conversation.of(vertx, "dfhack", "remote");
    Conversation fortress = Conversation.of(vertx, "dfhack", "fortress");
    // Ready once the handshake is answered: "sent handshake" alone comes before that, and a request
    // made then fails with not_connected.
    io.vertx.core.Promise<Void> connected = io.vertx.core.Promise.promise();
    vertx.eventBus().<JsonObject>consumer("gamebus.dfhack.remote.status", m -> {
      if ("connected".equals(m.body().getString("state"))) {
        connected.tryComplete();
      }
    }).completion().await(10, TimeUnit.SECONDS);
    GamebusNode.start(vertx, TestConfigs.node(DfhackFixture.client("remote", port))).await(10, TimeUnit.SECONDS);
    connected.future().await(10, TimeUnit.SECONDS);
    remote.await("sent", "handshake");
    JsonObject reply = vertx.eventBus().<JsonObject>request("gamebus.dfhack.remote.request",
      new JsonObject().put("method", "GetVersion")).await(10, TimeUnit.SECONDS).body();
    assertEquals("50.13-r5", reply.getJsonObject("output").getString("value"));

    assertEquals(fortress.await("in", "BindMethod").body(), remote.await("sent", "BindMethod").body());
    Envelope call = remote.await("sent", "GetVersion");
    assertEquals(fortress.await("in", "GetVersion").body(), call.body(), "{method, input} as the server decoded it");
    Envelope answer = remote.await("in", "GetVersion");
    assertEquals(call.connection(), answer.connection());
    assertEquals(List.of("sent handshake", "sent BindMethod", "sent GetVersion", "in GetVersion"), remote.flow(e -> true));
  }
}
