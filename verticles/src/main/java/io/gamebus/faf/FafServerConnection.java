package io.gamebus.faf;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafCommand;
import io.gamebus.codecs.faf.FafEncoder;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.codecs.faf.FafReader;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One lobby client connected to the server role: what the real server's {@code LobbyConnection}
 * does with each message, in order. Bad input is answered as the real server answers it
 * (close without reply on garbage, {@code invalid} then close for an unknown command) and is
 * counted and announced on {@code .status}; other connections never notice. Limits (rate, login
 * timeout, back-pressure) are the layer's, in {@link ServerLink}.
 */
public final class FafServerConnection implements ServerConnection {

  private static final String REDACTED = "<redacted>";

  /** A message that waits for its turn, with its share of the input bytes it came in. */
  private record Waiting(FafMessage message, int bytes) { }

  private final ServerLink link;
  private final FafServerEndpoint endpoint;
  private final EndpointBus bus;
  private final FafReader reader;
  private final FafLogin login;
  private final Deque<Waiting> backlog = new ArrayDeque<>();
  private final java.util.List<FafMessage> deferred = new java.util.ArrayList<>();
  private boolean busy;

  FafServerConnection(ServerLink link, FafServerEndpoint endpoint, FafReader reader) {
    this.link = link;
    this.endpoint = endpoint;
    this.bus = link.bus();
    this.reader = reader;
    this.login = new FafLogin(this, endpoint);
    link.expectLogin();
  }

  @Override public ServerLink link() { return link; }
  @Override public String id() { return link.id(); }
  public boolean authenticated() { return login.identity() != null; }
  public FafAuthenticator.Identity identity() { return login.identity(); }

  /** Input from the socket, read by this transport's reader; undecodable input is bad input. */
  @Override
  public void input(Buffer input) {
    try {
      reader.read(input, this::received);
    } catch (FafCodecException e) {
      badInput(e);
    }
    if (!deferred.isEmpty()) {
      // What waits is accounted in bytes of input, so the layer can bound it.
      int share = input.length() / deferred.size();
      int first = input.length() - share * (deferred.size() - 1);
      for (int i = 0; i < deferred.size(); i++) {
        int bytes = i == 0 ? first : share;
        backlog.add(new Waiting(deferred.get(i), bytes));
        link.queued(bytes);
      }
      deferred.clear();
    }
  }

  /**
   * A decoded message from the reader. Like the real server, a connection's messages are handled
   * strictly one after another: while one waits for something asynchronous (token check, login
   * handler), later ones wait in a backlog and the socket stops reading.
   */
  void received(FafMessage message) {
    if (link.isClosed() || !link.admit()) {
      // The real server has no rate limit; ours is opt-in (limits.maxMessagesPerSecond).
      return;
    }
    if (busy) {
      deferred.add(message);
      return;
    }
    handle(message);
  }

  /** Marks the start of an asynchronous step; {@link #done()} resumes reading. */
  void busy() {
    busy = true;
    link.hold();
  }

  void done() {
    busy = false;
    while (!busy && !link.isClosed() && !backlog.isEmpty()) {
      Waiting next = backlog.poll();
      link.unqueued(next.bytes());
      handle(next.message());
    }
    if (!busy) {
      link.release();
    }
  }
  private void handle(FafMessage message) {
    if (!authenticated() && !message.allowedBeforeLogin()) {
      reject("message invalid for unauthenticated connection: " + message.command());
      return;
    }
    if ("connectivity".equals(message.target())) {
      // The real server answers the retired connectivity test (InitiateTest) this way.
      bus.badInput(id(), "connectivity test: client version no longer supported");
      write(FafMessages.notice("error", "Your client version is no longer supported. Please update to the newest version."));
      close();
      return;
    }
    if (!message.isGame() && (message.kind() == FafCommand.UNKNOWN || !message.kind().sentByClient())) {
      // The real server has no handler for unknown or server-to-client commands.
      bus.badInput(id(), "unknown command: " + message.command());
      write(FafMessages.invalid());
      close();
      return;
    }
    bus.publish(id(), message.type(), forTheBus(message));
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
    if (link.isClosed()) {
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
    link.reject(reason);
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
    link.write(FafEncoder.encode(message));
  }

  boolean isClosed() {
    return link.isClosed();
  }

  void authenticated(FafAuthenticator.Identity identity) {
    link.loggedIn();
    bus.status(id(), StatusEvent.AUTHENTICATED, "player " + identity.id() + " (" + identity.login() + ")");
    endpoint.loggedIn(this);
  }

  Future<Void> close() {
    return link.close();
  }

  /** Left the endpoint's table, whoever closed it. */
  @Override
  public void closed() {
    endpoint.signedOut(this);
  }
}
