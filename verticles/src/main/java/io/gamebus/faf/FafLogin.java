package io.gamebus.faf;

import io.gamebus.codecs.faf.Auth;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.endpoint.HandlerCalls;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The login flow of one connection (faf.md §4): {@code ask_session} → {@code session};
 * {@code auth} → token check → the login sequence from the {@code handle.login} bus handler, or
 * the default one built from the token when no handler is registered. A failed login answers
 * {@code authentication_failed} and keeps the connection, as the real server does.
 */
final class FafLogin {

  private static final SecureRandom SESSIONS = new SecureRandom();
  private static final long SESSION_BOUND = 4_294_967_295L;

  private final FafServerConnection connection;
  private final FafServerEndpoint endpoint;
  private FafAuthenticator.Identity identity;

  FafLogin(FafServerConnection connection, FafServerEndpoint endpoint) {
    this.connection = connection;
    this.endpoint = endpoint;
  }

  FafAuthenticator.Identity identity() {
    return identity;
  }

  void askSession(FafMessage message) {
    long session = (long) (SESSIONS.nextDouble() * SESSION_BOUND);
    connection.write(FafMessages.session(session));
  }

  void hello(FafMessage message) {
    // gamebus keeps no password database; the real server's password login is deprecated.
    connection.loginRefused("Password login is not supported; log in with an OAuth token (auth)");
  }

  /** Null when answered at once; else completes once the login is answered (later messages wait). */
  Future<?> auth(FafMessage message) {
    if (identity != null) {
      return null; // already logged in on this connection: the real server ignores a second login too
    }
    String token;
    try {
      token = Auth.from(message).token();
    } catch (FafCodecException e) {
      connection.garbage("garbage auth: " + e.reason());
      return null;
    }
    if (!message.json().containsKey("unique_id")) {
      connection.garbage("garbage auth: unique_id missing"); // a KeyError in the real server
      return null;
    }
    return endpoint.authenticator().verify(token)
      .compose(verified -> loginSequence(verified).map(messages -> {
        if (connection.isClosed()) {
          return null; // closed (or timed out) while the token or the handler was pending
        }
        identity = verified;
        connection.authenticated(verified);
        messages.forEach(connection::write);
        return null;
      }))
      .onFailure(failure -> connection.loginRefused(failure.getMessage()));
  }

  /** Asks the bus handler; no handler means the default sequence. */
  private Future<List<FafMessage>> loginSequence(FafAuthenticator.Identity player) {
    JsonObject request = new JsonObject()
      .put("connection", connection.id())
      .put("player", new JsonObject().put("id", player.id()).put("login", player.login()))
      .put("claims", player.claims());
    return new HandlerCalls(endpoint.bus())
      .ask(connection.id(), "login", request, endpoint.options().loginHandlerTimeoutMs(), FafLogin::fromHandler)
      .compose(outcome -> {
        if (outcome instanceof HandlerCalls.Answered<List<FafMessage>> answered) {
          return Future.succeededFuture(answered.value());
        }
        if (outcome instanceof HandlerCalls.NoHandler) {
          return Future.succeededFuture(FafDefaultLogin.sequence(player));
        }
        if (outcome instanceof HandlerCalls.Refused<List<FafMessage>> refused) {
          return Future.failedFuture(refused.text()); // the handler's own words, e.g. a ban
        }
        // A timeout or a broken reply: internal details stay on this side (the status event has them).
        return Future.failedFuture("Login is not available right now, please try again later");
      });
  }

  private static List<FafMessage> fromHandler(JsonObject reply) {
    JsonArray messages = reply == null || !(reply.getValue("messages") instanceof JsonArray list) ? null : list;
    if (messages == null) {
      throw new IllegalStateException("the login handler's reply has no 'messages' array");
    }
    List<FafMessage> result = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      try {
        result.add(FafMessage.of(messages.getJsonObject(i)));
      } catch (FafCodecException | ClassCastException e) {
        throw new IllegalStateException("the login handler's messages[" + i + "] is not a FAF message: " + e.getMessage());
      }
    }
    return result;
  }
}
