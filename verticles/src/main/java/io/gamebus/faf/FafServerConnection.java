package io.gamebus.faf;

import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.faf.FafCodecException;
import io.gamebus.codecs.faf.FafCommand;
import io.gamebus.codecs.faf.FafMessage;
import io.gamebus.codecs.faf.FafMessages;
import io.gamebus.codecs.faf.FafReader;
import io.gamebus.endpoint.EndpointBus;
import io.gamebus.endpoint.InOrder;
import io.gamebus.endpoint.ServerConnection;
import io.gamebus.endpoint.ServerLink;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/**
 * One lobby client connected to the server role: what the real server's {@code LobbyConnection}
 * does with each message, in order. Bad input is answered as the real server answers it
 * (close without reply on garbage, {@code invalid} then close for an unknown command) and is
 * counted and announced on {@code .status}; other connections never notice. Limits (rate, login
 * timeout, back-pressure) are the layer's, in {@link ServerLink}.
 */
public final class FafServerConnection implements ServerConnection {

  private final ServerLink link;
  private final FafServerEndpoint endpoint;
  private final EndpointBus bus;
  private final FafReader reader;
  private final FafLogin login;
  private final InOrder<FafMessage> messages;
  /** Messages of one read that must wait, before they are queued with their share of its bytes. */
  private final List<FafMessage> decoded = new ArrayList<>();

  FafServerConnection(ServerLink link, FafServerEndpoint endpoint, FafReader reader) {
    this.link = link;
    this.endpoint = endpoint;
    this.bus = link.bus();
    this.reader = reader;
    this.login = new FafLogin(this, endpoint);
    this.messages = new InOrder<>(link, false, this::handle);
    link.expectLogin();
  }

  @Override public ServerLink link() { return link; }
  @Override public String id() { return link.id(); }
  public boolean authenticated() { return login.identity() != null; }
  public FafAuthenticator.Identity identity() { return login.identity(); }

  /** The logged-in player ({@code {player: {id, login}}}) for the connections listing; null before login. */
  @Override
  public io.vertx.core.json.JsonObject about() {
    FafAuthenticator.Identity who = login.identity();
    return who == null ? null : new io.vertx.core.json.JsonObject()
      .put("player", new io.vertx.core.json.JsonObject().put("id", who.id()).put("login", who.login()));
  }

  /**
   * Input from the socket, read by this transport's reader. Like the real server, a connection's
   * messages are handled strictly one after another ({@link InOrder}): while one waits for
   * something asynchronous (token check, login handler), later ones wait and the socket stops
   * reading. Undecodable input is bad input, answered after the messages before it.
   */
  @Override
  public void input(Buffer input) {
    FafCodecException error = null;
    try {
      reader.read(input, this::received);
    } catch (FafCodecException e) {
      error = e;
    }
    // What waits is accounted in bytes of input, so the layer can bound it.
    int count = decoded.size();
    for (int i = 0; i < count; i++) {
      int share = input.length() / count;
      messages.add(decoded.get(i), i == 0 ? input.length() - share * (count - 1) : share);
    }
    decoded.clear();
    messages.drain();
    if (error != null) {
      badInput(error);
    }
  }

  private void received(FafMessage message) {
    // The real server has no rate limit; ours is opt-in (limits.maxMessagesPerSecond).
    if (!link.isClosed() && link.admit() && !messages.tryNow(message)) {
      decoded.add(message);
    }
  }

  /** One message in its turn; a future when its answer is asynchronous (a login). */
  private Future<?> handle(FafMessage message) {
    if (!authenticated() && !message.allowedBeforeLogin()) {
      reject("message invalid for unauthenticated connection: " + message.command());
      return null;
    }
    if ("connectivity".equals(message.target())) {
      // The real server answers the retired connectivity test (InitiateTest) this way.
      bus.badInput(id(), "connectivity test: client version no longer supported");
      write(FafMessages.notice("error", "Your client version is no longer supported. Please update to the newest version."));
      close();
      return null;
    }
    if (!message.isGame() && (message.kind() == FafCommand.UNKNOWN || !message.kind().sentByClient())) {
      // The real server has no handler for unknown or server-to-client commands.
      bus.badInput(id(), "unknown command: " + message.command());
      write(FafMessages.invalid());
      close();
      return null;
    }
    bus.publish(id(), message.type(), FafBusForm.body(message));
    if (message.isGame()) {
      return null; // GPGNet messages are for bus subscribers; the lobby itself never answers them
    }
    if ("auth".equals(message.command())) {
      return login.auth(message);
    }
    switch (message.command()) {
      case "ask_session" -> login.askSession(message);
      case "hello" -> login.hello(message);
      case "ping" -> write(FafMessages.pong());
      case "pong", "Bottleneck" -> { } // accepted and ignored, as the real server does
      case "create_account" -> write(FafMessages.notice("error",
        "FAF no longer supports direct registration. Please use the website to register."));
      default -> { } // other lobby commands are answered by bus subscribers through .out
    }
    return null;
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

  /** Writes one message, published on {@code .sent} by the layer. */
  void write(FafMessage message) {
    link.write(FafBusForm.outgoing(message));
  }

  boolean isClosed() {
    return link.isClosed();
  }

  void authenticated(FafAuthenticator.Identity identity) {
    link.loggedIn();
    bus.status(id(), StatusEvent.AUTHENTICATED, "player " + identity.id() + " (" + identity.login() + ")");
    endpoint.loggedIn(this);
  }

  /**
   * Answers {@code authentication_failed} with {@code text} and announces it on {@code .status}.
   * The text is ours or the login handler's, never the token the client sent.
   */
  void loginRefused(String text) {
    write(FafMessages.authenticationFailed(text));
    bus.status(id(), StatusEvent.AUTHENTICATION_FAILED, text);
  }

  Future<Void> close() {
    return link.close();
  }

  /** Left the endpoint's table, whoever closed it. */
  @Override
  public void closed() {
    messages.clear();
    endpoint.signedOut(this);
  }
}
