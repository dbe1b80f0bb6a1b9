package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FafMessageTest {

  @Test
  void ofValidatesTheCommand() throws Exception {
    assertEquals("ping", FafMessage.of(new JsonObject().put("command", "ping")).command());
    assertEquals(Reason.MISSING_COMMAND,
        assertThrows(FafCodecException.class, () -> FafMessage.of(new JsonObject())).reason());
    FafCodecException e = assertThrows(FafCodecException.class, () -> FafMessage.of(new JsonObject().put("command", 1)));
    assertEquals("command: expected string, got integer", e.getMessage());
  }

  @Test
  void ofCopiesSoLaterChangesDoNotLeakIn() throws Exception {
    JsonObject json = new JsonObject().put("command", "ping");
    FafMessage m = FafMessage.of(json);
    json.put("command", "pong").put("x", 1);
    assertEquals("ping", m.command());
    assertFalse(m.json().containsKey("x"));
  }

  @Test
  void withReturnsANewMessage() {
    FafMessage a = FafMessage.command("game_join");
    FafMessage b = a.with("uid", 7).with("password", "pw");
    assertEquals(new JsonObject().put("command", "game_join"), a.json());
    assertEquals("{\"command\":\"game_join\",\"uid\":7,\"password\":\"pw\"}", b.json().encode());
    assertEquals(7L, b.getLong("uid"));
  }

  @Test
  void withCanChangeCommandAndTarget() {
    FafMessage m = FafMessage.command("a").with("command", "b").with("target", "game");
    assertEquals("b", m.command());
    assertEquals("game.b", m.type());
    assertThrows(IllegalArgumentException.class, () -> m.with("command", 5));
  }

  @Test
  void gameMessageShape() {
    FafMessage m = FafFixtures.game("JoinGame", "Rhiza", 1234);
    assertEquals("{\"command\":\"JoinGame\",\"args\":[\"Rhiza\",1234],\"target\":\"game\"}", m.json().encode());
    assertTrue(m.isGame());
    assertEquals("game", m.target());
    assertEquals("game.JoinGame", m.type());
    assertEquals(FafCommand.UNKNOWN, m.kind());
  }

  @Test
  void kindOfLobbyAndGameMessages() {
    assertEquals(FafCommand.GAME_HOST, FafMessage.command("game_host").kind());
    assertEquals(FafCommand.UNKNOWN, FafMessage.command("frobnicate").kind());
    assertEquals(FafCommand.UNKNOWN, FafMessage.command("ping").with("target", "game").kind());
  }

  @Test
  void preLoginWhitelistLikeTheServer() {
    assertTrue(FafMessage.command("auth").allowedBeforeLogin());
    assertTrue(FafFixtures.game("Bottleneck").allowedBeforeLogin());
    assertTrue(FafMessage.command("ping").with("target", "game").allowedBeforeLogin());
    assertFalse(FafFixtures.game("GameState", "Idle").allowedBeforeLogin());
    assertFalse(FafMessage.command("game_host").allowedBeforeLogin());
  }

  @Test
  void convenienceGetters() {
    FafMessage m = FafMessage.command("x").with("s", "v").with("n", 5).with("f", 1.5)
        .with("big", new java.math.BigInteger("123456789012345678901234567890"));
    assertEquals("v", m.getString("s"));
    assertNull(m.getString("n"));
    assertNull(m.getString("absent"));
    assertEquals(5L, m.getLong("n"));
    assertNull(m.getLong("f"));
    assertNull(m.getLong("big"));
    assertNull(m.getLong("s"));
  }

  @Test
  void equalsAndHashCodeFollowTheJson() throws Exception {
    FafMessage decoded = FafFixtures.decode(buffer("{\"command\":\"session\",\"session\":42}"));
    FafMessage built = FafMessages.session(42);
    assertEquals(decoded, built);
    assertEquals(decoded.hashCode(), built.hashCode());
    assertNotEquals(decoded, FafMessages.session(43));
  }

  @Test
  void jsonIsNotCopiedPerCall() {
    FafMessage m = FafMessage.command("ping");
    assertSame(m.json(), m.json());
  }

  @Test
  void toStringMasksCredentials() {
    assertEquals("{\"command\":\"ping\"}", FafMessage.command("ping").toString());
    assertEquals("{\"command\":\"auth\",\"token\":\"***\",\"unique_id\":\"u\"}",
        FafMessage.command("auth").with("token", "secret.jwt").with("unique_id", "u").toString());
    assertTrue(FafMessage.command("hello").with("login", "a").with("password", "hash").toString()
        .contains("\"password\":\"***\""));
  }
}
