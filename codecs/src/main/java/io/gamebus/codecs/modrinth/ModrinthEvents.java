package io.gamebus.codecs.modrinth;

import io.vertx.core.json.JsonObject;

/**
 * Builds the common Modrinth frames as JsonObjects, {@code event} first, fields in §7 order. Each
 * result is validated, so a value outside its closed set fails here with
 * {@link ModrinthCodecException} (BAD_FIELDS) rather than on the wire.
 */
public final class ModrinthEvents {

  private ModrinthEvents() {}

  /** {@code {"event":"auth","jwt":…}}: the client's first frame, and its re-auth frame. */
  public static JsonObject auth(String jwt) {
    return checked(event(ModrinthEvent.AUTH).put("jwt", jwt));
  }

  /** {@code {"event":"auth-ok"}}. */
  public static JsonObject authOk() {
    return event(ModrinthEvent.AUTH_OK);
  }

  /** {@code {"event":"auth-incorrect"}}: makes the official client fetch a new token and re-auth. */
  public static JsonObject authIncorrect() {
    return event(ModrinthEvent.AUTH_INCORRECT);
  }

  /** {@code {"event":"auth-expiring"}}: makes the official client re-auth on the same socket. */
  public static JsonObject authExpiring() {
    return event(ModrinthEvent.AUTH_EXPIRING);
  }

  /** {@code {"event":"command","cmd":…}}: one console line. */
  public static JsonObject command(String cmd) {
    return checked(event(ModrinthEvent.COMMAND).put("cmd", cmd));
  }

  /**
   * {@code {"event":"log","stream":…,"message":…}}.
   *
   * @param stream {@code stdout} or {@code stderr}
   */
  public static JsonObject log(String stream, String message) {
    return checked(event(ModrinthEvent.LOG).put("stream", stream).put("message", message));
  }

  /**
   * A {@code stats} frame.
   *
   * @param cpuPercent CPU use in percent (may exceed 100 on several cores), non-negative
   * @param ramUsageBytes the other arguments are byte counts, non-negative
   */
  public static JsonObject stats(double cpuPercent, long ramUsageBytes, long ramTotalBytes, long storageUsageBytes,
      long storageTotalBytes, long netTxBytes, long netRxBytes) {
    return checked(event(ModrinthEvent.STATS)
        .put("cpu_percent", cpuPercent)
        .put("ram_usage_bytes", ramUsageBytes)
        .put("ram_total_bytes", ramTotalBytes)
        .put("storage_usage_bytes", storageUsageBytes)
        .put("storage_total_bytes", storageTotalBytes)
        .put("net_tx_bytes", netTxBytes)
        .put("net_rx_bytes", netRxBytes));
  }

  /**
   * {@code {"event":"power-state","state":…}}.
   *
   * @param state {@code running}, {@code stopped}, {@code starting}, {@code stopping} or {@code crashed}
   */
  public static JsonObject powerState(String state) {
    return checked(event(ModrinthEvent.POWER_STATE).put("state", state));
  }

  /** A {@code power-state} of {@code crashed} with its {@code oom_killed} and {@code exit_code}. */
  public static JsonObject crashed(boolean oomKilled, int exitCode) {
    return checked(event(ModrinthEvent.POWER_STATE).put("state", "crashed").put("oom_killed", oomKilled)
        .put("exit_code", exitCode));
  }

  /** {@code {"event":"uptime","uptime":…}}, in seconds (non-negative). */
  public static JsonObject uptime(long seconds) {
    return checked(event(ModrinthEvent.UPTIME).put("uptime", seconds));
  }

  /** Same as {@link ModrinthCodec#redacted}. */
  public static JsonObject redacted(JsonObject frame) {
    return ModrinthCodec.redacted(frame);
  }

  private static JsonObject event(ModrinthEvent e) {
    return new JsonObject().put("event", e.wireName());
  }

  private static JsonObject checked(JsonObject frame) {
    ModrinthCodec.validate(frame);
    return frame;
  }
}
