package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * The SockJS event-bus bridge for browsers. Permissions deny by default: an address not matched by
 * an entry of {@code inbound} (browser to bus) or {@code outbound} (bus to browser) is refused, and
 * an empty list permits nothing. When a list is absent its default applies.
 *
 * <pre>{@code "bridge": {"path": "/eventbus", "allowedOrigins": [],
 *   "inbound": [{"addressRegex": "gamebus\\.[^.]+\\.[^.]+\\.(out|request)"}], "outbound": [{"addressRegex": "gamebus\\.[^.]+\\.[^.]+\\.(in(\\..+)?|status)"}],
 *   "maxFrameBytes": 65536, "pingTimeoutMs": 10000}}</pre>
 */
public final class BridgeConfig extends ConfigObject {

  /** After the bus prefix: {@code .<protocol>.<endpoint>.in}, {@code .in.<type>}, {@code .status}. */
  /** After the bus prefix: {@code .<protocol>.<endpoint>.out} and {@code .request}. */
  public static final String WRITABLE_CHANNELS = "\\.[^.]+\\.[^.]+\\.(out|request)";

  public static final String READABLE_CHANNELS = "\\.[^.]+\\.[^.]+\\.(in(\\..+)?|status)";

  public static final String DEFAULT_PATH = "/eventbus";
  public static final int DEFAULT_MAX_FRAME_BYTES = 65536;
  public static final int DEFAULT_PING_TIMEOUT_MS = 10000;

  private final String path;
  private final List<String> allowedOrigins;
  private final List<PermittedAddress> inbound;
  private final List<PermittedAddress> outbound;
  private final int maxFrameBytes;
  private final int pingTimeoutMs;

  /** {@code busPrefix} shapes the default permissions, so renaming the prefix keeps the console working. */
  BridgeConfig(JsonFields f, String busPrefix) {
    this.path = f.matching("path", DEFAULT_PATH, "(/[A-Za-z0-9._~-]+)+",
        "a path like /eventbus (starts with /, no trailing /)");
    this.allowedOrigins = f.list("allowedOrigins", List.of(), BridgeConfig::origin);
    this.inbound = f.list("inbound", List.of(PermittedAddress.addressRegex(busPrefix + WRITABLE_CHANNELS)),
        JsonFields.objects(PermittedAddress::new));
    // Only the publish channels: a browser registering on a point-to-point address (.out,
    // .handle.*, .endpoints) would join its round-robin and intercept or forge answers.
    this.outbound = f.list("outbound", List.of(PermittedAddress.addressRegex(busPrefix + READABLE_CHANNELS)),
        JsonFields.objects(PermittedAddress::new));
    this.maxFrameBytes = f.integer("maxFrameBytes", DEFAULT_MAX_FRAME_BYTES, 1, Integer.MAX_VALUE);
    this.pingTimeoutMs = f.integer("pingTimeoutMs", DEFAULT_PING_TIMEOUT_MS, 1, Integer.MAX_VALUE);
    f.done();
  }

  /** Reads {@code json}; absent fields take the defaults for the bus prefix {@code gamebus}. */
  public static BridgeConfig fromJson(JsonObject json) {
    return new BridgeConfig(JsonFields.of(json, "bridge"), GamebusConfig.DEFAULT_BUS_PREFIX);
  }

  /** Where SockJS is mounted on the HTTP server; default {@value #DEFAULT_PATH}. */
  public String path() {
    return path;
  }

  /**
   * Origins besides the console's own that may open the bridge, exact ("http://localhost:3000");
   * default none.
   */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** Addresses a browser may send or publish to; default {@code <busPrefix>\..+\.out}. */
  public List<PermittedAddress> inbound() {
    return inbound;
  }

  /** Addresses a browser may receive from; default {@code <busPrefix>\..+}. */
  public List<PermittedAddress> outbound() {
    return outbound;
  }

  /** Largest SockJS frame accepted from a browser, in bytes; default {@value #DEFAULT_MAX_FRAME_BYTES}. */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** A browser socket that has not pinged for this long is closed, in ms; default {@value #DEFAULT_PING_TIMEOUT_MS}. */
  public int pingTimeoutMs() {
    return pingTimeoutMs;
  }

  @Override
  public JsonObject toJson() {
    JsonArray in = new JsonArray();
    inbound.forEach(p -> in.add(p.toJson()));
    JsonArray out = new JsonArray();
    outbound.forEach(p -> out.add(p.toJson()));
    return new JsonObject()
        .put("path", path)
        .put("allowedOrigins", new JsonArray(new java.util.ArrayList<>(allowedOrigins)))
        .put("inbound", in)
        .put("outbound", out)
        .put("maxFrameBytes", maxFrameBytes)
        .put("pingTimeoutMs", pingTimeoutMs);
  }

  /** An origin is what a browser sends in the Origin header: scheme, host, optional port, nothing else. */
  /** One configured origin (scheme://host[:port], nothing else); shared with listener configs. */
  static String origin(Object value, String path) {
    String origin = JsonFields.strings(value, path);
    String why = "'" + origin + "' is not an origin like http://localhost:3000";
    try {
      URI uri = new URI(origin);
      boolean plain = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
          && uri.getRawQuery() == null && uri.getRawFragment() == null;
      if (!plain) {
        throw new ConfigException(path, why);
      }
    } catch (URISyntaxException e) {
      throw new ConfigException(path, why);
    }
    return origin;
  }
}
