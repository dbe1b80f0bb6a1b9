package io.gamebus.codecs.faf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The fixed server messages, field for field in the server's order. */
class FafMessagesTest {

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
  }

  @Test
  void loginMessages() {
    assertEquals("{\"command\":\"session\",\"session\":4294967294}", FafMessages.session(4294967294L).json().encode());
    assertEquals("{\"command\":\"authentication_failed\",\"text\":\"Token expired\"}",
        FafMessages.authenticationFailed("Token expired").json().encode());
    assertThrows(NullPointerException.class, () -> FafMessages.authenticationFailed(null));
  }

  @Test
  void noticeOmitsAMissingText() {
    assertEquals("{\"command\":\"notice\",\"style\":\"kill\"}", FafMessages.notice("kill", null).json().encode());
    assertEquals("{\"command\":\"notice\",\"style\":\"error\",\"text\":\"banned\"}",
        FafMessages.notice("error", "banned").json().encode());
    assertThrows(NullPointerException.class, () -> FafMessages.notice(null, "x"));
  }

  @Test
  void fixedMessagesAreNotShared() {
    FafMessages.ping().json().put("oops", 1);
    assertEquals("{\"command\":\"ping\"}", FafMessages.ping().json().encode());
  }
}
