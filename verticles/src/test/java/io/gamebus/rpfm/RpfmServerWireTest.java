package io.gamebus.rpfm;

import io.gamebus.bus.Envelope;
import io.gamebus.launcher.GamebusNode;
import io.gamebus.support.RpfmTestClient;
import io.gamebus.support.TestConfigs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server role as a bare WebSocket client sees it (the way the real RPFM UI talks): the greeting,
 * the example pack flow, RPFM's error answers and the goodbye.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 20, timeUnit = TimeUnit.SECONDS)
class RpfmServerWireTest {

  GamebusNode node;
  int port;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = GamebusNode.start(vertx, TestConfigs.node(TestConfigs.rpfmServer("packs", new JsonObject())))
      .await(10, TimeUnit.SECONDS);
    port = port(node, "packs");
  }

  static int port(GamebusNode node, String name) {
    return URI.create(node.rpfmServer(name).listening().get(0)).getPort();
  }

  @Test
  void everyConnectionIsGreetedWithItsOwnNewSession(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(first -> RpfmTestClient.connect(vertx, port, null).map(second -> first.received().get(0).encode()
        + " " + second.received().get(0).encode()))
      .onComplete(test.succeeding(greetings -> test.verify(() -> {
        assertEquals("{\"id\":0,\"data\":{\"SessionConnected\":1}} {\"id\":0,\"data\":{\"SessionConnected\":2}}", greetings);
        test.completeNow();
      })));
  }

  @Test
  void aPackIsCreatedListedAndClosedThroughTheExampleHandlers(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null).compose(c -> c.call(0, "NewPack")
      .compose(created -> {
        test.verify(() -> assertEquals("{\"id\":0,\"data\":{\"String\":\"new_pack_1.pack\"}}", created.encode()));
        return c.call(1, "ListOpenPacks");
      })
      .compose(listed -> {
        test.verify(() -> {
          JsonArray packs = listed.getJsonObject("data").getJsonArray("VecStringContainerInfo");
          assertEquals(1, packs.size());
          assertEquals("new_pack_1.pack", packs.getJsonArray(0).getString(0));
          assertEquals("Mod", packs.getJsonArray(0).getJsonObject(1).getString("pfh_file_type"));
        });
        return c.call(2, new JsonObject().put("ClosePack", "new_pack_1.pack"));
      })
      .compose(closed -> {
        test.verify(() -> assertEquals("{\"id\":2,\"data\":\"Success\"}", closed.encode()));
        return c.call(3, new JsonObject().put("ClosePack", "new_pack_1.pack"));
      }))
      .onComplete(test.succeeding(again -> test.verify(() -> {
        assertEquals("{\"id\":3,\"data\":{\"Error\":\"Pack not found: new_pack_1.pack\"}}", again.encode());
        test.completeNow();
      })));
  }

  @Test
  void gameSelectionIsPerSession(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(a -> a.call(1, new JsonObject().put("SetGameSelected", new JsonArray().add("troy").add(false)))
        .compose(set -> {
          test.verify(() -> assertEquals("{\"id\":1,\"data\":{\"CompressionFormatDependenciesInfo\":[\"None\",null]}}",
            set.encode()));
          return a.call(2, "GetGameSelected");
        })
        .compose(mine -> RpfmTestClient.connect(vertx, port, null).compose(b -> b.call(3, "GetGameSelected"))
          .map(other -> mine.encode() + " " + other.encode())))
      .onComplete(test.succeeding(both -> test.verify(() -> {
        assertEquals("{\"id\":2,\"data\":{\"String\":\"troy\"}} {\"id\":3,\"data\":{\"String\":\"warhammer_3\"}}", both);
        test.completeNow();
      })));
  }

  @Test
  void aMalformedCommandWithANumericIdGetsTheRealDeserializeError(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(c -> c.call(5, new JsonObject().put("SavePackAs", new JsonArray().add("only one"))))
      .onComplete(test.succeeding(answer -> test.verify(() -> {
        assertEquals(5L, answer.getLong("id"));
        String error = answer.getJsonObject("data").getString("Error");
        assertTrue(error.startsWith("Server failed to deserialize command: "), error);
        assertTrue(error.contains("SavePackAs"), error);
        test.completeNow();
      })));
  }

  @Test
  void inputWithoutAReadableIdIsNotAnsweredAndTheConnectionStays(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null).compose(c -> {
      c.sendText("not json").sendText("{\"id\":-1,\"data\":\"NewPack\"}").sendText("{\"id\":\"7\",\"data\":\"NewPack\"}")
        .sendText("{\"data\":\"NewPack\"}");
      c.socket().writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer("{\"id\":8,\"data\":\"NewPack\"}"));
      return c.call(9, "GetGameSelected");
    }).onComplete(test.succeeding(answer -> test.verify(() -> {
      assertEquals("{\"id\":9,\"data\":{\"String\":\"warhammer_3\"}}", answer.encode(),
        "nothing was sent for the five frames before it");
      assertEquals(5L, node.rpfmServer("packs").bus().metrics().toJson().getLong("badInput"));
      test.completeNow();
    })));
  }

  @Test
  void aCommandWithoutAHandlerGetsAnErrorNamingIt(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(c -> c.call(4, new JsonObject().put("GetPackFilePath", "x.pack")))
      .onComplete(test.succeeding(answer -> test.verify(() -> {
        String error = answer.getJsonObject("data").getString("Error");
        assertTrue(error.contains("GetPackFilePath") && error.contains("gamebus.rpfm.packs.handle.GetPackFilePath"), error);
        test.completeNow();
      })));
  }

  @Test
  void answersGoOutAsHandlersFinishNotInRequestOrder(Vertx vertx, VertxTestContext test) {
    RpfmHandlers.command(vertx, "packs", "GetPackFileName", call ->
      Future.future(p -> vertx.setTimer(300, t -> p.complete(RpfmHandlers.reply("String", "slow")))))
      .compose(r -> RpfmTestClient.connect(vertx, port, null))
      .compose(c -> {
        c.sendText("{\"id\":1,\"data\":{\"GetPackFileName\":\"a\"}}").sendText("{\"id\":2,\"data\":\"GetGameSelected\"}");
        return c.next().compose(first -> c.next().map(second -> first.getLong("id") + "," + second.getLong("id")));
      })
      .onComplete(test.succeeding(order -> test.verify(() -> {
        assertEquals("2,1", order);
        test.completeNow();
      })));
  }

  @Test
  void everyCommandIsPublishedOnTheBusWithItsSession(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<Envelope>consumer("gamebus.rpfm.packs.in.ClosePack", m -> test.verify(() -> {
      Envelope envelope = m.body();
      assertEquals("ClosePack", envelope.type());
      assertEquals(new JsonObject().put("command", "ClosePack").put("args", "x.pack").put("session", 1L).put("id", 7L),
        envelope.body());
      test.completeNow();
    })).completion()
      .compose(v -> RpfmTestClient.connect(vertx, port, null))
      .onComplete(test.succeeding(c -> c.sendText("{\"id\":7,\"data\":{\"ClosePack\":\"x.pack\"}}")));
  }

  @Test
  void clientDisconnectingIsAnsweredThenTheSocketClosesAndTheSessionEnds(Vertx vertx, VertxTestContext test) {
    vertx.eventBus().<JsonObject>consumer("gamebus.rpfm.packs.status", m -> {
      if ("session-ended".equals(m.body().getString("state"))) {
        test.verify(() -> assertEquals(1L, m.body().getLong("session")));
        test.completeNow();
      }
    });
    RpfmTestClient.connect(vertx, port, null).compose(c -> c.call(3, "ClientDisconnecting")
        .compose(answer -> {
          test.verify(() -> assertEquals("{\"id\":3,\"data\":\"Success\"}", answer.encode()));
          return c.closed();
        }))
      .onComplete(test.succeeding(code -> { }));
  }

  @Test
  void exitKillsTheSessionAsTheRealServerDoes(Vertx vertx, VertxTestContext test) {
    RpfmTestClient.connect(vertx, port, null)
      .compose(c -> c.call(1, "Exit").compose(exit -> c.call(2, "GetGameSelected").map(after -> exit.encode() + " " + after.encode())))
      .onComplete(test.succeeding(both -> test.verify(() -> {
        assertTrue(both.startsWith("{\"id\":1,\"data\":{\"Error\":\"Session response channel closed unexpectedly\"}} "), both);
        assertTrue(both.contains("{\"id\":2,\"data\":{\"Error\":\"Error in session communication system. Sender failed"), both);
        test.completeNow();
      })));
  }

  @Test
  void outPushesAResponseShapedMessageToOneConnection(Vertx vertx, VertxTestContext test) {
    io.vertx.core.Promise<String> connection = io.vertx.core.Promise.promise();
    vertx.eventBus().<Envelope>consumer("gamebus.rpfm.packs.in.GetGameSelected", m -> connection.tryComplete(m.body().connection()));
    RpfmTestClient.connect(vertx, port, null).compose(c -> c.call(1, "GetGameSelected")
      .compose(answered -> connection.future())
      .compose(id -> {
        var options = new io.vertx.core.eventbus.DeliveryOptions().addHeader("connection", id);
        return vertx.eventBus().<JsonObject>request("gamebus.rpfm.packs.out",
            new JsonObject().put("variant", "NoSuchVariant"), options)
          .map(m -> "accepted")
          .recover(e -> Future.succeededFuture(((io.vertx.core.eventbus.ReplyException) e).failureCode() + ""))
          .compose(refused -> vertx.eventBus().<JsonObject>request("gamebus.rpfm.packs.out",
              new JsonObject().put("variant", "Error").put("value", "pushed").put("id", 42), options)
            .map(reply -> refused + " " + reply.body().encode()));
      })
      .compose(replies -> c.next().map(pushed -> replies + " " + pushed.encode())))
      .onComplete(test.succeeding(all -> test.verify(() -> {
        assertEquals("400 {\"written\":1} {\"id\":42,\"data\":{\"Error\":\"pushed\"}}", all);
        test.completeNow();
      })));
  }
}
