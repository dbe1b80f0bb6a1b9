package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** welcome, player, GPGNet game messages and the fixed server messages. */
class PlayerGameViewsTest {

  private static final JsonObject RATINGS = new JsonObject()
      .put("global", new JsonObject().put("rating", new JsonArray().add(1500.0).add(500.0)).put("number_of_games", 0));

  private static void assertBadField(String message, Executable call) {
    FafCodecException e = assertThrows(FafCodecException.class, call);
    assertEquals(Reason.BAD_FIELD, e.reason());
    assertEquals(message, e.getMessage());
  }

  @Test
  void welcomeFromTheServer() throws Exception {
    FafMessage m = FafDecoder.decode(buffer(FafFixtures.WELCOME));
    Welcome w = Welcome.from(m);
    assertEquals(1234, w.id());
    assertEquals("Rhiza", w.login());
    assertEquals("2024-02-24T12:00:00.123456+00:00", w.currentTime());
    Player me = w.player();
    assertEquals("DE", me.country());
    assertEquals("SNF", me.clan());
    assertEquals("QAI", me.avatar().getString("tooltip"));
    assertEquals(845, me.ratings().getJsonObject("global").getInteger("number_of_games"));
    assertSame(m, w.toMessage());
    assertEquals(m.json().getJsonObject("me"), me.toJson()); // global_rating etc. kept
  }

  @Test
  void welcomeBuiltForAPlayer() throws Exception {
    Player p = new Player(7, "Zock", "FI", RATINGS, null, null);
    FafMessage m = Welcome.of(p, "2024-02-24T12:00:00+00:00").toMessage();
    assertEquals("{\"command\":\"welcome\",\"me\":{\"id\":7,\"login\":\"Zock\",\"country\":\"FI\",\"ratings\":"
        + "{\"global\":{\"rating\":[1500.0,500.0],\"number_of_games\":0}}},\"current_time\":"
        + "\"2024-02-24T12:00:00+00:00\",\"id\":7,\"login\":\"Zock\"}", m.json().encode());
    assertEquals(p, Welcome.from(FafDecoder.decode(FafEncoder.encode(m))).player());
  }

  @Test
  void welcomeMissingFieldsAreNamed() throws Exception {
    assertBadField("welcome.me: missing", () -> Welcome.from(FafMessage.command("welcome")
        .with("current_time", "t").with("id", 1).with("login", "a")));
    assertBadField("welcome.id: expected integer, got string", () -> Welcome.from(FafMessage.command("welcome")
        .with("me", new JsonObject()).with("current_time", "t").with("id", "1").with("login", "a")));
    Welcome noCountry = Welcome.from(FafMessage.command("welcome").with("me",
        new JsonObject().put("id", 1).put("login", "a").put("ratings", RATINGS)).with("current_time", "t")
        .with("id", 1).with("login", "a"));
    assertBadField("welcome.me.country: missing", noCountry::player);
  }

  @Test
  void playerToJsonOmitsNulls() throws Exception {
    JsonObject avatar = new JsonObject().put("url", "https://a/b.png").put("tooltip", "B");
    assertEquals("{\"id\":1,\"login\":\"a\",\"avatar\":{\"url\":\"https://a/b.png\",\"tooltip\":\"B\"},"
        + "\"country\":\"\",\"clan\":\"C\",\"ratings\":{}}",
        new Player(1, "a", "", new JsonObject(), "C", avatar).toJson().encode());
    assertEquals("{\"id\":1,\"login\":\"a\",\"country\":\"\",\"ratings\":{}}",
        new Player(1, "a", "", new JsonObject(), null, null).toJson().encode());
    assertBadField("player.ratings: expected object, got array",
        () -> Player.from(new JsonObject().put("id", 1).put("login", "a").put("country", "").put("ratings", new JsonArray())));
    assertNull(Player.from(new JsonObject().put("id", 1).put("login", "a").put("country", "")
        .put("ratings", new JsonObject()).putNull("clan")).clan());
  }

  @Test
  void gameMessageFromGameState() throws Exception {
    FafMessage m = FafDecoder.decode(buffer(FafFixtures.GAME_STATE));
    GameMessage g = GameMessage.from(m);
    assertEquals("GameState", g.command());
    assertEquals(GpgnetCommand.GAME_STATE, g.gpgnet());
    assertEquals(new JsonArray().add("Lobby"), g.args());
    assertEquals(new GameMessage("GameState", new JsonArray().add("Lobby")), g);
    assertEquals(m, new GameMessage("GameState", new JsonArray().add("Lobby")).toMessage());
  }

  @Test
  void gameMessageErrorsAreNamed() {
    assertBadField("GameState.target: expected \"game\", got none",
        () -> GameMessage.from(FafMessage.command("GameState").with("args", new JsonArray())));
    assertBadField("GameState.args: expected array, got string",
        () -> GameMessage.from(FafMessage.command("GameState").with("args", "Idle").with("target", "game")));
  }

  @Test
  void gameMessageWithoutArgs() throws Exception {
    assertEquals(new JsonArray(), GameMessage.from(FafMessage.command("GameEnded").with("target", "game")).args());
  }

  @Test
  void fixedServerMessages() {
    assertEquals("{\"command\":\"ping\"}", FafMessages.ping().json().encode());
    assertEquals("{\"command\":\"pong\"}", FafMessages.pong().json().encode());
    assertEquals("{\"command\":\"invalid\"}", FafMessages.invalid().json().encode());
    assertEquals("{\"command\":\"irc_password\",\"password\":\"deprecated\"}", FafMessages.ircPassword().json().encode());
    assertEquals("{\"command\":\"social\",\"autojoin\":[],\"channels\":[],\"friends\":[],\"foes\":[],\"power\":0}",
        FafMessages.socialDefaults().json().encode());
    assertEquals("{\"command\":\"player_info\",\"players\":[]}", FafMessages.playerInfo(new JsonArray()).json().encode());
    assertEquals("{\"command\":\"game_info\",\"games\":[{\"uid\":1}]}",
        FafMessages.gameInfoList(new JsonArray().add(new JsonObject().put("uid", 1))).json().encode());
    assertEquals("{\"command\":\"game_info\",\"uid\":1,\"state\":\"open\"}",
        FafMessages.gameInfo(new JsonObject().put("command", "x").put("uid", 1).put("state", "open")).json().encode());
    assertEquals("{\"command\":\"disabled\",\"request\":\"game_host\"}", FafMessages.disabled("game_host").json().encode());
  }

  @Test
  void fixedMessagesAreNotShared() {
    FafMessages.ping().json().put("oops", 1);
    assertEquals("{\"command\":\"ping\"}", FafMessages.ping().json().encode());
  }
}
