package io.gamebus.launcher;

import io.gamebus.config.AuthConfig;
import io.gamebus.config.BridgeAuthConfig;
import io.gamebus.config.ConfigException;
import io.gamebus.config.EndpointConfig;
import io.gamebus.config.GamebusConfig;
import io.gamebus.config.Protocol;
import io.gamebus.config.Role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a node says at start-up about the secrets its configuration names: a token source that
 * holds nothing (the endpoint would otherwise retry silently forever) and an HS256 secret shorter
 * than {@value #MIN_HS256_BYTES} bytes (RFC 7518 §3.2: the key must be at least as long as the
 * hash). Warnings, not errors: the node's other endpoints still work, a token file is read again
 * at each connect (so creating it is enough), and the endpoint's {@code .status} keeps saying why
 * it cannot log in. A warning names the field and the variable or file, never the secret, and
 * gives a key's length only.
 */
final class SecretChecks {

  static final int MIN_HS256_BYTES = 32;

  private SecretChecks() {
  }

  /** Every warning for {@code config}, with secrets read through {@code env} and the files named. */
  static List<String> warnings(GamebusConfig config, Function<String, String> env) {
    List<String> warnings = new ArrayList<>();
    List<EndpointConfig> endpoints = config.endpoints();
    for (int i = 0; i < endpoints.size(); i++) {
      endpoint(endpoints.get(i), "endpoints[" + i + "].auth", env, warnings);
    }
    BridgeAuthConfig bridge = config.bridge().auth();
    if (bridge != null && "HS256".equals(bridge.jwtAlgorithm())) {
      String field = "bridge.auth." + (bridge.keyEnv() != null ? "keyEnv" : "keyFile");
      try {
        shortKey(bridge.resolveKey(env), field, source(bridge.keyEnv(), bridge.keyFile()), "the browser bridge",
          warnings);
      } catch (ConfigException e) {
        // The bridge refuses to start without its key and says so itself.
      }
    }
    return warnings;
  }

  private static void endpoint(EndpointConfig endpoint, String at, Function<String, String> env, List<String> warnings) {
    String name = endpoint.protocol().id() + "." + endpoint.name();
    AuthConfig auth = endpoint.auth();
    if (auth.hasToken()) {
      String field = at + (auth.tokenEnv() != null ? ".tokenEnv" : ".tokenFile");
      String source = source(auth.tokenEnv(), auth.tokenFile());
      String missing = missing(() -> auth.resolveToken(env), auth.tokenEnv() != null);
      if (missing != null) {
        warnings.add(name + ": " + field + ": " + source + " " + missing + "; "
          + (endpoint.role() == Role.CLIENT ? "the endpoint cannot log in to its upstream and keeps retrying"
            : "the endpoint runs without its API token")
          + (auth.tokenEnv() != null ? " until the node is restarted with it set" : " until the file is there"));
      }
    } else if (endpoint.role() == Role.CLIENT && needsToken(endpoint.protocol())) {
      warnings.add(name + ": " + at + ": no tokenEnv or tokenFile: a " + endpoint.protocol().id()
        + " client endpoint cannot log in without a token");
    }
    if (auth.hasKey()) {
      String field = at + (auth.keyEnv() != null ? ".keyEnv" : ".keyFile");
      String source = source(auth.keyEnv(), auth.keyFile());
      String missing = missing(() -> auth.resolveKey(env), auth.keyEnv() != null);
      if (missing != null) {
        warnings.add(name + ": " + field + ": " + source + " " + missing + "; "
          + (endpoint.protocol() == Protocol.MODRINTH ? "tokens are signed with a random key made at start"
            : "every login is refused"));
      } else if ("HS256".equals(auth.jwtAlgorithm())) {
        shortKey(auth.resolveKey(env).orElseThrow(), field, source, name, warnings);
      }
    }
  }

  /** Protocols whose client role logs in with a token: FAF (OAuth token) and Modrinth (API token). */
  private static boolean needsToken(Protocol protocol) {
    return protocol == Protocol.FAF || protocol == Protocol.MODRINTH;
  }

  /** Why {@code read} gives no secret, or null when it gives one. */
  private static String missing(java.util.function.Supplier<Optional<String>> read, boolean fromEnv) {
    try {
      return read.get().isPresent() ? null : fromEnv ? "is not set or is empty" : "holds nothing";
    } catch (ConfigException e) {
      return "cannot be read: " + e.reason();
    }
  }

  private static void shortKey(String key, String field, String source, String who, List<String> warnings) {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < MIN_HS256_BYTES) {
      warnings.add(who + ": " + field + ": the HS256 secret in " + source + " is " + bytes + " bytes (" + bytes * 8
        + " bits); use at least " + MIN_HS256_BYTES + " random bytes (256 bits), or tokens can be forged by guessing it");
    }
  }

  private static String source(String env, String file) {
    return env != null ? "the environment variable " + env : "the file " + file;
  }
}
