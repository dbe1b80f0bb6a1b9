package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** ask_session, session, auth, hello, authentication_failed, notice. */
class LoginViewsTest {

  private static FafMessage msg(String json) throws FafCodecException {
    return FafDecoder.decode(buffer(json));
  }

  private static void assertBadField(String message, Executable call) {
    FafCodecException e = assertThrows(FafCodecException.class, call);
    assertEquals(Reason.BAD_FIELD, e.reason());
    assertEquals(message, e.getMessage());
  }

  @Test
  void askSessionBothFieldsOptional() throws Exception {
    AskSession full = AskSession.from(msg("{\"command\":\"ask_session\",\"version\":\"2024.1.0\",\"user_agent\":\"downlords-faf-client\"}"));
    assertEquals("2024.1.0", full.version());
    assertEquals("downlords-faf-client", full.userAgent());
    AskSession bare = AskSession.from(msg("{\"command\":\"ask_session\"}"));
    assertNull(bare.version());
    assertEquals("{\"command\":\"ask_session\"}", new AskSession(null, null).toMessage().json().encode());
    assertEquals(full, new AskSession("2024.1.0", "downlords-faf-client"));
    assertEquals(full.toMessage(), new AskSession("2024.1.0", "downlords-faf-client").toMessage());
    assertBadField("ask_session.user_agent: expected string, got integer",
        () -> AskSession.from(msg("{\"command\":\"ask_session\",\"user_agent\":3}")));
  }

  @Test
  void viewsCheckTheCommand() {
    assertBadField("auth.command: expected \"auth\", got \"hello\"",
        () -> Auth.from(msg("{\"command\":\"hello\",\"token\":\"t\"}")));
  }

  @Test
  void session() throws Exception {
    assertEquals(42L, Session.from(msg("{\"command\":\"session\",\"session\":42}")).session());
    assertEquals(4294967294L, Session.from(msg("{\"command\":\"session\",\"session\":4294967294}")).session());
    assertEquals("{\"command\":\"session\",\"session\":42}", new Session(42).toMessage().json().encode());
    assertBadField("session.session: missing", () -> Session.from(msg("{\"command\":\"session\"}")));
    assertBadField("session.session: expected integer, got string",
        () -> Session.from(msg("{\"command\":\"session\",\"session\":\"42\"}")));
    assertBadField("session.session: expected integer, got number",
        () -> Session.from(msg("{\"command\":\"session\",\"session\":4.2}")));
  }

  @Test
  void authAsFafCommonsSendsIt() throws Exception {
    Auth a = Auth.from(msg("{\"command\":\"auth\",\"token\":\"eyJ.x.y\",\"unique_id\":\"uid\",\"session\":42}"));
    assertEquals("eyJ.x.y", a.token());
    assertEquals("uid", a.uniqueId());
    assertEquals(42L, a.session());
    assertEquals(new Auth("eyJ.x.y", "uid", 42L), a);
    assertFalse(a.toString().contains("eyJ"));
    assertEquals("{\"command\":\"auth\",\"token\":\"t\"}", new Auth("t", null, null).toMessage().json().encode());
  }

  @Test
  void authMissingToken() {
    assertBadField("auth.token: missing", () -> Auth.from(msg("{\"command\":\"auth\",\"unique_id\":\"u\"}")));
    assertBadField("auth.token: missing", () -> Auth.from(msg("{\"command\":\"auth\",\"token\":null}")));
    assertBadField("auth.token: expected string, got object", () -> Auth.from(msg("{\"command\":\"auth\",\"token\":{}}")));
    assertBadField("auth.session: expected integer, got boolean",
        () -> Auth.from(msg("{\"command\":\"auth\",\"token\":\"t\",\"session\":true}")));
  }

  @Test
  void toMessageKeepsUnknownFields() throws Exception {
    FafMessage m = msg("{\"command\":\"auth\",\"token\":\"t\",\"unique_id\":\"u\",\"x-client\":{\"v\":1}}");
    assertSame(m, Auth.from(m).toMessage());
    assertEquals(1, Auth.from(m).toMessage().json().getJsonObject("x-client").getInteger("v"));
  }

  @Test
  void hello() throws Exception {
    String sha = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    Hello h = Hello.from(msg("{\"command\":\"hello\",\"login\":\"Rhiza\",\"password\":\"" + sha + "\",\"unique_id\":\"u\"}"));
    assertEquals(new Hello("Rhiza", sha, "u"), h);
    assertEquals("{\"command\":\"hello\",\"login\":\"Rhiza\",\"password\":\"" + sha + "\",\"unique_id\":\"u\"}",
        new Hello("Rhiza", sha, "u").toMessage().json().encode());
    assertBadField("hello.unique_id: missing",
        () -> Hello.from(msg("{\"command\":\"hello\",\"login\":\"Rhiza\",\"password\":\"x\"}")));
    assertBadField("hello.login: expected string, got array",
        () -> Hello.from(msg("{\"command\":\"hello\",\"login\":[],\"password\":\"x\",\"unique_id\":\"u\"}")));
  }

  @Test
  void authenticationFailed() throws Exception {
    AuthenticationFailed f = AuthenticationFailed.from(msg("{\"command\":\"authentication_failed\",\"text\":\"Token expired\"}"));
    assertEquals("Token expired", f.text());
    assertEquals(f.toMessage(), FafMessages.authenticationFailed("Token expired"));
    assertBadField("authentication_failed.text: missing",
        () -> AuthenticationFailed.from(msg("{\"command\":\"authentication_failed\"}")));
  }

  @Test
  void notice() throws Exception {
    Notice n = Notice.from(msg("{\"command\":\"notice\",\"style\":\"kick\"}"));
    assertEquals(Notice.KICK, n.style());
    assertNull(n.text());
    assertEquals("{\"command\":\"notice\",\"style\":\"kill\"}", FafMessages.notice(Notice.KILL, null).json().encode());
    assertEquals("{\"command\":\"notice\",\"style\":\"error\",\"text\":\"banned\"}",
        new Notice(Notice.ERROR, "banned").toMessage().json().encode());
    assertEquals("info", Notice.INFO);
    assertBadField("notice.style: missing", () -> Notice.from(msg("{\"command\":\"notice\",\"text\":\"hi\"}")));
  }
}
