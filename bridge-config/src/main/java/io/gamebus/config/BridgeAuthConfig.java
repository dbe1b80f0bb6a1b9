package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Browser authentication on the bridge ({@code bridge.auth}): a page presents a JWT, which is
 * verified with the key named here (never the key itself), and the token's subject and roles add
 * permitted addresses to the bridge's defaults. Absent, the bridge authenticates nobody and every
 * socket has the default permissions.
 *
 * <pre>{@code "auth": {"jwtAlgorithm": "HS256", "keyEnv": "GAMEBUS_BRIDGE_JWT_SECRET",
 *   "issuer": "https://id.example", "audience": "gamebus", "required": false, "rolesClaim": "roles",
 *   "roles": {"ops": {"inbound": [{"address": "ops.restart"}], "outbound": [{"addressRegex": "ops\\..+"}]}},
 *   "users": {"alice": {"outbound": [{"address": "alice.inbox"}]}}}}</pre>
 */
public final class BridgeAuthConfig extends ConfigObject {

  public static final String DEFAULT_ROLES_CLAIM = "roles";

  private final String path;
  private final String jwtAlgorithm;
  private final String keyEnv;
  private final String keyFile;
  private final String issuer;
  private final String audience;
  private final boolean required;
  private final String rolesClaim;
  private final Map<String, BridgeGrant> roles;
  private final Map<String, BridgeGrant> users;

  BridgeAuthConfig(JsonFields f) {
    path = f.path();
    jwtAlgorithm = f.matching("jwtAlgorithm", AuthConfig.DEFAULT_JWT_ALGORITHM, "HS256|RS256", "one of HS256, RS256");
    keyEnv = AuthConfig.envName(f, "keyEnv");
    keyFile = AuthConfig.file(f, "keyFile");
    if (keyEnv != null && keyFile != null) {
      throw f.error("keyFile", "set keyEnv or keyFile, not both");
    }
    if (keyEnv == null && keyFile == null) {
      throw f.error("keyEnv", "required: name the variable (keyEnv) or file (keyFile) holding the key that verifies"
          + " browser tokens (the HS256 secret or the RS256 public key)");
    }
    issuer = nonEmpty(f, "issuer");
    audience = nonEmpty(f, "audience");
    required = f.bool("required", false);
    rolesClaim = f.matching("rolesClaim", DEFAULT_ROLES_CLAIM, "\\S+", "a claim name (no spaces)");
    roles = grants(f, "roles", "role");
    users = grants(f, "users", "user (a token's sub)");
    f.done();
  }

  /** Reads {@code json} as if it were at {@code bridge.auth}. */
  public static BridgeAuthConfig fromJson(JsonObject json) {
    return new BridgeAuthConfig(JsonFields.of(json, "bridge.auth"));
  }

  /** "HS256" (shared secret) or "RS256" (public key); default HS256. */
  public String jwtAlgorithm() {
    return jwtAlgorithm;
  }

  /** Environment variable holding the verification key, or {@code null} when {@link #keyFile()} is set. */
  public String keyEnv() {
    return keyEnv;
  }

  /** File holding the verification key, or {@code null} when {@link #keyEnv()} is set. */
  public String keyFile() {
    return keyFile;
  }

  /** The {@code iss} a token must carry, or {@code null} for any. */
  public String issuer() {
    return issuer;
  }

  /** A value the token's {@code aud} must carry (or be), or {@code null} for any. */
  public String audience() {
    return audience;
  }

  /**
   * Whether a socket needs a valid token before anything is permitted; default false (without a
   * token, or once it expired, a socket has the bridge's default permissions).
   */
  public boolean required() {
    return required;
  }

  /**
   * The claim listing the token's roles (an array of strings, or one space-separated string);
   * default {@value #DEFAULT_ROLES_CLAIM}. If no claim has exactly this name, a dotted name is
   * followed into nested objects ({@code realm_access.roles}).
   */
  public String rolesClaim() {
    return rolesClaim;
  }

  /** What each role adds to the defaults, by role name; default none. */
  public Map<String, BridgeGrant> roles() {
    return roles;
  }

  /** What each user adds to the defaults, by the token's {@code sub}; default none. */
  public Map<String, BridgeGrant> users() {
    return users;
  }

  /**
   * The verification key, read now from {@code keyEnv} through {@code env} or from {@code keyFile}.
   *
   * @throws ConfigException naming {@code keyEnv} or {@code keyFile} when there is no key to read
   */
  public String resolveKey(Function<String, String> env) {
    String at = path + (keyEnv != null ? ".keyEnv" : ".keyFile");
    return AuthConfig.resolve(keyEnv, keyFile, at, env).orElseThrow(() -> new ConfigException(at,
        "the environment variable " + keyEnv + " is not set or is empty: it holds the key that verifies browser tokens"));
  }

  /** {@link #resolveKey(Function)} from the process environment. */
  public String resolveKey() {
    return resolveKey(System::getenv);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("jwtAlgorithm", jwtAlgorithm);
    if (keyEnv != null) {
      json.put("keyEnv", keyEnv);
    } else {
      json.put("keyFile", keyFile);
    }
    if (issuer != null) {
      json.put("issuer", issuer);
    }
    if (audience != null) {
      json.put("audience", audience);
    }
    JsonObject roleJson = new JsonObject();
    roles.forEach((name, grant) -> roleJson.put(name, grant.toJson()));
    JsonObject userJson = new JsonObject();
    users.forEach((name, grant) -> userJson.put(name, grant.toJson()));
    return json.put("required", required).put("rolesClaim", rolesClaim).put("roles", roleJson).put("users", userJson);
  }

  private static String nonEmpty(JsonFields f, String key) {
    String value = f.string(key, null);
    if (value != null && value.isBlank()) {
      throw f.error(key, "must not be empty (leave it out to accept any)");
    }
    return value;
  }

  private static Map<String, BridgeGrant> grants(JsonFields f, String key, String what) {
    JsonObject raw = f.rawObject(key, new JsonObject());
    Map<String, BridgeGrant> grants = new LinkedHashMap<>();
    for (String name : raw.fieldNames()) {
      String at = f.path(key) + "." + name;
      if (name.isBlank()) {
        throw new ConfigException(f.path(key), "a " + what + " name is not empty");
      }
      Object value = raw.getValue(name);
      if (!(value instanceof JsonObject grant)) {
        throw new ConfigException(at, "expected an object with inbound and/or outbound, got " + JsonFields.describe(value));
      }
      grants.put(name, new BridgeGrant(JsonFields.of(grant, at)));
    }
    return Collections.unmodifiableMap(grants);
  }
}
