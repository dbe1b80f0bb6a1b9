package io.gamebus.faf;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafCommand;
import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.codecs.faf.FafReader;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.RateLimit;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One lobby client connected to the server role: what the real server's {@code LobbyConnection}
 * does with each message, in order. Bad input is answered as the real server answers it
 * (close without reply on garbage, {@code invalid} then close for an unknown command) and is
 * counted and announced on {@code .status}; other connections never notice.
 */
public final class FafServerConnection {

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
    bus.status(id, StatusEvent.CONNECTION_OPENED, wire.transport() + " " + wire.remoteAddress());
    if (loginTimeoutSeconds > 0) {
      loginTimer = vertx.setTimer(loginTimeoutSeconds * 1000, t -> {
        if (!authenticated()) {
          reject("login timeout: not authenticated after " + loginTimeoutSeconds + " s");
        }
      });
    }
  }

  /** Input from the socket, read by this transport's reader; undecodable input is bad input. */
  void read(FafReader reader, Buffer input) {
    try {
      reader.read(input, this::received);
    } catch (FafCodecException e) {
      badInput(e);
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
    if ("connectivity".equals(message.target())) {
      // The real server answers the retired connectivity test (InitiateTest) this way.
      bus.badInput(id, "connectivity test: client version no longer supported");
      write(FafMessages.notice("error", "Your client version is no longer supported. Please update to the newest version."));
      close();
      return;
    }
    if (!message.isGame() && (message.kind() == FafCommand.UNKNOWN || !message.kind().sentByClient())) {
      // The real server has no handler for unknown or server-to-client commands.
      bus.badInput(id, "unknown command: " + message.command());
      write(FafMessages.invalid());
      close();
      return;
    }
    bus.publish(id, message.type(), forTheBus(message));
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
      default -> { } // other lobby commands are answered by bus subscribers through .out
    }
  }

  /**
   * Undecodable input: the real server drops the connection without a reply, except for valid
   * JSON that is not an object, which its generic handler answers {@code invalid}. The status
   * names the reason only: the codec's message may quote the input, e.g. part of a token.
   */
  void badInput(FafCodecException error) {
    if (closed) {
      return;
    }
    if (error.reason() == FafCodecException.Reason.NOT_OBJECT) {
      write(FafMessages.invalid());
    }
    reject(error.reason() == FafCodecException.Reason.LINE_TOO_LONG ? error.getMessage() : error.reason().name());
  }

  /** Garbage in a known command (a missing field): the real server closes without a reply. */
  void garbage(String reason) {
    reject(reason);
  }

  private void reject(String reason) {
    bus.badInput(id, reason);
    close();
  }

  /** The message as published: the credential of a login command is never put on the bus. */
  private static JsonObject forTheBus(FafMessage message) {
    String secret = switch (message.command()) {
      case "auth" -> "token";
      case "hello" -> "password";
      default -> null;
    };
    return secret == null || !message.json().containsKey(secret) ? message.json() : message.json().copy().put(secret, REDACTED);
  }

  void write(FafMessage message) {
    write(FafEncoder.encode(message));
  }

  /** Writes an encoded message; false when closed or dropped because it does not drain its queue. */
  boolean write(Buffer encoded) {
    if (closed) {
      return false;
    }
    if (!bus.write(wire, id, encoded)) {
      close();
      return false;
    }
    return true;
  }

  boolean isClosed() {
    return closed;
  }

  void authenticated(FafAuthenticator.Identity identity) {
    if (loginTimer >= 0) {
      vertx.cancelTimer(loginTimer);
    }
    bus.status(id, StatusEvent.AUTHENTICATED, "player " + identity.id() + " (" + identity.login() + ")");
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
    bus.status(id, StatusEvent.CONNECTION_CLOSED, null);
  }
}
