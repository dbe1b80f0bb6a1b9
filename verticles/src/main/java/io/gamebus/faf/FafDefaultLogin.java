package io.gamebus.faf;

import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The login sequence when no {@code handle.login} handler is registered, in the real server's
 * order: {@code irc_password}, {@code welcome}, {@code player_info}, {@code social},
 * {@code game_info}. The player object has what faf-commons requires ({@code id}, {@code login},
 * a non-null {@code country} and {@code ratings}).
 */
final class FafDefaultLogin {

  private FafDefaultLogin() {
  }

  static List<FafMessage> sequence(FafAuthenticator.Identity player) {
    JsonObject me = new JsonObject()
      .put("id", player.id())
      .put("login", player.login())
      .put("country", player.claims().getValue("country") instanceof String c ? c : "")
      .put("ratings", new JsonObject());
    FafMessage welcome = FafMessage.command("welcome")
      .with("me", me)
      .with("current_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
      .with("id", player.id())
      .with("login", player.login());
    return List.of(
      FafMessages.ircPassword(),
      welcome,
      FafMessages.playerInfo(new JsonArray().add(me)),
      FafMessages.socialDefaults(),
      FafMessages.gameInfoList(new JsonArray()));
  }
}
