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
 *   "inbound": [{"addressRegex": "gamebus\\.[^.]+\\.[^.]+\\.(out|request|connections|close)"}], "outbound": [{"addressRegex": "gamebus\\.[^.]+\\.[^.]+\\.(in(\\..+)?|sent(\\..+)?|status)"}],
 *   "maxFrameBytes": 65536, "pingTimeoutMs": 10000}}</pre>
 */
public final class BridgeConfig extends ConfigObject {

  /**
   * After the bus prefix: {@code .<protocol>.<endpoint>.out} and {@code .request}, and the operator
   * channels {@code .connections} (list) and {@code .close} (close one connection). Closing is
   * allowed by default because a page that may write {@code .out} can already send any message to
   * any connection, which is more; a bridge reachable by others needs {@code auth} or its own
   * {@code inbound} list either way.
   */
  public static final String WRITABLE_CHANNELS = "\\.[^.]+\\.[^.]+\\.(out|request|connections|close)";

  /** After the bus prefix: {@code .<protocol>.<endpoint>.in}, {@code .in.<type>}, {@code .status}. */
  public static final String READABLE_CHANNELS = "\\.[^.]+\\.[^.]+\\.(in(\\..+)?|sent(\\..+)?|status)";

  public static final String DEFAULT_PATH = "/eventbus";
  public static final int DEFAULT_MAX_FRAME_BYTES = 65536;
  public static final int DEFAULT_PING_TIMEOUT_MS = 10000;
  /** The SockJS transports that may be enabled; {@code jsonp} and {@code htmlfile} never are (see {@link #transports()}). */
  public static final List<String> TRANSPORTS = List.of("websocket", "xhr-streaming", "xhr-polling", "eventsource");
  public static final int DEFAULT_MAX_PENDING_BYTES = 1 << 20;
  public static final String DISCONNECT = "disconnect";
  public static final String DROP = "drop";
  public static final int DEFAULT_MAX_REGISTRATIONS = 256;
  public static final int DEFAULT_MAX_PENDING_REPLIES = 256;
  public static final int DEFAULT_REPLY_TIMEOUT_MS = 30000;
  public static final int DEFAULT_HISTORY_SIZE = 1000;
  public static final int DEFAULT_HISTORY_MAX_AGE_SECONDS = 300;
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

  private final String path;
  private final List<String> allowedOrigins;
  private final List<PermittedAddress> inbound;
  private final List<PermittedAddress> outbound;
  private final int maxFrameBytes;
  private final int pingTimeoutMs;
  private final List<String> transports;
  private final int maxPendingBytes;
  private final String slowSubscriber;
  private final int maxRegistrations;
  private final int maxPendingReplies;
  private final int replyTimeoutMs;
  private final int historySize;
  private final int historyMaxAgeSeconds;
  private final int maxConnections;
  private final int idleTimeoutSeconds;
  private final BridgeAuthConfig auth;

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
    this.transports = f.list("transports", TRANSPORTS, BridgeConfig::transport);
    if (!transports.contains("websocket")) {
      throw f.error("transports", "websocket cannot be turned off: the console and every current browser use it");
    }
    this.maxPendingBytes = f.integer("maxPendingBytes", DEFAULT_MAX_PENDING_BYTES, 1024, Integer.MAX_VALUE);
    this.slowSubscriber = f.matching("slowSubscriber", DISCONNECT, DISCONNECT + "|" + DROP, "disconnect or drop");
    this.maxRegistrations = f.integer("maxRegistrations", DEFAULT_MAX_REGISTRATIONS, 1, 100_000);
    this.maxPendingReplies = f.integer("maxPendingReplies", DEFAULT_MAX_PENDING_REPLIES, 1, 100_000);
    this.replyTimeoutMs = f.integer("replyTimeoutMs", DEFAULT_REPLY_TIMEOUT_MS, 1, Integer.MAX_VALUE);
    this.historySize = f.integer("historySize", DEFAULT_HISTORY_SIZE, 0, 1_000_000);
    this.historyMaxAgeSeconds = f.integer("historyMaxAgeSeconds", DEFAULT_HISTORY_MAX_AGE_SECONDS, 1, 86_400);
    this.maxConnections = f.integer("maxConnections", DEFAULT_MAX_CONNECTIONS, 1, 1_000_000);
    this.idleTimeoutSeconds = f.integer("idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS, 1, 86_400);
    this.auth = f.has("auth") ? f.object("auth", BridgeAuthConfig::new) : null;
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

  /**
   * The SockJS transports offered; default all of {@link #TRANSPORTS}. {@code websocket} is
   * always on. {@code jsonp} and {@code htmlfile} are refused: they run our answer as a script
   * in the page that asked, which an Origin check cannot guard (a script tag sends no Origin).
   */
  public List<String> transports() {
    return transports;
  }

  /** Bytes written to one browser socket and not yet taken by it, past which {@link #slowSubscriber()} applies; default 1 MiB. */
  public int maxPendingBytes() {
    return maxPendingBytes;
  }

  /** {@value #DISCONNECT} (default: closed with a reason) or {@value #DROP} (messages skipped, the gap visible in {@code seq}). */
  public String slowSubscriber() {
    return slowSubscriber;
  }

  /** Addresses one socket may listen on at once; default {@value #DEFAULT_MAX_REGISTRATIONS}. */
  public int maxRegistrations() {
    return maxRegistrations;
  }

  /** Requests one socket may have awaiting a reply at once (either way); default {@value #DEFAULT_MAX_PENDING_REPLIES}. */
  public int maxPendingReplies() {
    return maxPendingReplies;
  }

  /** How long a browser's request waits for its reply, in ms; default {@value #DEFAULT_REPLY_TIMEOUT_MS}. */
  public int replyTimeoutMs() {
    return replyTimeoutMs;
  }

  /** Envelopes kept per address for recovery after a reconnect; 0 turns recovery off; default {@value #DEFAULT_HISTORY_SIZE}. */
  public int historySize() {
    return historySize;
  }

  /** Oldest envelope kept for recovery, in seconds; default {@value #DEFAULT_HISTORY_MAX_AGE_SECONDS}. */
  public int historyMaxAgeSeconds() {
    return historyMaxAgeSeconds;
  }

  /**
   * TCP connections the console's port holds at once (pages, bridge sockets, connections that have
   * not sent a request yet); past it a new one is closed at accept; default {@value #DEFAULT_MAX_CONNECTIONS}.
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * A connection of the console's port on which nothing was read or written for this long is
   * closed, in seconds; default {@value #DEFAULT_IDLE_TIMEOUT_SECONDS}. On a bridge WebSocket only
   * what the browser sends counts (clients ping every 5 s), so one that only receives is closed
   * too; SockJS's fallback sessions also count what is written (SockJS's heartbeat, every 25 s).
   */
  public int idleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  /** Browser authentication, or {@code null} (the default) when every socket has the default permissions. */
  public BridgeAuthConfig auth() {
    return auth;
  }

  @Override
  public JsonObject toJson() {
    JsonArray in = new JsonArray();
    inbound.forEach(p -> in.add(p.toJson()));
    JsonArray out = new JsonArray();
    outbound.forEach(p -> out.add(p.toJson()));
    JsonObject json = new JsonObject()
        .put("path", path)
        .put("allowedOrigins", new JsonArray(new java.util.ArrayList<>(allowedOrigins)))
        .put("inbound", in)
        .put("outbound", out)
        .put("maxFrameBytes", maxFrameBytes)
        .put("pingTimeoutMs", pingTimeoutMs)
        .put("transports", new JsonArray(new java.util.ArrayList<>(transports)))
        .put("maxPendingBytes", maxPendingBytes)
        .put("slowSubscriber", slowSubscriber)
        .put("maxRegistrations", maxRegistrations)
        .put("maxPendingReplies", maxPendingReplies)
        .put("replyTimeoutMs", replyTimeoutMs)
        .put("historySize", historySize)
        .put("historyMaxAgeSeconds", historyMaxAgeSeconds)
        .put("maxConnections", maxConnections)
        .put("idleTimeoutSeconds", idleTimeoutSeconds);
    return auth == null ? json : json.put("auth", auth.toJson());
  }

  private static String transport(Object value, String path) {
    String name = JsonFields.strings(value, path);
    if ("jsonp".equals(name) || "htmlfile".equals(name)) {
      throw new ConfigException(path, "'" + name + "' is never offered: it runs our answer as a script in the asking page,"
          + " which the Origin check cannot guard");
    }
    if (!TRANSPORTS.contains(name)) {
      throw new ConfigException(path, "'" + name + "' is not one of " + String.join(", ", TRANSPORTS));
    }
    return name;
  }

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
