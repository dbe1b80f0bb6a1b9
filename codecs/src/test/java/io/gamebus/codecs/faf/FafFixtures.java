package io.gamebus.codecs.faf;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * Real-shaped messages from faf.md (server v1.15.0 field sets), in the compact form the server
 * sends. Shared by the tests and the benchmark.
 */
public final class FafFixtures {

  /** §4/§9 welcome with a full player object (server/players.py key order). */
  public static final String WELCOME = "{\"command\":\"welcome\",\"me\":{\"id\":1234,\"login\":\"Rhiza\","
      + "\"avatar\":{\"url\":\"https://content.faforever.com/faf/avatars/qai2.png\",\"tooltip\":\"QAI\"},"
      + "\"country\":\"DE\",\"clan\":\"SNF\",\"ratings\":{\"global\":{\"rating\":[1523.4,87.2],"
      + "\"number_of_games\":845},\"ladder_1v1\":{\"rating\":[1401.0,112.5],\"number_of_games\":120}},"
      + "\"global_rating\":[1523.4,87.2],\"ladder_rating\":[1401.0,112.5],\"number_of_games\":845},"
      + "\"current_time\":\"2024-02-24T12:00:00.123456+00:00\",\"id\":1234,\"login\":\"Rhiza\"}";

  /** §10 GPGNet GameState from the game. */
  public static final String GAME_STATE = "{\"command\":\"GameState\",\"args\":[\"Lobby\"],\"target\":\"game\"}";

  /** §10 IceMsg relayed by the server as [sender_id, ice_msg]. */
  public static final String ICE_MSG = "{\"command\":\"IceMsg\",\"args\":[4711,{\"srcId\":1234,\"destId\":4711,"
      + "\"password\":\"6s3nrc1ekqhj4b5sg5gkhdqe0o\",\"ufrag\":\"bbqa61eom6kgbe\",\"candidates\":[{\"foundation\":"
      + "\"1\",\"protocol\":\"udp\",\"priority\":2130706431,\"ip\":\"192.168.1.20\",\"port\":6112,"
      + "\"type\":\"HOST_CANDIDATE\",\"generation\":0,\"id\":\"1\"}]}],\"target\":\"game\"}";

  /** §9 game_info, single-game form (one per changed game in the batched broadcast). */
  public static final String GAME_INFO_SINGLE = "{\"command\":\"game_info\"," + gameFields(0);

  private FafFixtures() {}

  /** §9 game_info, list form as sent at login, with {@code games} game objects. */
  public static String gameInfoList(int games) {
    StringJoiner list = new StringJoiner(",", "{\"command\":\"game_info\",\"games\":[", "]}");
    for (int i = 0; i < games; i++) {
      list.add("{" + gameFields(i));
    }
    return list.toString();
  }

  /** A GPGNet message in the server's field order: {@code {"command":..,"args":[..],"target":"game"}}. */
  public static FafMessage game(String command, Object... args) {
    return FafMessage.command(command).with("args", new JsonArray(java.util.Arrays.asList(args)))
        .with("target", FafMessage.TARGET_GAME);
  }

  /** Decodes a whole buffer as one line, as the readers do. */
  public static FafMessage decode(Buffer line) throws FafCodecException {
    byte[] bytes = line.getBytes();
    return FafDecoder.decode(bytes, 0, bytes.length);
  }

  public static Buffer buffer(String s) {
    return Buffer.buffer(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Fields of a game object (server/games/game.py), closing brace included. */
  private static String gameFields(int i) {
    String host = "Host" + i;
    return "\"visibility\":\"public\",\"password_protected\":" + (i % 3 == 0) + ",\"uid\":" + (21450100 + i)
        + ",\"title\":\"4v4 Setons Clutch 1400+ game " + i + "\",\"state\":\"open\",\"game_type\":\"custom\","
        + "\"featured_mod\":\"faf\",\"sim_mods\":{\"9e8ea941-c306-4751-b367-f00000000005\":\"Nomads Mod v72\"},"
        + "\"mapname\":\"scmp_009\",\"map_file_path\":\"maps/scmp_009.zip\",\"host\":\"" + host + "\","
        + "\"num_players\":6,\"max_players\":8,\"hosted_at\":1708776000.123456,\"launched_at\":null,"
        + "\"rating_type\":\"global\",\"rating_min\":1400.0,\"rating_max\":null,\"enforce_rating_range\":false,"
        + "\"teams_ids\":[{\"team_id\":2,\"player_ids\":[101,102,103]},{\"team_id\":3,\"player_ids\":[104,105,106]}],"
        + "\"teams\":{\"2\":[\"" + host + "\",\"Zock\",\"Tagada\"],\"3\":[\"Blackheart\",\"Kalvirox\",\"Arma\"]}}";
  }
}
