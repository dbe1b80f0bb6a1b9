package io.gamebus.faf;

import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafCommand;
import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.RateLimit;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * One lobby client connected to the server role: what the real server's {@code LobbyConnection}
 * does with each message, in order. Bad input is answered as the real server answers it
 * (close without reply on garbage, {@code invalid} then close for an unknown command) and is
 * counted and announced on {@code .status}; other connections never notice.
 */
public final class FafServerConnection {

  /** Fields whose values are secrets: replaced before the message goes on the bus. */
  private static final Set<String> SECRET_FIELDS = Set.of("token", "password");
  private static final String REDACTED = "<redacted>";

  private final String id;
  private final Wire wire;
  private final FafServerEndpoint endpoint;
  private final EndpointBus bus;
  private final Vertx vertx;
  private final FafLogin login;
  private final RateLimit rate;
  private final Deque<FafMessage> backlog = new ArrayDeque<>();
  private long loginTimer = -1;
  private boolean busy;
  private boolean closed;

  FafServerConnection(String id, Wire wire, FafServerEndpoint endpoint, Vertx vertx) {
    this.id = id;
    this.wire = wire;
    this.endpoint = endpoint;
    this.bus = endpoint.bus();
    this.vertx = vertx;
    this.login = new FafLogin(this, endpoint);
    this.rate = new RateLimit(endpoint.maxMessagesPerSecond());
  }

  public String id() { return id; }
  public Wire wire() { return wire; }
  public boolean authenticated() { return login.identity() != null; }
  public FafAuthenticator.Identity identity() { return login.identity(); }

  void opened(long loginTimeoutSeconds) {
    bus.metrics().connectionOpened();
    bus.status(id, "connection-opened", wire.transport() + " " + wire.remoteAddress());
    if (loginTimeoutSeconds > 0) {
      loginTimer = vertx.setTimer(loginTimeoutSeconds * 1000, t -> {
        if (!authenticated()) {
          reject("login timeout: not authenticated after " + loginTimeoutSeconds + " s");
        }
      });
    }
  }

  /**
   * A decoded message from the reader. Like the real server, a connection's messages are handled
   * strictly one after another: while one waits for something asynchronous (token check, login
   * handler), later ones wait in a backlog and the socket stops reading.
   */
  void received(FafMessage message) {
    if (closed) {
      return;
    }
    if (!rate.allow(System.currentTimeMillis())) {
      // The real server has no rate limit; ours is opt-in (limits.maxMessagesPerSecond).
      reject("more than " + endpoint.maxMessagesPerSecond() + " messages per second");
      return;
    }
    if (busy) {
      backlog.add(message);
      return;
    }
    handle(message);
  }

  /** Marks the start of an asynchronous step; {@link #done()} resumes reading. */
  void busy() {
    busy = true;
    wire.pause();
  }

  void done() {
    busy = false;
    while (!busy && !closed && !backlog.isEmpty()) {
      handle(backlog.poll());
    }
    if (!busy && !closed) {
      wire.resume();
    }
  }

  private void handle(FafMessage message) {
    if (!authenticated() && !message.allowedBeforeLogin()) {
      reject("message invalid for unauthenticated connection: " + message.command());
      return;
    }
    bus.publish(id, message.type(), redacted(message.json()));
    if (message.isGame()) {
      return; // GPGNet messages are for bus subscribers; the lobby itself never answers them
    }
    switch (message.command()) {
      case "ask_session" -> login.askSession(message);
      case "auth" -> login.auth(message);
      case "hello" -> login.hello(message);
      case "ping" -> write(FafMessages.pong());
      case "pong", "Bottleneck" -> { } // accepted and ignored, as the real server does
      case "create_account" -> write(FafMessages.notice("error",
        "FAF no longer supports direct registration. Please use the website to register."));
      default -> {
        // The real server has no handler for unknown or server-to-client commands.
        if (message.kind() == FafCommand.UNKNOWN || !message.kind().sentByClient()) {
          bus.badInput(id, "unknown command: " + message.command());
          write(FafMessages.invalid());
          close();
        }
        // Known lobby commands are answered by bus subscribers through .out.
      }
    }
  }

  /** Undecodable input: the real server logs and drops the connection without a reply. */
  void badInput(FafCodecException error) {
    if (!closed) {
      reject(error.reason() + ": " + error.getMessage());
    }
  }

  private void reject(String reason) {
    bus.badInput(id, reason);
    close();
  }

  private static JsonObject redacted(JsonObject json) {
    JsonObject safe = null;
    for (String field : SECRET_FIELDS) {
      if (json.containsKey(field)) {
        safe = (safe == null ? json.copy() : safe).put(field, REDACTED);
      }
    }
    return safe == null ? json : safe;
  }

  void write(FafMessage message) {
    write(FafEncoder.encode(message));
  }

  /** Writes an encoded message; a client that does not drain its queue is dropped. */
  void write(Buffer encoded) {
    if (closed) {
      return;
    }
    if (!bus.write(wire, id, encoded)) {
      close();
    }
  }

  void authenticated(FafAuthenticator.Identity identity) {
    if (loginTimer >= 0) {
      vertx.cancelTimer(loginTimer);
    }
    bus.status(id, "authenticated", "player " + identity.id() + " (" + identity.login() + ")");
    endpoint.loggedIn(this);
  }

  Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    // Forgotten at once: no more writes are queued and .out no longer finds it, even while a
    // peer that does not read keeps the socket's flush (and so its close) pending.
    endpoint.forget(this);
    return wire.close();
  }

  /** Called once the socket is closed, whoever closed it. */
  void closed() {
    closed = true;
    if (loginTimer >= 0) {
      vertx.cancelTimer(loginTimer);
    }
    bus.metrics().connectionClosed();
    bus.status(id, "connection-closed", null);
  }
}
