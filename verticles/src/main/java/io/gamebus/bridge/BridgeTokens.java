package io.gamebus.bridge;

import io.gamebus.config.BridgeAuthConfig;
import io.gamebus.config.BridgeGrant;
import io.gamebus.config.PermittedAddress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Verifies a browser's JWT for {@code bridge.auth} and turns its claims into permissions: the
 * signature with Vert.x Auth JWT (HS256 secret or RS256 public key, held by Vert.x Auth only),
 * then, here, so that each refusal can say exactly why: {@code exp} present and in the future,
 * {@code nbf} passed, {@code iss} and {@code aud} as configured. The permissions are the bridge's
 * defaults plus the grants of the token's {@code sub} and of each of its roles. Verification is
 * CPU work of microseconds and runs on the calling event loop. Messages never contain the token.
 */
final class BridgeTokens {

  /** A verified token: who, with which roles, until when (ms since the epoch), permitted what. */
  record Identity(String subject, List<String> roles, long expiresAtMs, BridgePermissions permissions) {

    /** "user 'alice', roles [ops]" for err messages and status details. */
    String describe() {
      return (subject == null ? "no sub" : "user '" + subject + "'") + ", roles " + roles;
    }
  }

  /** A token that is refused: {@link BridgeErrors#AUTH_FAILED} or {@link BridgeErrors#AUTH_EXPIRED}, and why. */
  static final class Refused extends RuntimeException {
    private final BridgeErrors error;

    Refused(BridgeErrors error, String why) {
      super(why, null, false, false);
      this.error = error;
    }

    BridgeErrors error() {
      return error;
    }
  }

  private final JWTAuth jwt;
  private final BridgeAuthConfig config;
  private final BridgePermissions defaults;

  private BridgeTokens(JWTAuth jwt, BridgeAuthConfig config, BridgePermissions defaults) {
    this.jwt = jwt;
    this.config = config;
    this.defaults = defaults;
  }

  /**
   * @param key the HS256 secret or the RS256 public key (PEM), as resolved from the configuration
   * @param defaults the bridge's configured permissions, which every token's grants add to
   */
  static BridgeTokens create(Vertx vertx, BridgeAuthConfig config, String key, BridgePermissions defaults) {
    // Expiry, iss and aud are checked in claims(), to tell the browser which one failed.
    JWTAuthOptions options = new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm(config.jwtAlgorithm()).setBuffer(key))
      .setJWTOptions(new JWTOptions().setIgnoreExpiration(true));
    return new BridgeTokens(JWTAuth.create(vertx, options), config, defaults);
  }

  /** The identity {@code token} proves at {@code nowMs}, or a failure that is a {@link Refused}. */
  Future<Identity> verify(String token, long nowMs) {
    if (token.isEmpty()) {
      return Future.failedFuture(new Refused(BridgeErrors.AUTH_FAILED, "the token is empty"));
    }
    return jwt.authenticate(new TokenCredentials(token))
      .recover(e -> Future.failedFuture(new Refused(BridgeErrors.AUTH_FAILED, signatureFailure(e))))
      .compose(user -> {
        try {
          // Vert.x Auth keeps the whole payload there (exp, iat, nbf and sub are not in the principal).
          JsonObject claims = user.attributes().getJsonObject("accessToken", user.principal());
          return Future.succeededFuture(identity(claims, nowMs));
        } catch (Refused refused) {
          return Future.failedFuture(refused);
        }
      });
  }

  /** Vert.x Auth's reasons, reduced to ones that cannot echo any part of the token. */
  private String signatureFailure(Throwable e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("Signature verification failed")) {
      return "bad signature: the token was not signed with the key of bridge.auth";
    }
    return "not a " + config.jwtAlgorithm() + " JWT signed with the key of bridge.auth (malformed, unsigned or another algorithm)";
  }

  private Identity identity(JsonObject claims, long nowMs) {
    if (!(claims.getValue("exp") instanceof Number exp)) {
      throw new Refused(BridgeErrors.AUTH_FAILED, "the token has no exp: bridge tokens must expire");
    }
    long expiresAtMs = (long) (exp.doubleValue() * 1000);
    if (expiresAtMs <= nowMs) {
      throw new Refused(BridgeErrors.AUTH_EXPIRED, "the token expired at " + Instant.ofEpochMilli(expiresAtMs));
    }
    if (claims.getValue("nbf") instanceof Number nbf && nbf.doubleValue() * 1000 > nowMs) {
      throw new Refused(BridgeErrors.AUTH_FAILED, "the token is not valid before "
        + Instant.ofEpochMilli((long) (nbf.doubleValue() * 1000)));
    }
    if (config.issuer() != null && !config.issuer().equals(claims.getValue("iss"))) {
      throw new Refused(BridgeErrors.AUTH_FAILED, "the token's iss is not '" + config.issuer() + "' (bridge.auth.issuer)");
    }
    if (config.audience() != null && !audiences(claims.getValue("aud")).contains(config.audience())) {
      throw new Refused(BridgeErrors.AUTH_FAILED, "the token's aud does not include '" + config.audience()
        + "' (bridge.auth.audience)");
    }
    String subject = claims.getValue("sub") instanceof String sub ? sub : null;
    List<String> roles = strings(claim(claims, config.rolesClaim()));
    List<PermittedAddress> inbound = new ArrayList<>();
    List<PermittedAddress> outbound = new ArrayList<>();
    List<BridgeGrant> grants = new ArrayList<>();
    if (subject != null && config.users().containsKey(subject)) {
      grants.add(config.users().get(subject));
    }
    roles.stream().filter(config.roles()::containsKey).forEach(role -> grants.add(config.roles().get(role)));
    for (BridgeGrant grant : grants) {
      inbound.addAll(grant.inbound());
      outbound.addAll(grant.outbound());
    }
    return new Identity(subject, roles, expiresAtMs, defaults.plus(inbound, outbound));
  }

  /** The claim named exactly {@code name}, else the dotted path into nested objects (realm_access.roles). */
  private static Object claim(JsonObject claims, String name) {
    if (claims.containsKey(name) || !name.contains(".")) {
      return claims.getValue(name);
    }
    Object value = claims;
    for (String part : name.split("\\.")) {
      value = value instanceof JsonObject object ? object.getValue(part) : null;
    }
    return value;
  }

  private static List<String> audiences(Object aud) {
    return aud instanceof String one ? List.of(one) : strings(aud);
  }

  /** An array's strings, or a space-separated string's words (OAuth's scope form). */
  private static List<String> strings(Object value) {
    if (value instanceof JsonArray array) {
      return array.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    if (value instanceof String words && !words.isBlank()) {
      return Arrays.asList(words.trim().split("\\s+"));
    }
    return List.of();
  }
}
