package io.gamebus.bridge;

import io.gamebus.bus.StatusEvent;
import io.gamebus.config.BridgeAuthConfig;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who each browser socket is, for {@code bridge.auth}. A page presents a JWT at connect (query
 * parameter {@value #QUERY_PARAMETER} on the bridge URL) or in a frame (header
 * {@code authorization: Bearer <jwt>}, which the official client sends on every frame when the page
 * sets {@code eb.defaultHeaders}); a frame with a different token re-authenticates. The header is
 * taken off every frame before it reaches the bus, and no token is ever logged.
 *
 * <p>A valid token gives the defaults plus its user's and roles' grants until its {@code exp}; then
 * the socket is back to the base permissions (the defaults, or nothing when {@code required}), is
 * told so with an {@code auth_expired} err, and loses each registration no longer permitted, with
 * an err naming the address. A token that fails verification leaves the socket unauthenticated;
 * frames carrying it are refused with {@code auth_failed}. Frames that arrive while a token is
 * being verified wait for the outcome, in order. Used on the bridge's event loop only.
 */
final class BridgeAuth {

  /** The query parameter of the bridge URL that carries a token at connect. */
  static final String QUERY_PARAMETER = "token";
  /** The frame header that carries a token; never forwarded to the bus. */
  static final String HEADER = "authorization";
  private static final String BEARER = "bearer ";
  /** Frames held while a token is verified (Vert.x Auth verifies at once; this bounds a slower one). */
  private static final int MAX_HELD_FRAMES = 256;
  private static final String HOW = "present one as ?" + QUERY_PARAMETER + "= on the bridge URL or as the frame header "
    + HEADER + ": Bearer <jwt>";

  /** What the bridge does for authentication. */
  interface Sockets {
    /** Handles a frame that authentication let through. */
    void dispatch(BridgeSocket socket, JsonObject frame);

    /** Gives a socket new permissions; each registration no longer permitted is dropped with an err {@code why} saying {@code because}. */
    void permit(BridgeSocket socket, BridgePermissions permissions, BridgeErrors why, String because);

    /** Answers with an err frame. */
    void refuse(BridgeSocket socket, String address, BridgeErrors error, String why);

    /** Publishes on the bridge's {@code .status}. */
    void announce(BridgeSocket socket, StatusEvent event, String detail);
  }

  /** Why something was refused: the error and the message for the err frame. */
  record Denial(BridgeErrors error, String message) {
  }

  private record Held(JsonObject frame, String token) {
  }

  private static final class State {
    String token;
    BridgeTokens.Identity identity;
    /** Why the last token is not in force (refused, or expired); null while none was presented or one is in force. */
    BridgeTokens.Refused refused;
    boolean verifying;
    final ArrayDeque<Held> held = new ArrayDeque<>();
    long expiryTimer = -1;
  }

  private final Vertx vertx;
  private final BridgeAuthConfig config;
  private final BridgeTokens tokens;
  private final BridgePermissions base;
  private final Sockets sockets;
  private final Map<BridgeSocket, State> states = new HashMap<>();

  /**
   * @param defaults the bridge's configured permissions
   * @throws io.gamebus.config.ConfigException when the key named by the configuration cannot be read
   */
  BridgeAuth(Vertx vertx, BridgeAuthConfig config, BridgePermissions defaults, Sockets sockets) {
    this.vertx = vertx;
    this.config = config;
    this.tokens = BridgeTokens.create(vertx, config, config.resolveKey(), defaults);
    this.base = config.required() ? new BridgePermissions(List.of(), List.of()) : defaults;
    this.sockets = sockets;
  }

  /** What a socket may do before it authenticates: the defaults, or nothing when {@code required}. */
  BridgePermissions initial() {
    return base;
  }

  /** The token in the {@value #QUERY_PARAMETER} parameter of a request URI, or null. */
  static String queryToken(String uri) {
    if (uri == null || uri.indexOf('?') < 0) {
      return null;
    }
    List<String> values = new QueryStringDecoder(uri).parameters().get(QUERY_PARAMETER);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A socket opened with {@code token} (from its URL) or none; a refusal reaches the page's {@code onerror}. */
  void connected(BridgeSocket socket, String token) {
    if (token != null) {
      verify(socket, state(socket), token, false, null);
    }
  }

  /** Takes the token off a frame, (re-)authenticates if it is new, then lets the frame through in order. */
  void onFrame(BridgeSocket socket, JsonObject frame) {
    String token;
    try {
      token = takeToken(frame);
    } catch (IllegalArgumentException e) {
      sockets.refuse(socket, errAddress(frame), BridgeErrors.AUTH_FAILED, e.getMessage());
      return;
    }
    handle(socket, state(socket), new Held(frame, token));
  }

  void closed(BridgeSocket socket) {
    State state = states.remove(socket);
    if (state != null && state.expiryTimer >= 0) {
      vertx.cancelTimer(state.expiryTimer);
    }
  }

  /** Why {@code what} ("listening on a.b") is refused to this socket, under {@code bridge.<list>}. */
  Denial denial(BridgeSocket socket, String what, String list) {
    State state = states.get(socket);
    BridgeTokens.Identity identity = state == null ? null : state.identity;
    if (identity != null) {
      return new Denial(BridgeErrors.ACCESS_DENIED, what + " is not permitted: neither bridge." + list
        + " nor a grant of bridge.auth for " + identity.describe() + " permits it");
    }
    String why = state == null || state.refused == null ? "no token was presented"
      : state.refused.error() == BridgeErrors.AUTH_EXPIRED ? state.refused.getMessage()
      : "the token was refused: " + state.refused.getMessage();
    if (config.required()) {
      return new Denial(BridgeErrors.AUTH_REQUIRED, "authentication required (bridge.auth.required): " + what
        + " needs a valid token and " + why + "; " + HOW);
    }
    return new Denial(BridgeErrors.ACCESS_DENIED, what + " is not permitted (bridge." + list + "); " + why);
  }

  private State state(BridgeSocket socket) {
    return states.computeIfAbsent(socket, s -> new State());
  }

  private void handle(BridgeSocket socket, State state, Held held) {
    if (state.verifying) {
      if (state.held.size() >= MAX_HELD_FRAMES) {
        sockets.refuse(socket, errAddress(held.frame), BridgeErrors.TOO_MANY_PENDING, "at most " + MAX_HELD_FRAMES
          + " frames wait for a token to be verified");
      } else {
        state.held.add(held);
      }
      return;
    }
    expireIfDue(socket, state);
    if (held.token != null && !held.token.equals(state.token)) {
      state.held.addFirst(held);
      verify(socket, state, held.token, true, errAddress(held.frame));
      return;
    }
    if (held.token != null && state.refused != null && state.refused.error() == BridgeErrors.AUTH_FAILED) {
      sockets.refuse(socket, errAddress(held.frame), BridgeErrors.AUTH_FAILED, "the token presented was refused: "
        + state.refused.getMessage());
      return;
    }
    sockets.dispatch(socket, held.frame);
  }

  private void verify(BridgeSocket socket, State state, String token, boolean inFrame, String errAddress) {
    state.token = token;
    state.verifying = true;
    tokens.verify(token, System.currentTimeMillis()).onComplete(result -> {
      state.verifying = false;
      if (states.get(socket) != state) {
        return; // closed meanwhile
      }
      if (result.succeeded()) {
        authenticated(socket, state, result.result());
      } else if (result.cause() instanceof BridgeTokens.Refused refused) {
        refused(socket, state, refused, inFrame);
      } else {
        refused(socket, state, new BridgeTokens.Refused(BridgeErrors.AUTH_FAILED, "the token could not be verified"), inFrame);
      }
      while (!state.verifying && !state.held.isEmpty()) {
        handle(socket, state, state.held.poll());
      }
    });
  }

  private void authenticated(BridgeSocket socket, State state, BridgeTokens.Identity identity) {
    cancelExpiry(state);
    state.identity = identity;
    state.refused = null;
    // Fires at exp or a little after; expiry does not wait for the page's next frame.
    state.expiryTimer = vertx.setTimer(Math.max(1, identity.expiresAtMs() - System.currentTimeMillis()), t -> {
      state.expiryTimer = -1;
      if (state.identity == identity) {
        expire(socket, state);
      }
    });
    sockets.permit(socket, identity.permissions(), BridgeErrors.ACCESS_DENIED,
      "a new token, for " + identity.describe() + ", does not grant it");
    sockets.announce(socket, StatusEvent.AUTHENTICATED, identity.describe() + " until " + Instant.ofEpochMilli(identity.expiresAtMs()));
  }

  private void refused(BridgeSocket socket, State state, BridgeTokens.Refused refused, boolean inFrame) {
    cancelExpiry(state);
    boolean hadIdentity = state.identity != null;
    state.identity = null;
    state.refused = refused;
    sockets.announce(socket, StatusEvent.AUTHENTICATION_FAILED, refused.getMessage());
    // A refused token in a frame is answered by refusing that frame (in handle); the rest are told here.
    if (!inFrame || refused.error() == BridgeErrors.AUTH_EXPIRED) {
      sockets.refuse(socket, null, refused.error(), refused.getMessage() + consequence());
    }
    if (hadIdentity) {
      sockets.permit(socket, base, refused.error(), "the token in force was replaced by one that was refused");
    }
  }

  private void expireIfDue(BridgeSocket socket, State state) {
    if (state.identity != null && System.currentTimeMillis() >= state.identity.expiresAtMs()) {
      cancelExpiry(state);
      expire(socket, state);
    }
  }

  private void expire(BridgeSocket socket, State state) {
    String why = "the token expired at " + Instant.ofEpochMilli(state.identity.expiresAtMs());
    state.identity = null;
    state.refused = new BridgeTokens.Refused(BridgeErrors.AUTH_EXPIRED, why);
    sockets.announce(socket, StatusEvent.AUTHENTICATION_FAILED, why);
    sockets.refuse(socket, null, BridgeErrors.AUTH_EXPIRED, why + consequence());
    sockets.permit(socket, base, BridgeErrors.AUTH_EXPIRED, why);
  }

  private String consequence() {
    return config.required()
      ? "; nothing is permitted until a valid token is presented (bridge.auth.required); " + HOW
      : "; the socket has the default permissions";
  }

  private void cancelExpiry(State state) {
    if (state.expiryTimer >= 0) {
      vertx.cancelTimer(state.expiryTimer);
      state.expiryTimer = -1;
    }
  }

  /**
   * Removes every {@code authorization} header (any case) from the frame and returns its bearer
   * token, or null when there is none.
   *
   * @throws IllegalArgumentException when the header is not {@code Bearer <jwt>}
   */
  private static String takeToken(JsonObject frame) {
    if (!(frame.getValue("headers") instanceof JsonObject headers)) {
      return null;
    }
    String token = null;
    boolean malformed = false;
    for (String name : List.copyOf(headers.fieldNames())) {
      if (!HEADER.equalsIgnoreCase(name)) {
        continue;
      }
      Object value = headers.remove(name);
      if (value instanceof String text && text.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && !text.substring(BEARER.length()).isBlank()) {
        token = text.substring(BEARER.length()).trim();
      } else {
        malformed = true;
      }
    }
    if (malformed) {
      throw new IllegalArgumentException("the " + HEADER + " header is 'Bearer <jwt>'");
    }
    return token;
  }

  /** Where the official client routes an err about this frame: its register address or its reply address. */
  private static String errAddress(JsonObject frame) {
    Object type = frame.getValue("type");
    Object address = "register".equals(type) ? frame.getValue("address")
      : "send".equals(type) ? frame.getValue("replyAddress") : null;
    return address instanceof String a && !a.isEmpty() && a.length() <= BusBridge.MAX_ADDRESS_LENGTH ? a : null;
  }
}
