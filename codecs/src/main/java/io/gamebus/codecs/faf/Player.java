package io.gamebus.codecs.faf;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * The player object of {@code welcome.me} and {@code player_info.players} (server/players.py).
 * faf-commons requires id, login, country and ratings; clan and avatar may be absent. Other fields
 * (state, global_rating, ladder_rating, number_of_games, league...) are kept when read.
 */
public final class Player {

  private final long id;
  private final String login;
  private final String country;
  private final JsonObject ratings;
  private final String clan;
  private final JsonObject avatar;
  private final JsonObject source;

  /**
   * @param country ISO code, required by faf-commons (may be "")
   * @param ratings {@code {<rating type>: {rating: [mean, deviation], number_of_games}}}
   * @param clan tag or null; @param avatar {@code {url, tooltip}} or null
   */
  public Player(long id, String login, String country, JsonObject ratings, String clan, JsonObject avatar) {
    this(id, Objects.requireNonNull(login, "login"), Objects.requireNonNull(country, "country"),
        Objects.requireNonNull(ratings, "ratings"), clan, avatar, null);
  }

  private Player(long id, String login, String country, JsonObject ratings, String clan,
      JsonObject avatar, JsonObject source) {
    this.id = id;
    this.login = login;
    this.country = country;
    this.ratings = ratings;
    this.clan = clan;
    this.avatar = avatar;
    this.source = source;
  }

  /** Reads a player object; errors name the field as "player.country". */
  public static Player from(JsonObject json) throws FafCodecException {
    return from(json, "player");
  }

  /** Reads a player object; errors name the field under {@code path}, e.g. "welcome.me.country". */
  public static Player from(JsonObject json, String path) throws FafCodecException {
    return new Player(Fields.integer(json, path, "id", true), Fields.string(json, path, "login", true),
        Fields.string(json, path, "country", true), Fields.object(json, path, "ratings", true),
        Fields.string(json, path, "clan", false), Fields.object(json, path, "avatar", false), json);
  }

  public long id() {
    return id;
  }

  public String login() {
    return login;
  }

  public String country() {
    return country;
  }

  public JsonObject ratings() {
    return ratings;
  }

  /** Null when absent. */
  public String clan() {
    return clan;
  }

  /** {@code {url, tooltip}}, null when absent. */
  public JsonObject avatar() {
    return avatar;
  }

  /** The object this was read from (all fields kept), or a new one in the server's key order, nulls omitted. */
  public JsonObject toJson() {
    if (source != null) {
      return source;
    }
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    map.put("id", id);
    map.put("login", login);
    if (avatar != null) {
      map.put("avatar", avatar);
    }
    map.put("country", country);
    if (clan != null) {
      map.put("clan", clan);
    }
    map.put("ratings", ratings);
    return new JsonObject(map);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Player)) {
      return false;
    }
    Player p = (Player) o;
    return id == p.id && login.equals(p.login) && country.equals(p.country) && ratings.equals(p.ratings)
        && Objects.equals(clan, p.clan) && Objects.equals(avatar, p.avatar);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, login, country, ratings, clan, avatar);
  }

  @Override
  public String toString() {
    return "Player[id=" + id + ", login=" + login + "]";
  }
}
