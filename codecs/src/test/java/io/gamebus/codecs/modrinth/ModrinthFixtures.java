package io.gamebus.codecs.modrinth;

import io.vertx.core.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Realistic frames of every event of modrinth.md §7, written from its field lists, one per event
 * with every field (optional ones included) set; shared by the tests and the benchmark.
 */
public final class ModrinthFixtures {

  /** A JWT-looking token (three base64url parts); tests check it never reaches a message. */
  public static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiJkZW1vIiwiZXhwIjoxNzY0NTQ4MDAwfQ.c2VjcmV0LXNpZ25hdHVyZS1ub3QtdG8tYmUtbG9nZ2Vk";

  private ModrinthFixtures() {}

  /** Wire name → one frame of that event, in catalogue order. */
  public static Map<String, String> everyEvent() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("auth", "{\"event\":\"auth\",\"jwt\":\"" + JWT + "\"}");
    m.put("command", "{\"event\":\"command\",\"cmd\":\"/say hello \\\"world\\\"\"}");
    m.put("auth-ok", "{\"event\":\"auth-ok\"}");
    m.put("auth-incorrect", "{\"event\":\"auth-incorrect\"}");
    m.put("auth-expiring", "{\"event\":\"auth-expiring\"}");
    m.put("log", "{\"event\":\"log\",\"stream\":\"stdout\","
        + "\"message\":\"[12:00:01] [Server thread/INFO]: Done (3.141s)! For help, type \\\"help\\\"\\n\"}");
    m.put("log4j", "{\"event\":\"log4j\",\"logger_name\":\"net.minecraft.server.MinecraftServer\","
        + "\"level\":\"WARN\",\"thread_name\":\"Server thread\",\"timestamp_millis\":1764547200123,"
        + "\"message\":\"Can't keep up! Is the server overloaded?\","
        + "\"throwable\":\"java.lang.IllegalStateException: tick\\n\\tat a.b.C.tick(C.java:42)\"}");
    m.put("stats", stats());
    m.put("power-state", "{\"event\":\"power-state\",\"state\":\"crashed\",\"oom_killed\":true,\"exit_code\":137}");
    m.put("state", "{\"event\":\"state\",\"debug\":\"node=us-east-7\",\"power_variant\":\"starting\","
        + "\"exit_code\":0,\"was_oom\":false,\"target\":\"restart\",\"uptime\":0,"
        + "\"progress\":{\"started_at\":\"2026-12-01T00:00:00Z\",\"phase\":\"InstallingLoader\",\"percent\":42.5},"
        + "\"content_error\":{\"step\":\"Addons\",\"description\":\"sodium-0.6.jar: hash mismatch\"}}");
    m.put("uptime", "{\"event\":\"uptime\",\"uptime\":86461}");
    m.put("backup-progress", "{\"event\":\"backup-progress\",\"id\":\"0f8e4c2a-6b1d-4e9a-9c3f-2a7d5e8b1c40\","
        + "\"task\":\"create\",\"state\":\"ongoing\",\"progress\":0.375,"
        + "\"start_time\":\"2026-12-01T00:10:00Z\",\"finish_time\":null}");
    m.put("installation-result", "{\"event\":\"installation-result\",\"result\":\"err\","
        + "\"reason\":\"Minecraft 1.21.4 is not supported by Forge 47.2.0\"}");
    m.put("new-mod", "{\"event\":\"new-mod\",\"project_id\":\"AANobbMI\",\"version_id\":\"b4hTi3mo\"}");
    m.put("install-progress", "{\"event\":\"install-progress\",\"items\":["
        + "{\"world_id\":\"w1\",\"key\":{\"type\":\"file\",\"install_type\":\"mod\",\"project_id\":\"AANobbMI\","
        + "\"version_id\":\"b4hTi3mo\",\"parent_directory\":\"mods\",\"source_filename\":\"sodium-0.6.jar\","
        + "\"target_filename\":\"sodium.jar\"},\"id\":\"i1\",\"progress\":0.5,\"error\":null},"
        + "{\"world_id\":\"w1\",\"key\":{\"type\":\"modrinth_modpack\",\"project_id\":\"1KVo5zza\","
        + "\"version_id\":\"9RbXKzv1\"},\"id\":\"i2\",\"progress\":null,\"error\":null},"
        + "{\"world_id\":\"w1\",\"key\":{\"type\":\"local_modpack\",\"filename\":\"pack.mrpack\"},"
        + "\"id\":\"i3\",\"progress\":1.0,\"error\":null},"
        + "{\"world_id\":\"w2\",\"key\":{\"type\":\"platform\",\"platform\":\"fabric\","
        + "\"platform_version\":\"0.16.9\",\"game_version\":\"1.21.4\"},\"id\":\"i4\",\"progress\":null,"
        + "\"error\":\"download failed: 503\"}]}");
    m.put("filesystem-ops", "{\"event\":\"filesystem-ops\",\"all\":[{\"op\":\"unarchive\","
        + "\"id\":\"5d1c7b9e-2f3a-4c8d-b6e0-9a1f3c5e7d2b\",\"progress\":0.62,\"bytes_processed\":5368709120,"
        + "\"files_processed\":1337,\"state\":\"ongoing\",\"mime\":\"application/zip\","
        + "\"current_file\":\"world/region/r.0.0.mca\",\"invalid_path\":null,\"src\":\"/uploads/world.zip\","
        + "\"started\":\"2026-12-01T00:05:00Z\"}]}");
    return m;
  }

  /** A {@code stats} frame as a 2 GiB server sends it every second (byte counts above 2^31). */
  public static String stats() {
    return "{\"event\":\"stats\",\"cpu_percent\":37.25,\"ram_usage_bytes\":1887436800,"
        + "\"ram_total_bytes\":4294967296,\"storage_usage_bytes\":7516192768,\"storage_total_bytes\":53687091200,"
        + "\"net_tx_bytes\":123456789012,\"net_rx_bytes\":98765432109}";
  }

  /**
   * A {@code log} frame whose message is a console line of {@code chars} characters: a Java stack
   * trace with quotes, tabs and a few non-ASCII characters, so the JSON text holds escapes.
   */
  public static String logLine(int chars) {
    // A few non-ASCII characters up front, as in a real line (player names, symbols), then the trace.
    String unit = "\tat net.minecraft.server.network.ServerGamePacketListenerImpl.handleMovePlayer(\"Unknown Source\") ";
    StringBuilder b = new StringBuilder(chars + unit.length());
    b.append("[12:00:01] [Server thread/WARN]: Player \"Zoë\" moved wrongly! ±0.5 → ");
    while (b.length() < chars) {
      b.append(unit);
    }
    b.setLength(chars);
    return "{\"event\":\"log\",\"stream\":\"stderr\",\"message\":"
        + Json.encode(b.toString()) + "}";
  }
}
