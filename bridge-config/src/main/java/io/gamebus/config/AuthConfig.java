package io.gamebus.config;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where an endpoint finds its credentials. Secrets never appear in the configuration, only the
 * name of an environment variable or a file that holds them, and this object never keeps a
 * resolved secret: {@link #resolveKey} and {@link #resolveToken} read it afresh for the caller.
 *
 * <ul>
 *   <li>server role: {@code keyEnv} or {@code keyFile} (at most one) holds the key that verifies
 *       clients' JWTs: the shared secret for HS256, the PEM public key for RS256;</li>
 *   <li>client role: {@code tokenEnv} or {@code tokenFile} (at most one) holds the token to log in
 *       with.</li>
 * </ul>
 *
 * <pre>{@code "auth": {"jwtAlgorithm": "HS256", "keyEnv": "GAMEBUS_FAF_JWT_SECRET"}}</pre>
 */
public final class AuthConfig extends ConfigObject {

  /** The reason given for any field that looks like a credential pasted into the file. */
  public static final String INLINE_SECRET =
      "secrets come from keyEnv/keyFile/tokenEnv/tokenFile, not from the configuration file";
  public static final String DEFAULT_JWT_ALGORITHM = "HS256";

  private static final String ENV_NAME = "[A-Za-z_][A-Za-z0-9_]*";

  private final String path;
  private final String jwtAlgorithm;
  private final String keyEnv;
  private final String keyFile;
  private final String tokenEnv;
  private final String tokenFile;

  AuthConfig(JsonFields f) {
    path = f.path();
    jwtAlgorithm = f.matching("jwtAlgorithm", DEFAULT_JWT_ALGORITHM, "HS256|RS256", "one of HS256, RS256");
    keyEnv = envName(f, "keyEnv");
    keyFile = file(f, "keyFile");
    tokenEnv = envName(f, "tokenEnv");
    tokenFile = file(f, "tokenFile");
    if (keyEnv != null && keyFile != null) {
      throw f.error("keyFile", "set keyEnv or keyFile, not both");
    }
    if (tokenEnv != null && tokenFile != null) {
      throw f.error("tokenFile", "set tokenEnv or tokenFile, not both");
    }
    f.done();
  }

  public static AuthConfig fromJson(JsonObject json) {
    return new AuthConfig(JsonFields.of(json, "auth"));
  }

  /** No credentials: HS256, nothing named. */
  public static AuthConfig none() {
    return fromJson(new JsonObject());
  }

  /** "HS256" (shared secret) or "RS256" (public key); default HS256. */
  public String jwtAlgorithm() {
    return jwtAlgorithm;
  }

  /** Environment variable holding the server's JWT key, or {@code null}. */
  public String keyEnv() {
    return keyEnv;
  }

  /** File holding the server's JWT key, or {@code null}. */
  public String keyFile() {
    return keyFile;
  }

  /** Environment variable holding the client's login token, or {@code null}. */
  public String tokenEnv() {
    return tokenEnv;
  }

  /** File holding the client's login token, or {@code null}. */
  public String tokenFile() {
    return tokenFile;
  }

  /** Whether a key source is named; when not, the endpoint has no key to verify with. */
  public boolean hasKey() {
    return keyEnv != null || keyFile != null;
  }

  /** Whether a token source is named. */
  public boolean hasToken() {
    return tokenEnv != null || tokenFile != null;
  }

  /**
   * The server's JWT key, read now from {@code keyEnv} through {@code env} or from {@code keyFile};
   * empty when neither is set or the variable is unset or empty. Trailing line breaks are removed.
   *
   * @throws ConfigException at {@code <path>.keyFile} if the file cannot be read or is empty
   */
  public Optional<String> resolveKey(Function<String, String> env) {
    return resolve(keyEnv, keyFile, fieldPath("keyFile"), env);
  }

  /** {@link #resolveKey(Function)} from the process environment. */
  public Optional<String> resolveKey() {
    return resolveKey(System::getenv);
  }

  /**
   * The client's login token, read now from {@code tokenEnv} or {@code tokenFile}; as
   * {@link #resolveKey(Function)}.
   */
  public Optional<String> resolveToken(Function<String, String> env) {
    return resolve(tokenEnv, tokenFile, fieldPath("tokenFile"), env);
  }

  /** {@link #resolveToken(Function)} from the process environment. */
  public Optional<String> resolveToken() {
    return resolveToken(System::getenv);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("jwtAlgorithm", jwtAlgorithm);
    putIfSet(json, "keyEnv", keyEnv);
    putIfSet(json, "keyFile", keyFile);
    putIfSet(json, "tokenEnv", tokenEnv);
    putIfSet(json, "tokenFile", tokenFile);
    return json;
  }

  private String fieldPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * A secret read now from the variable {@code envName} or else from {@code file} (named at
   * {@code fieldPath} in errors); empty when neither is set or the variable is unset or empty.
   */
  static Optional<String> resolve(String envName, String file, String fieldPath, Function<String, String> env) {
    if (envName != null) {
      return Optional.ofNullable(env.apply(envName)).map(AuthConfig::chomp).filter(s -> !s.isEmpty());
    }
    if (file != null) {
      String text = chomp(FileText.read(file, fieldPath));
      if (text.isEmpty()) {
        throw new ConfigException(fieldPath, "'" + file + "' is empty");
      }
      return Optional.of(text);
    }
    return Optional.empty();
  }

  /** Files written by {@code echo} end with a line break that is not part of the secret. */
  private static String chomp(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The value is not echoed: if it is not a name, it may well be the secret itself. */
  static String envName(JsonFields f, String key) {
    String name = f.string(key, null);
    if (name != null && !name.matches(ENV_NAME)) {
      throw f.error(key, "not an environment variable name (give the variable's name, not its value)");
    }
    return name;
  }

  static String file(JsonFields f, String key) {
    String file = f.string(key, null);
    if (file != null && file.isBlank()) {
      throw f.error(key, "must not be empty");
    }
    return file;
  }

  private static void putIfSet(JsonObject json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
