package io.gamebus.codecs.red;

import io.gamebus.codecs.red.RedMessage.Result;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Realistic frames for tests and benchmarks. */
public final class RedFixtures {

  private RedFixtures() {}

  /**
   * A result as Red's server writes it ({@code ", "} separators, non-ASCII escaped) of at least
   * {@code minBytes}: a cog's guild report with members, each with nested roles, activity and stats,
   * names with accents and emoji.
   */
  public static String bigResult(long id, int minBytes) {
    JsonArray members = new JsonArray();
    JsonObject guild = new JsonObject()
        .put("guild", new JsonObject().put("id", "348291654123456789").put("name", "Café des Dragons 🐉")
            .put("premium_tier", 2).put("features", new JsonArray().add("COMMUNITY").add("NEWS").add("WELCOME_SCREEN")))
        .put("members", members)
        .put("truncated", false);
    String text = "";
    for (int i = 0; text.length() < minBytes; i++) {
      members.add(member(i));
      text = Result.of(id, guild).encode();
    }
    return text;
  }

  private static JsonObject member(int i) {
    return new JsonObject()
        .put("id", String.valueOf(281734529384756123L + i * 7919L))
        .put("name", (i % 5 == 0 ? "Zoë_" : "player_") + i)
        .put("display_name", i % 3 == 0 ? "Ønskeløs \"" + i + "\"" : null)
        .put("bot", i % 17 == 0)
        .put("joined_at", "2024-0" + (1 + i % 9) + "-1" + (i % 10) + "T12:3" + (i % 10) + ":05.123000+00:00")
        .put("roles", new JsonArray().add("Member").add(i % 4 == 0 ? "Moderator" : "Regular").add("Level " + (i % 50)))
        .put("activity", new JsonObject().put("type", "playing").put("name", "Dwarf Fortress")
            .put("details", "Embarked at (" + (i % 97) + ", " + (i % 89) + ")\tseason: autumn"))
        .put("stats", new JsonObject().put("messages", 1000 + i * 37).put("voice_minutes", i * 12.5)
            .put("score", 0.25 + i / 3.0).put("badges", new JsonArray().add(i % 2).add(i % 3).add(i % 5)));
  }
}
