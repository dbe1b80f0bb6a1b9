package io.gamebus.codecs.faf;

import static io.gamebus.codecs.faf.FafFixtures.buffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gamebus.codecs.faf.FafCodecException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The {@code auth} view: the token, and the type checks on the fields the server relies on. */
class AuthTest {

  private static FafMessage msg(String json) throws FafCodecException {
    return FafFixtures.decode(buffer(json));
  }

  private static void assertBadField(String message, Executable call) {
    FafCodecException e = assertThrows(FafCodecException.class, call);
    assertEquals(Reason.BAD_FIELD, e.reason());
    assertEquals(message, e.getMessage());
  }

  @Test
  void viewsCheckTheCommand() {
    assertBadField("auth.command: expected \"auth\", got \"hello\"",
        () -> Auth.from(msg("{\"command\":\"hello\",\"token\":\"t\"}")));
  }

  @Test
  void authAsFafCommonsSendsIt() throws Exception {
    Auth a = Auth.from(msg("{\"command\":\"auth\",\"token\":\"eyJ.x.y\",\"unique_id\":\"uid\",\"session\":42}"));
    assertEquals("eyJ.x.y", a.token());
    assertFalse(a.toString().contains("eyJ"));
    assertEquals("t", Auth.from(msg("{\"command\":\"auth\",\"token\":\"t\"}")).token()); // unique_id is the endpoint's check
  }

  @Test
  void authFieldsOfTheWrongType() {
    assertBadField("auth.token: missing", () -> Auth.from(msg("{\"command\":\"auth\",\"unique_id\":\"u\"}")));
    assertBadField("auth.token: missing", () -> Auth.from(msg("{\"command\":\"auth\",\"token\":null}")));
    assertBadField("auth.token: expected string, got object", () -> Auth.from(msg("{\"command\":\"auth\",\"token\":{}}")));
    assertBadField("auth.session: expected integer, got boolean",
        () -> Auth.from(msg("{\"command\":\"auth\",\"token\":\"t\",\"session\":true}")));
    assertBadField("auth.unique_id: expected string, got integer",
        () -> Auth.from(msg("{\"command\":\"auth\",\"token\":\"t\",\"unique_id\":7}")));
  }
}
