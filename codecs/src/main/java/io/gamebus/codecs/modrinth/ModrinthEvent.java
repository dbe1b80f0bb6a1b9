package io.gamebus.codecs.modrinth;

import static io.gamebus.codecs.modrinth.Field.opt;
import static io.gamebus.codecs.modrinth.Field.req;
import static io.gamebus.codecs.modrinth.Shape.ANY;
import static io.gamebus.codecs.modrinth.Shape.BOOLEAN;
import static io.gamebus.codecs.modrinth.Shape.INTEGER;
import static io.gamebus.codecs.modrinth.Shape.NON_NEGATIVE;
import static io.gamebus.codecs.modrinth.Shape.NUMBER;
import static io.gamebus.codecs.modrinth.Shape.STRING;
import static io.gamebus.codecs.modrinth.Shape.UNIT_INTERVAL;
import static io.gamebus.codecs.modrinth.Shape.arrayOf;
import static io.gamebus.codecs.modrinth.Shape.object;
import static io.gamebus.codecs.modrinth.Shape.oneOf;
import static io.gamebus.codecs.modrinth.Shape.orNull;
import static io.gamebus.codecs.modrinth.Shape.tagged;
import static io.gamebus.codecs.modrinth.Shape.variants;

import io.gamebus.codecs.modrinth.Shape.ObjectShape;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every event of the Modrinth Hosting server socket (modrinth.md §7, {@code @modrinth/api-client}
 * 0.77.0) with its wire name, its direction and the shape of its fields. Fields §7 names without a
 * type ({@code state.debug}, {@code progress.started_at}, {@code content_error.step},
 * {@code backup-progress.start_time}/{@code finish_time}, {@code install-progress} item
 * {@code progress}/{@code error}, {@code log4j.throwable}) only have to be present when required;
 * fields not listed are allowed. An event not in this enum is not an error: {@link #of} returns
 * null and the frame passes through unchecked.
 */
public enum ModrinthEvent {

  /** Client → server: the JWT from the token endpoint; first frame, and again on re-auth. Secret. */
  AUTH("auth", true, Field.secret("jwt", STRING)),
  /** Client → server: one console line. */
  COMMAND("command", true, req("cmd", STRING)),
  /** Server → client: the JWT was accepted. */
  AUTH_OK("auth-ok", false),
  /** Server → client: the JWT was refused; the client fetches a new one and sends {@code auth} again. */
  AUTH_INCORRECT("auth-incorrect", false),
  /** Server → client: the JWT expires soon; the client sends a fresh {@code auth} on the same socket. */
  AUTH_EXPIRING("auth-expiring", false),
  /** Server → client: console output. */
  LOG("log", false, req("stream", oneOf("stdout", "stderr")), req("message", STRING)),
  /** Server → client: a structured log4j record; every field optional. */
  LOG4J("log4j", false, opt("logger_name", STRING), opt("level", STRING), opt("thread_name", STRING),
      opt("timestamp_millis", NON_NEGATIVE), opt("message", STRING), opt("throwable", ANY)),
  /** Server → client: resource usage; byte counts may exceed 2^31 (Long) and even 2^63 (BigInteger). */
  STATS("stats", false, req("cpu_percent", NON_NEGATIVE), req("ram_usage_bytes", NON_NEGATIVE),
      req("ram_total_bytes", NON_NEGATIVE), req("storage_usage_bytes", NON_NEGATIVE),
      req("storage_total_bytes", NON_NEGATIVE), req("net_tx_bytes", NON_NEGATIVE), req("net_rx_bytes", NON_NEGATIVE)),
  /** Server → client: the game process changed state; {@code oom_killed}/{@code exit_code} come with {@code crashed}. */
  POWER_STATE("power-state", false, req("state", oneOf("running", "stopped", "starting", "stopping", "crashed")),
      opt("oom_killed", BOOLEAN), opt("exit_code", INTEGER)),
  /** Server → client: the whole server state, including install progress and content errors. */
  STATE("state", false, req("debug", ANY),
      req("power_variant", oneOf("not_ready", "starting", "running", "stopping", "idle")),
      opt("exit_code", INTEGER), opt("was_oom", BOOLEAN),
      req("target", orNull(oneOf("start", "stop", "restart"))),
      req("uptime", NON_NEGATIVE),
      req("progress", orNull(object(req("started_at", ANY),
          req("phase", oneOf("Analyzing", "InstallingPack", "InstallingLoader", "Addons")),
          req("percent", NUMBER)))),
      req("content_error", orNull(object(req("step", ANY), req("description", STRING))))),
  /** Server → client: seconds the game process has been running. */
  UPTIME("uptime", false, req("uptime", NON_NEGATIVE)),
  /** Server → client: progress of a backup task; {@code progress} from 0.0 to 1.0. */
  BACKUP_PROGRESS("backup-progress", false, req("id", STRING), req("task", oneOf("file", "create", "restore")),
      req("state", oneOf("pending", "ongoing", "done", "failed", "cancelled", "unchanged", "damaged")),
      req("progress", UNIT_INTERVAL), opt("start_time", ANY), opt("finish_time", ANY)),
  /** Server → client: outcome of an installation; {@code reason} comes with {@code err}. */
  INSTALLATION_RESULT("installation-result", false, req("result", oneOf("ok", "err")), opt("reason", STRING)),
  /** Server → client: a mod was added. */
  NEW_MOD("new-mod", false, req("project_id", STRING), req("version_id", STRING)),
  /** Server → client: per-item progress of content being installed into a world. */
  INSTALL_PROGRESS("install-progress", false, req("items", arrayOf(object(req("world_id", STRING),
      req("key", tagged("type", variants(
          "file", object(req("install_type", ANY), req("project_id", STRING), req("version_id", STRING),
              req("parent_directory", STRING), req("source_filename", STRING), opt("target_filename", STRING)),
          "modrinth_modpack", object(req("project_id", STRING), req("version_id", STRING)),
          "local_modpack", object(req("filename", STRING)),
          "platform", object(req("platform", STRING), req("platform_version", STRING),
              req("game_version", STRING))))),
      req("id", STRING), req("progress", ANY), req("error", ANY))))),
  /** Server → client: every running filesystem operation (unarchiving an upload). */
  FILESYSTEM_OPS("filesystem-ops", false, req("all", arrayOf(object(req("op", oneOf("unarchive")), req("id", STRING),
      req("progress", NUMBER), req("bytes_processed", NON_NEGATIVE), req("files_processed", NON_NEGATIVE),
      req("state", oneOf("queued", "ongoing", "done", "cancelled", "failure-corrupted", "failure-invalid-path")),
      req("mime", STRING), opt("current_file", STRING), opt("invalid_path", STRING), req("src", STRING),
      req("started", STRING)))));

  private static final Map<String, ModrinthEvent> BY_NAME = new HashMap<>();

  static {
    for (ModrinthEvent e : values()) {
      BY_NAME.put(e.wireName, e);
    }
  }

  private final String wireName;
  private final boolean fromClient;
  private final ObjectShape shape;

  ModrinthEvent(String wireName, boolean fromClient, Field... fields) {
    this.wireName = wireName;
    this.fromClient = fromClient;
    this.shape = object(fields);
  }

  /** The event of this wire name, or null for an event not in the catalogue (which passes through unchecked). */
  public static ModrinthEvent of(String wireName) {
    return wireName == null ? null : BY_NAME.get(wireName);
  }

  /** The value of the {@code event} field, e.g. {@code power-state}. */
  public String wireName() {
    return wireName;
  }

  /** True for the events the client sends ({@code auth}, {@code command}). */
  public boolean fromClient() {
    return fromClient;
  }

  /** True for the events the server sends (every event but {@code auth} and {@code command}). */
  public boolean fromServer() {
    return !fromClient;
  }

  /** Names of the top-level fields that must be present (besides {@code event}), in §7 order. */
  public List<String> requiredFields() {
    return shape.fields().stream().filter(Field::required).map(Field::name).toList();
  }

  /** Names of the top-level fields that may be absent or null, in §7 order. */
  public List<String> optionalFields() {
    return shape.fields().stream().filter(f -> !f.required()).map(Field::name).toList();
  }

  /** Null when the frame's fields fit this event, else the problem. */
  Problem check(Map<?, ?> frame) {
    return shape.checkFields(frame, false);
  }
}
