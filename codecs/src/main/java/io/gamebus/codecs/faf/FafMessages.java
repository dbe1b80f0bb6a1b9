package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonArray;
import java.util.Objects;

/**
 * Fixed server messages, built the way the v1.15.0 server builds them. Each call returns a new
 * message, so a caller that mutates {@code json()} by mistake cannot corrupt a shared constant.
 */
public final class FafMessages {

  private FafMessages() {}

  /** {@code {"command":"ping"}}, sent every 45 s to authenticated connections. */
  public static FafMessage ping() {
    return FafMessage.command("ping");
  }

  /** {@code {"command":"pong"}}, the answer to ping. */
  public static FafMessage pong() {
    return FafMessage.command("pong");
  }

  /** {@code {"command":"invalid"}}, sent before closing on an unknown command or a non-object. */
  public static FafMessage invalid() {
    return FafMessage.command("invalid");
  }

  /** {@code {"command":"irc_password","password":"deprecated"}}, first after a token login. */
  public static FafMessage ircPassword() {
    return new MessageBuilder("irc_password").put("password", "deprecated").build();
  }

  /** {@code {"command":"session","session":session}}. */
  public static FafMessage session(long session) {
    return new MessageBuilder("session").put("session", session).build();
  }

  /** {@code {"command":"authentication_failed","text":text}}; the connection stays open. */
  public static FafMessage authenticationFailed(String text) {
    return new MessageBuilder("authentication_failed").put("text", Objects.requireNonNull(text, "text")).build();
  }

  /**
   * {@code {"command":"notice","style":style,"text":text}}; text omitted when null. Styles the
   * server uses: {@code info}, {@code error}, {@code kick} (signed in elsewhere), {@code kill}.
   */
  public static FafMessage notice(String style, String text) {
    return new MessageBuilder("notice").put("style", Objects.requireNonNull(style, "style"))
        .putIfNotNull("text", text).build();
  }

  /** {@code social} with empty autojoin, channels, friends, foes and power 0, as for a new player. */
  public static FafMessage socialDefaults() {
    return new MessageBuilder("social").put("autojoin", new JsonArray()).put("channels", new JsonArray())
        .put("friends", new JsonArray()).put("foes", new JsonArray()).put("power", 0).build();
  }

  /** {@code {"command":"player_info","players":players}} (array not copied). */
  public static FafMessage playerInfo(JsonArray players) {
    return new MessageBuilder("player_info").put("players", players).build();
  }

  /** The list form {@code {"command":"game_info","games":games}} sent at login (array not copied). */
  public static FafMessage gameInfoList(JsonArray games) {
    return new MessageBuilder("game_info").put("games", games).build();
  }
}
