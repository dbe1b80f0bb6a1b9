package io.gamebus.config;

import io.vertx.core.json.JsonObject;

/**
 * What one endpoint accepts before it refuses: sizes, connections, time and rate. Every limit has a
 * default, so an endpoint without {@code "limits"} is still bounded. 0 means "none" only where said.
 *
 * <pre>{@code "limits": {"maxMessageBytes": 10485760, "maxFrameBytes": 4194304, "maxConnections": 1000,
 *   "idleTimeoutSeconds": 0, "loginTimeoutSeconds": 300, "maxMessagesPerSecond": 0,
 *   "maxPendingWriteBytes": 1048576,
 *   "slowConsumerSeconds": 30, "upgradeTimeoutSeconds": 10, "badInputLogLevel": "info",
 *   "statusLogLevels": {"connection-opened": "debug", ...}}}</pre>
 */
public final class LimitsConfig extends ConfigObject {

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
  public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;
  public static final int DEFAULT_MAX_CONNECTIONS = 1000;
  public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 0;
  public static final int DEFAULT_LOGIN_TIMEOUT_SECONDS = 300;
  public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 0;
  public static final int DEFAULT_MAX_PENDING_WRITE_BYTES = 1024 * 1024;
  public static final int DEFAULT_SLOW_CONSUMER_SECONDS = 30;
  public static final int DEFAULT_UPGRADE_TIMEOUT_SECONDS = 10;
  /** Levels a bad input may be logged at; {@code off} logs none (it is still counted and announced). */
  public static final String BAD_INPUT_LOG_LEVELS = "off|debug|info|warning";
  public static final String DEFAULT_BAD_INPUT_LOG_LEVEL = "info";

  private static final int MAX = Integer.MAX_VALUE;

  private final int maxMessageBytes;
  private final int maxFrameBytes;
  private final int maxConnections;
  private final int idleTimeoutSeconds;
  private final int upgradeTimeoutSeconds;
  private final int loginTimeoutSeconds;
  private final int maxMessagesPerSecond;
  private final int maxPendingWriteBytes;
  private final int slowConsumerSeconds;
  private final String badInputLogLevel;
  private final StatusLogLevels statusLogLevels;
  private final java.util.Set<String> given;

  LimitsConfig(JsonFields f) {
    this(f, Defaults.GENERAL);
  }

  /**
   * A protocol's own defaults where its peers differ from the general ones (RPFM: 64 MiB messages
   * sent as single frames; Modrinth: 1 MiB and a 30 s login, as long as its client waits for
   * {@code auth-ok}).
   *
   * @param maxFrameBytes the frame default; {@link #FRAME_IS_MESSAGE} for peers that send every
   *     message as one frame, so the frame limit follows {@code maxMessageBytes} however it is set
   */
  public record Defaults(int maxMessageBytes, int maxFrameBytes, int loginTimeoutSeconds) {
    public static final int FRAME_IS_MESSAGE = -1;
    public static final Defaults GENERAL = new Defaults(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_FRAME_BYTES,
      DEFAULT_LOGIN_TIMEOUT_SECONDS);
  }

  /** A frame larger than a whole message could never be accepted, so the message size caps the frame size. */
  LimitsConfig(JsonFields f, Defaults defaults) {
    maxMessageBytes = f.integer("maxMessageBytes", defaults.maxMessageBytes(), 1, MAX);
    int frameDefault = defaults.maxFrameBytes() == Defaults.FRAME_IS_MESSAGE ? maxMessageBytes
      : Math.min(defaults.maxFrameBytes(), maxMessageBytes);
    maxFrameBytes = f.integer("maxFrameBytes", frameDefault, 1, MAX);
    if (maxFrameBytes > maxMessageBytes) {
      throw f.error("maxFrameBytes", maxFrameBytes + " is more than maxMessageBytes (" + maxMessageBytes + ")");
    }
    maxConnections = f.integer("maxConnections", DEFAULT_MAX_CONNECTIONS, 1, MAX);
    idleTimeoutSeconds = f.integer("idleTimeoutSeconds", DEFAULT_IDLE_TIMEOUT_SECONDS, 0, MAX);
    loginTimeoutSeconds = f.integer("loginTimeoutSeconds", defaults.loginTimeoutSeconds(), 0, MAX);
    maxMessagesPerSecond = f.integer("maxMessagesPerSecond", DEFAULT_MAX_MESSAGES_PER_SECOND, 0, MAX);
    maxPendingWriteBytes = f.integer("maxPendingWriteBytes", DEFAULT_MAX_PENDING_WRITE_BYTES, 1, MAX);
    slowConsumerSeconds = f.integer("slowConsumerSeconds", DEFAULT_SLOW_CONSUMER_SECONDS, 1, MAX);
    upgradeTimeoutSeconds = f.integer("upgradeTimeoutSeconds", DEFAULT_UPGRADE_TIMEOUT_SECONDS, 1, 3600);
    badInputLogLevel = f.matching("badInputLogLevel", DEFAULT_BAD_INPUT_LOG_LEVEL, BAD_INPUT_LOG_LEVELS,
        "one of off, debug, info, warning");
    statusLogLevels = f.object("statusLogLevels", StatusLogLevels::new);
    given = java.util.Set.copyOf(f.givenKeys());
    f.done();
  }

  public static LimitsConfig fromJson(JsonObject json) {
    return new LimitsConfig(JsonFields.of(json, "limits"));
  }

  /** All defaults. */
  public static LimitsConfig defaults() {
    return fromJson(new JsonObject());
  }

  /** Largest decoded message (a line, a length-prefixed frame, a JSON document), in bytes; default 10 MiB. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Largest single WebSocket frame, in bytes; default 4 MiB (or maxMessageBytes, if smaller). */
  public int maxFrameBytes() {
    return maxFrameBytes;
  }

  /** Open connections a server endpoint accepts at once; default 1000. */
  public int maxConnections() {
    return maxConnections;
  }

  /** A connection silent this long is closed, in seconds; default 0, never. */
  public int idleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  /** A connection that has not logged in this long after opening is closed, in seconds; default 300; 0 never. */
  public int loginTimeoutSeconds() {
    return loginTimeoutSeconds;
  }

  /** Messages one connection may send per second before it is throttled; default 0, unlimited. */
  public int maxMessagesPerSecond() {
    return maxMessagesPerSecond;
  }

  /**
   * Bytes queued for a peer before the endpoint stops reading from it, in bytes; default 1 MiB.
   * A peer whose queue goes past twice this is cut off as a slow consumer.
   */
  public int maxPendingWriteBytes() {
    return maxPendingWriteBytes;
  }

  /** How long a peer's write queue may stay over maxPendingWriteBytes before it is cut off, in seconds; default 30. */
  public int slowConsumerSeconds() {
    return slowConsumerSeconds;
  }

  /**
   * How long a connection to a WebSocket listener may take to send its first request (the upgrade,
   * or a plain HTTP request of the listener's routes), or its next one after a plain request was
   * answered, in seconds; default 10. Such connections count against {@code maxConnections} from
   * the moment they are accepted.
   */
  public int upgradeTimeoutSeconds() {
    return upgradeTimeoutSeconds;
  }

  /**
   * The level at which each bad input is logged, one line each, at most
   * {@code 10} lines a second per endpoint (then one line says how many were left out);
   * default {@value #DEFAULT_BAD_INPUT_LOG_LEVEL}.
   */
  public String badInputLogLevel() {
    return badInputLogLevel;
  }

  /**
   * The level at which each {@code .status} event is logged, at most 10 lines a second per endpoint
   * for its connections' events and 10 for its own; default {@link StatusLogLevels#DEFAULTS}.
   */
  public StatusLogLevels statusLogLevels() {
    return statusLogLevels;
  }

  /** Whether the configuration set that field, rather than leaving it to its default. */
  public boolean isSet(String field) {
    return given.contains(field);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject()
        .put("maxMessageBytes", maxMessageBytes)
        .put("maxFrameBytes", maxFrameBytes)
        .put("maxConnections", maxConnections)
        .put("idleTimeoutSeconds", idleTimeoutSeconds)
        .put("loginTimeoutSeconds", loginTimeoutSeconds)
        .put("maxMessagesPerSecond", maxMessagesPerSecond)
        .put("maxPendingWriteBytes", maxPendingWriteBytes)
        .put("slowConsumerSeconds", slowConsumerSeconds)
        .put("upgradeTimeoutSeconds", upgradeTimeoutSeconds)
        .put("badInputLogLevel", badInputLogLevel)
        .put("statusLogLevels", statusLogLevels.toJson());
  }
}
