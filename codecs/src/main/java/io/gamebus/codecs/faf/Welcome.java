package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * {@code welcome}: sent after a successful login (§4). {@code me} is kept as an object so an odd
 * server does not break reading; {@link #player()} validates it the way faf-commons does.
 */
public final class Welcome {

  public static final String COMMAND = "welcome";

  private final JsonObject me;
  private final String currentTime;
  private final long id;
  private final String login;
  private final FafMessage source;

  /** @param currentTime ISO 8601, e.g. "2024-02-24T12:00:00.000000+00:00" */
  public Welcome(JsonObject me, String currentTime, long id, String login) {
    this(Objects.requireNonNull(me, "me"), Objects.requireNonNull(currentTime, "currentTime"), id,
        Objects.requireNonNull(login, "login"), null);
  }

  private Welcome(JsonObject me, String currentTime, long id, String login, FafMessage source) {
    this.me = me;
    this.currentTime = currentTime;
    this.id = id;
    this.login = login;
    this.source = source;
  }

  /** id and login are taken from the player, as the server does. */
  public static Welcome of(Player me, String currentTime) {
    return new Welcome(me.toJson(), currentTime, me.id(), me.login());
  }

  public static Welcome from(FafMessage m) throws FafCodecException {
    Fields.expectCommand(m, COMMAND);
    JsonObject j = m.json();
    return new Welcome(Fields.object(j, COMMAND, "me", true), Fields.string(j, COMMAND, "current_time", true),
        Fields.integer(j, COMMAND, "id", true), Fields.string(j, COMMAND, "login", true), m);
  }

  public JsonObject me() {
    return me;
  }

  /** {@code me} as a player; BAD_FIELD names e.g. "welcome.me.country". */
  public Player player() throws FafCodecException {
    return Player.from(me, COMMAND + ".me");
  }

  public String currentTime() {
    return currentTime;
  }

  public long id() {
    return id;
  }

  public String login() {
    return login;
  }

  /** The message this view was read from (unknown fields kept), or a new one. */
  public FafMessage toMessage() {
    return source != null ? source : new MessageBuilder(COMMAND).put("me", me)
        .put("current_time", currentTime).put("id", id).put("login", login).build();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Welcome)) {
      return false;
    }
    Welcome w = (Welcome) o;
    return id == w.id && login.equals(w.login) && currentTime.equals(w.currentTime) && me.equals(w.me);
  }

  @Override
  public int hashCode() {
    return Objects.hash(me, currentTime, id, login);
  }

  @Override
  public String toString() {
    return "Welcome[id=" + id + ", login=" + login + ", currentTime=" + currentTime + "]";
  }
}
