package io.gamebus.faf;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.Outgoing;
import io.gamebus.endpoint.UpstreamSession;
import io.gamebus.endpoint.Wire;
import io.vertx.core.Future;

/**
 * One upstream connection of the client role: {@code ask_session}, then {@code auth} with the
 * session number, then logged in on {@code welcome}. Every server message is published;
 * {@code ping} is answered with {@code pong}. The connection counts as proven (backoff reset) on
 * {@code welcome}.
 */
final class FafClientSession implements UpstreamSession<FafMessage> {

  private final String id;
  private final Wire wire;
  private final EndpointBus bus;
  private final FafOptions options;
  private final String token;
  private final Runnable onLogin;
  // Read by the gamebus.endpoints listing from another thread.
  private volatile boolean authenticated;
  private volatile boolean closed;
  private long lastInbound = System.currentTimeMillis();
  /** When our unanswered ping went out (ms), or -1: the server owes us nothing. */
  private long pingSentAt = -1;

  FafClientSession(String id, Wire wire, EndpointBus bus, FafOptions options, String token, Runnable onLogin) {
    this.onLogin = onLogin;
    this.id = id;
    this.wire = wire;
    this.bus = bus;
    this.options = options;
    this.token = token;
  }

  String id() { return id; }
  boolean authenticated() { return authenticated; }
  boolean closed() { return closed; }

  /** FAF has no transport handshake: the link is up once {@code ask_session} is on its way. */
  @Override
  public Future<Void> handshake() {
    write(FafMessage.command("ask_session")
      .with("version", options.version())
      .with("user_agent", options.userAgent()));
    return Future.succeededFuture();
  }

  @Override
  public void received(FafMessage message) {
    lastInbound = System.currentTimeMillis();
    pingSentAt = -1; // anything from the server shows it is alive, not only its pong
    bus.publish(id, message.type(), message.json());
    if (message.isGame()) {
      return;
    }
    switch (message.command()) {
      case "session" -> login(message);
      case "welcome" -> {
        authenticated = true;
        onLogin.run();
        bus.status(id, StatusEvent.AUTHENTICATED, message.getString("login"));
      }
      case "authentication_failed" -> bus.status(id, StatusEvent.AUTHENTICATION_FAILED, message.getString("text"));
      case "ping" -> write(FafMessages.pong());
      case "invalid" -> bus.status(id, StatusEvent.INVALID, "the server rejected a command and will close the connection");
      default -> { }
    }
  }

  private void login(FafMessage session) {
    if (token == null) {
      bus.status(id, StatusEvent.AUTHENTICATION_FAILED, "no token configured (auth.tokenEnv / auth.tokenFile)");
      return;
    }
    write(FafMessage.command("auth")
      .with("token", token)
      .with("unique_id", options.uniqueId())
      .with("session", session.getLong("session")));
  }

  /**
   * Called every second. faf-commons pings after a quiet minute; we do the same after
   * {@code idleMs}. A server that then stays silent for {@code pongTimeoutMs} is frozen (a stopped
   * process, a half-open link): the link is closed, and the layer reconnects. Writes alone cannot
   * tell: they land in the OS buffer and {@code .out} answers "written" meanwhile.
   */
  void checkAlive(long idleMs, long pongTimeoutMs) {
    if (closed) {
      return;
    }
    long now = System.currentTimeMillis();
    if (pingSentAt >= 0 && now - pingSentAt >= pongTimeoutMs) {
      bus.status(id, StatusEvent.CONNECTION_ERROR, "no answer to our ping within " + pongTimeoutMs / 1000
        + " s (pongTimeoutSeconds): the server seems frozen; link closed");
      close();
    } else if (pingSentAt < 0 && now - lastInbound >= idleMs) {
      pingSentAt = now;
      write(FafMessages.ping());
    }
  }

  void write(FafMessage message) {
    write(FafBusForm.outgoing(message));
  }

  /** Writes one message, published on {@code .sent} by the layer (the token of {@code auth} redacted). */
  void write(Outgoing message) {
    if (closed) {
      return;
    }
    wire.send(message); // the layer's UpstreamWire cuts a link that does not read
  }

  Future<Void> close() {
    closed = true;
    return wire.close();
  }

  @Override
  public Future<Void> shutdown() {
    return close();
  }

  @Override
  public void closed(String why) {
    closed = true;
  }
}
