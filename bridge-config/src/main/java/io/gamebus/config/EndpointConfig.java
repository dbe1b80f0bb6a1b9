package io.gamebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

/**
 * One protocol endpoint: a server that listens for the protocol's real clients, or a client that
 * connects to a real server. Its bus addresses are {@code <busPrefix>.<protocol>.<name>.*}.
 *
 * <pre>{@code {"protocol": "faf", "name": "lobby", "role": "server",
 *   "listeners": [{"transport": "tcp", "port": 8002}], "limits": {}, "auth": {}, "options": {}}
 * {"protocol": "faf", "name": "upstream", "role": "client", "url": "wss://ws.faforever.xyz/",
 *   "auth": {"tokenEnv": "FAF_TOKEN"}, "reconnect": {}}}</pre>
 */
public final class EndpointConfig extends ConfigObject {

  /** Endpoint names are part of bus addresses, so they are kept short and address-safe. */
  public static final String NAME_PATTERN = "[a-z][a-z0-9_-]{0,31}";

  private static final Set<String> URL_SCHEMES = Set.of("ws", "wss", "tcp");

  /**
   * RPFM's default message and frame size: raw files travel as JSON arrays of numbers in one
   * frame, so messages of tens of MiB are normal (the real peers have no limit at all).
   */
  public static final int RPFM_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

  /** Modrinth's default message size: its events are small; a console log line is a few KiB. */
  public static final int MODRINTH_MAX_MESSAGE_BYTES = 1024 * 1024;

  /** Modrinth's default time to send {@code auth}: its client gives up waiting for auth-ok after 30 s. */
  public static final int MODRINTH_LOGIN_TIMEOUT_SECONDS = 30;

  /** Red's default message size: aiohttp's {@code max_msg_size}, which Red's RPC server keeps. */
  public static final int RED_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

  /** The Modrinth client role's default {@code url}: the real Archon, as the official client's archonBaseUrl. */
  public static final String MODRINTH_ARCHON = "https://archon.modrinth.com";

  private final Protocol protocol;
  private final String name;
  private final Role role;
  private final List<ListenerConfig> listeners;
  private final String url;
  private final LimitsConfig limits;
  private final AuthConfig auth;
  private final ReconnectConfig reconnect;
  private final JsonObject options;
  private final String path;

  EndpointConfig(JsonFields f) {
    protocol = Ids.read(f, "protocol", Protocol::of);
    name = f.requiredString("name");
    if (!name.matches(NAME_PATTERN)) {
      throw f.error("name", "'" + name + "' is not a name: a-z first, then a-z, 0-9, _ or -, at most 32");
    }
    role = Ids.read(f, "role", Role::of);
    boolean server = role == Role.SERVER;
    listeners = f.list("listeners", List.of(), JsonFields.objects(ListenerConfig::new));
    if (server && listeners.isEmpty()) {
      throw f.error("listeners", "a server endpoint needs at least one listener");
    }
    if (!server && !listeners.isEmpty()) {
      throw f.error("listeners", "a client endpoint does not listen; it connects to its url");
    }
    // A Modrinth client's url is Archon's REST base; the real service is the default, as in the official client.
    url = f.string("url", !server && protocol == Protocol.MODRINTH ? MODRINTH_ARCHON : null);
    if (server && url != null) {
      throw f.error("url", "only client endpoints have a url; a server endpoint has listeners");
    }
    if (!server) {
      checkUrl(f);
    }
    LimitsConfig.Defaults defaults = switch (protocol) {
      case RPFM -> new LimitsConfig.Defaults(RPFM_MAX_MESSAGE_BYTES, LimitsConfig.Defaults.FRAME_IS_MESSAGE,
        LimitsConfig.DEFAULT_LOGIN_TIMEOUT_SECONDS);
      case MODRINTH -> new LimitsConfig.Defaults(MODRINTH_MAX_MESSAGE_BYTES, MODRINTH_MAX_MESSAGE_BYTES,
        MODRINTH_LOGIN_TIMEOUT_SECONDS);
      case RED -> new LimitsConfig.Defaults(RED_MAX_MESSAGE_BYTES, LimitsConfig.Defaults.FRAME_IS_MESSAGE,
        LimitsConfig.DEFAULT_LOGIN_TIMEOUT_SECONDS);
      default -> LimitsConfig.Defaults.GENERAL;
    };
    limits = f.object("limits", fields -> new LimitsConfig(fields, defaults));
    checkWhatTheProtocolHonours(f);
    auth = f.object("auth", AuthConfig::new);
    checkAuthForRole(f);
    if (server && f.has("reconnect")) {
      throw f.error("reconnect", "only client endpoints reconnect");
    }
    reconnect = f.object("reconnect", ReconnectConfig::new);
    options = f.rawObject("options", new JsonObject());
    rejectSecrets(options, f.path("options"));
    path = f.path();
    f.done();
  }

  /**
   * A limit or listener the protocol cannot honour is an error rather than silently ignored.
   * DFHack speaks TCP only, RPFM, Modrinth and Red WebSocket only (beside their HTTP routes);
   * DFHack, RPFM and Red have no login. FAF honours every limit.
   */
  private void checkWhatTheProtocolHonours(JsonFields f) {
    Transport only = switch (protocol) {
      case DFHACK -> Transport.TCP;
      case RPFM, MODRINTH, RED -> Transport.WEBSOCKET;
      default -> null;
    };
    if (only == null) {
      return;
    }
    if (protocol == Protocol.MODRINTH) {
      checkListenerTransports(f, "Modrinth", only);
      return; // Modrinth has a login: every limit applies
    }
    String name = switch (protocol) {
      case DFHACK -> "DFHack";
      case RED -> "Red";
      default -> "RPFM";
    };
    checkListenerTransports(f, name, only);
    if (protocol != Protocol.DFHACK && url != null && !url.startsWith("ws")) {
      throw f.error("url", name + " speaks WebSocket only: ws:// or wss://");
    }
    if (limits.isSet("loginTimeoutSeconds")) {
      throw f.error("limits.loginTimeoutSeconds", name + " has no login; remove this limit");
    }
  }

  private void checkListenerTransports(JsonFields f, String name, Transport only) {
    for (int i = 0; i < listeners.size(); i++) {
      if (listeners.get(i).transport() != only) {
        throw f.error("listeners[" + i + "].transport", name + " speaks " + shown(only) + " only");
      }
    }
  }

  private static String shown(Transport transport) {
    return transport == Transport.TCP ? "TCP" : "WebSocket";
  }

  public static EndpointConfig fromJson(JsonObject json) {
    return new EndpointConfig(JsonFields.of(json, ""));
  }

  /** Which protocol; required. */
  public Protocol protocol() {
    return protocol;
  }

  /** The endpoint's name in bus addresses, unique per protocol; required; {@value #NAME_PATTERN}. */
  public String name() {
    return name;
  }

  /** Server or client; required. */
  public Role role() {
    return role;
  }

  /** Where a server endpoint listens: at least one; always empty for a client. */
  public List<ListenerConfig> listeners() {
    return listeners;
  }

  /**
   * Where a client endpoint connects: {@code ws://}, {@code wss://} or {@code tcp://host:port};
   * {@code null} for a server.
   */
  public String url() {
    return url;
  }

  /** Size, connection, time and rate limits; every field defaulted. */
  public LimitsConfig limits() {
    return limits;
  }

  /** Where credentials come from; default none. */
  public AuthConfig auth() {
    return auth;
  }

  /** Backoff for a client's reconnects; defaults for a server, which never uses it. */
  public ReconnectConfig reconnect() {
    return reconnect;
  }

  /** Protocol-specific settings, checked by the protocol's verticle; default {}. A copy. */
  public JsonObject options() {
    return options.copy();
  }

  /**
   * A reader for {@link #options()} that words its errors like the rest of the configuration
   * ("endpoints[0].options.pingIntervalSeconds: expected an integer, got \"45s\""), for the
   * protocol's verticle to check its own options with. Call {@link OptionsReader#done()} last.
   */
  public OptionsReader optionsReader() {
    return new OptionsReader(JsonFields.of(options.copy(), path.isEmpty() ? "options" : path + ".options"));
  }

  /** Where this endpoint sits in the configuration, e.g. {@code endpoints[2]}; empty if read alone. */
  public String path() {
    return path;
  }

  /** {@code <busPrefix>.<protocol>.<name>}, the start of every bus address of this endpoint. */
  public String address(String busPrefix) {
    return busPrefix + "." + protocol.id() + "." + name;
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("protocol", protocol.id())
        .put("name", name)
        .put("role", role.id());
    if (role == Role.SERVER) {
      JsonArray array = new JsonArray();
      listeners.forEach(l -> array.add(l.toJson()));
      json.put("listeners", array);
    } else {
      json.put("url", url);
    }
    JsonObject limitsJson = limits.toJson();
    if (protocol == Protocol.DFHACK || protocol == Protocol.RPFM || protocol == Protocol.RED) {
      limitsJson.remove("loginTimeoutSeconds"); // no login: the field is refused on reading
    }
    json.put("limits", limitsJson).put("auth", auth.toJson());
    if (role == Role.CLIENT) {
      json.put("reconnect", reconnect.toJson());
    }
    return json.put("options", options.copy());
  }

  /** Options are free-form, but a credential pasted into them is still a credential in a file. */
  static void rejectSecrets(Object value, String path) {
    if (value instanceof JsonObject) {
      for (String key : ((JsonObject) value).fieldNames()) {
        String child = path + "." + key;
        if (JsonFields.looksLikeSecret(key)) {
          throw new ConfigException(child, AuthConfig.INLINE_SECRET);
        }
        rejectSecrets(((JsonObject) value).getValue(key), child);
      }
    } else if (value instanceof JsonArray) {
      JsonArray array = (JsonArray) value;
      for (int i = 0; i < array.size(); i++) {
        rejectSecrets(array.getValue(i), path + "[" + i + "]");
      }
    }
  }

  private void checkUrl(JsonFields f) {
    if (url == null) {
      throw f.error("url", "required for client endpoints");
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw f.error("url", "'" + url + "' is not a URL: " + e.getReason());
    }
    if (protocol == Protocol.MODRINTH) {
      // Modrinth's client asks a REST API for its socket: the url is that API's base (archonBaseUrl).
      if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme())) {
        throw f.error("url", "'" + url + "' is not Archon's REST base (http:// or https://, e.g. https://archon.modrinth.com)");
      }
    } else if (uri.getScheme() == null || !URL_SCHEMES.contains(uri.getScheme())) {
      throw f.error("url", "'" + url + "' does not start with ws://, wss:// or tcp://");
    }
    if (uri.getHost() == null) {
      throw f.error("url", "'" + url + "' has no host");
    }
    if (uri.getRawUserInfo() != null) {
      throw f.error("url", "a url must not carry credentials; use auth.tokenEnv or auth.tokenFile");
    }
    if (uri.getRawQuery() != null) {
      for (String param : uri.getRawQuery().split("&")) {
        if (JsonFields.looksLikeSecret(param.split("=", 2)[0])) {
          throw f.error("url", AuthConfig.INLINE_SECRET);
        }
      }
    }
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
        && uri.getRawQuery() == null && uri.getRawFragment() == null;
    if ("tcp".equals(uri.getScheme()) && (uri.getPort() < 0 || !bare)) {
      throw f.error("url", "'" + url + "' is not tcp://host:port");
    }
  }

  private void checkAuthForRole(JsonFields f) {
    String auth = f.path("auth");
    if (role == Role.CLIENT && this.auth.hasKey()) {
      String key = this.auth.keyEnv() != null ? "keyEnv" : "keyFile";
      throw new ConfigException(auth + "." + key,
          "a client endpoint logs in with tokenEnv or tokenFile; " + key + " is for server endpoints");
    }
    if (role == Role.SERVER && this.auth.hasToken() && protocol != Protocol.MODRINTH) {
      String key = this.auth.tokenEnv() != null ? "tokenEnv" : "tokenFile";
      throw new ConfigException(auth + "." + key,
          "a server endpoint verifies tokens with keyEnv or keyFile; " + key + " is for client endpoints");
    }
  }
}
