package io.gamebus.codecs.modrinth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gamebus.codecs.modrinth.ModrinthCodecException.Reason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The catalogue as data, and each field rule of §7 refusing what it should, by field path. */
class ModrinthEventValidationTest {

  @Test
  void lookupByWireNameAndDirection() {
    for (ModrinthEvent e : ModrinthEvent.values()) {
      assertEquals(e, ModrinthEvent.of(e.wireName()));
      assertTrue(e.fromClient() != e.fromServer());
    }
    assertEquals(16, ModrinthEvent.values().length);
    assertTrue(ModrinthEvent.AUTH.fromClient());
    assertTrue(ModrinthEvent.COMMAND.fromClient());
    assertTrue(ModrinthEvent.AUTH_OK.fromServer());
    assertTrue(ModrinthEvent.FILESYSTEM_OPS.fromServer());
    assertNull(ModrinthEvent.of("AUTH"));
    assertNull(ModrinthEvent.of("nope"));
    assertNull(ModrinthEvent.of(null));
    assertEquals(List.of("cpu_percent", "ram_usage_bytes", "ram_total_bytes", "storage_usage_bytes",
        "storage_total_bytes", "net_tx_bytes", "net_rx_bytes"), ModrinthEvent.STATS.requiredFields());
    assertEquals(List.of("oom_killed", "exit_code"), ModrinthEvent.POWER_STATE.optionalFields());
    assertEquals(List.of(), ModrinthEvent.AUTH_OK.requiredFields());
  }

  @Test
  void optionalFieldsMayBeAbsentOrNull() {
    valid("{\"event\":\"power-state\",\"state\":\"running\"}");
    valid("{\"event\":\"power-state\",\"state\":\"crashed\",\"oom_killed\":null,\"exit_code\":null}");
    valid("{\"event\":\"log4j\"}");
    valid("{\"event\":\"log4j\",\"logger_name\":null,\"level\":null,\"thread_name\":null,"
        + "\"timestamp_millis\":null,\"message\":null,\"throwable\":null}");
    valid("{\"event\":\"installation-result\",\"result\":\"ok\"}");
    valid("{\"event\":\"backup-progress\",\"id\":\"b\",\"task\":\"file\",\"state\":\"pending\",\"progress\":0}");
    valid("{\"event\":\"state\",\"debug\":null,\"power_variant\":\"idle\",\"target\":null,\"uptime\":0,"
        + "\"progress\":null,\"content_error\":null}");
    JsonObject ops = frame("filesystem-ops");
    ops.getJsonArray("all").getJsonObject(0).remove("current_file");
    ops.getJsonArray("all").getJsonObject(0).remove("invalid_path");
    assertDoesNotThrow(() -> ModrinthCodec.validate(ops));
    JsonObject file = frame("install-progress");
    file.getJsonArray("items").getJsonObject(0).getJsonObject("key").remove("target_filename");
    assertDoesNotThrow(() -> ModrinthCodec.validate(file));
  }

  @Test
  void requiredNullableFieldsMustBePresent() {
    assertEquals("state.target: required field missing", bad("state", f -> f.remove("target")));
    assertEquals("state.progress: required field missing", bad("state", f -> f.remove("progress")));
    assertEquals("state.debug: required field missing", bad("state", f -> f.remove("debug")));
    assertEquals("install-progress.items[0].error: required field missing",
        bad("install-progress", f -> item(f, "items", 0).remove("error")));
    assertEquals("stats.cpu_percent: required field missing", bad("stats", f -> f.remove("cpu_percent")));
    assertEquals("log.message: required field missing", bad("log", f -> f.remove("message")));
    assertEquals("command.cmd: expected a string, got null", bad("command", f -> f.putNull("cmd")));
  }

  @Test
  void closedValueSetsRefuseOtherValues() {
    assertEquals("log.stream: expected one of stdout, stderr, got \"STDOUT\"",
        bad("log", f -> f.put("stream", "STDOUT")));
    assertEquals("power-state.state: expected one of running, stopped, starting, stopping, crashed, got \"paused\"",
        bad("power-state", f -> f.put("state", "paused")));
    assertEquals("state.power_variant: expected one of not_ready, starting, running, stopping, idle, got \"running \"",
        bad("state", f -> f.put("power_variant", "running ")));
    assertEquals("state.target: expected one of start, stop, restart, got \"kill\"",
        bad("state", f -> f.put("target", "kill")));
    assertEquals("state.progress.phase: expected one of Analyzing, InstallingPack, InstallingLoader, Addons, "
        + "got \"analyzing\"", bad("state", f -> f.getJsonObject("progress").put("phase", "analyzing")));
    assertEquals("backup-progress.task: expected one of file, create, restore, got \"delete\"",
        bad("backup-progress", f -> f.put("task", "delete")));
    assertEquals("backup-progress.state: expected one of pending, ongoing, done, failed, cancelled, unchanged, "
        + "damaged, got \"lost\"", bad("backup-progress", f -> f.put("state", "lost")));
    assertEquals("installation-result.result: expected one of ok, err, got \"error\"",
        bad("installation-result", f -> f.put("result", "error")));
    assertEquals("install-progress.items[2].key.type: expected one of file, modrinth_modpack, local_modpack, "
        + "platform, got \"url\"", bad("install-progress", f -> item(f, "items", 2).getJsonObject("key").put("type", "url")));
    assertEquals("filesystem-ops.all[0].op: expected one of unarchive, got \"archive\"",
        bad("filesystem-ops", f -> item(f, "all", 0).put("op", "archive")));
    assertEquals("filesystem-ops.all[0].state: expected one of queued, ongoing, done, cancelled, failure-corrupted, "
        + "failure-invalid-path, got \"failed\"", bad("filesystem-ops", f -> item(f, "all", 0).put("state", "failed")));
  }

  @Test
  void wrongJsonTypesAreNamedByPath() {
    assertEquals("stats.ram_usage_bytes: expected a non-negative number, got \"x\"",
        bad("stats", f -> f.put("ram_usage_bytes", "x")));
    assertEquals("stats.net_rx_bytes: expected a non-negative number, got -1",
        bad("stats", f -> f.put("net_rx_bytes", -1)));
    assertEquals("stats.cpu_percent: expected a non-negative number, got -0.5",
        bad("stats", f -> f.put("cpu_percent", -0.5)));
    assertEquals("stats.cpu_percent: expected a non-negative number, got NaN",
        bad("stats", f -> f.put("cpu_percent", Double.NaN)));
    assertEquals("uptime.uptime: expected a non-negative number, got true", bad("uptime", f -> f.put("uptime", true)));
    assertEquals("power-state.exit_code: expected an integer, got 1.5", bad("power-state", f -> f.put("exit_code", 1.5)));
    assertEquals("power-state.oom_killed: expected a boolean, got \"yes\"",
        bad("power-state", f -> f.put("oom_killed", "yes")));
    assertEquals("backup-progress.progress: expected a number from 0 to 1, got 1.5",
        bad("backup-progress", f -> f.put("progress", 1.5)));
    assertEquals("state.content_error: expected an object, got \"disk full\"",
        bad("state", f -> f.put("content_error", "disk full")));
    assertEquals("state.content_error.description: expected a string, got 3",
        bad("state", f -> f.getJsonObject("content_error").put("description", 3)));
    assertEquals("install-progress.items: expected an array, got an object",
        bad("install-progress", f -> f.put("items", new JsonObject())));
    assertEquals("install-progress.items[1]: expected an object, got 5",
        bad("install-progress", f -> f.getJsonArray("items").set(1, 5)));
    assertEquals("install-progress.items[3].key.game_version: required field missing",
        bad("install-progress", f -> item(f, "items", 3).getJsonObject("key").remove("game_version")));
    assertEquals("install-progress.items[2].key.filename: expected a string, got null",
        bad("install-progress", f -> item(f, "items", 2).getJsonObject("key").putNull("filename")));
    assertEquals("install-progress.items[0].key.type: required field missing",
        bad("install-progress", f -> item(f, "items", 0).getJsonObject("key").remove("type")));
    assertEquals("filesystem-ops.all[0].bytes_processed: expected a non-negative number, got \"5\"",
        bad("filesystem-ops", f -> item(f, "all", 0).put("bytes_processed", "5")));
    assertEquals("new-mod.version_id: expected a string, got an array",
        bad("new-mod", f -> f.put("version_id", new JsonArray())));
  }

  @Test
  void unitIntervalAndNumberEdges() {
    valid("{\"event\":\"backup-progress\",\"id\":\"b\",\"task\":\"file\",\"state\":\"done\",\"progress\":1}");
    valid("{\"event\":\"backup-progress\",\"id\":\"b\",\"task\":\"file\",\"state\":\"done\",\"progress\":0.0}");
    valid("{\"event\":\"uptime\",\"uptime\":12.5}");
    valid("{\"event\":\"power-state\",\"state\":\"crashed\",\"exit_code\":-1}");
    valid("{\"event\":\"stats\",\"cpu_percent\":0,\"ram_usage_bytes\":0,\"ram_total_bytes\":0,"
        + "\"storage_usage_bytes\":0,\"storage_total_bytes\":0,\"net_tx_bytes\":0,\"net_rx_bytes\":0}");
  }

  @Test
  void typeUnknownFieldsTakeAnyValue() {
    valid("{\"event\":\"state\",\"debug\":{\"pid\":7},\"power_variant\":\"running\",\"target\":\"start\","
        + "\"uptime\":3,\"progress\":{\"started_at\":1764547200,\"phase\":\"Addons\",\"percent\":1},"
        + "\"content_error\":{\"step\":3,\"description\":\"d\"}}");
  }

  private static JsonObject frame(String event) {
    return new JsonObject(ModrinthFixtures.everyEvent().get(event));
  }

  private static JsonObject item(JsonObject frame, String array, int index) {
    return frame.getJsonArray(array).getJsonObject(index);
  }

  private static void valid(String text) {
    assertDoesNotThrow(() -> new ModrinthCodec().decode(text), text);
  }

  /** The BAD_FIELDS message after {@code change} on the event's fixture; encode and decode agree. */
  private static String bad(String event, Consumer<JsonObject> change) {
    JsonObject f = frame(event);
    ModrinthCodec.validate(f);
    change.accept(f);
    ModrinthCodecException e = assertThrows(ModrinthCodecException.class, () -> ModrinthCodec.validate(f));
    assertEquals(Reason.BAD_FIELDS, e.reason());
    if (!f.encode().contains("NaN")) {
      ModrinthCodecException d = assertThrows(ModrinthCodecException.class, () -> new ModrinthCodec().decode(f.encode()));
      assertEquals(e.getMessage(), d.getMessage());
    }
    assertFalse(e.getMessage().isEmpty());
    return e.getMessage();
  }
}
