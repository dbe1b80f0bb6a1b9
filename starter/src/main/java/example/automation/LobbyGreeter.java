package example.automation;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.Status;
import io.gamebus.bus.StatusEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

/**
 * A small automation for a FAF lobby endpoint: every player who logs in gets a welcome
 * {@code notice}, and every {@code game_host} is announced to all logged-in players.
 *
 * <p>Settings come from the deploy entry's {@code config} (all optional):
 * <pre>{@code {"busPrefix": "gamebus", "endpoint": "lobby",
 *  "welcome": "Welcome to the lobby!", "announce": "A new game is being hosted: %s"}}</pre>
 *
 * <p>Run it with {@code java -cp gamebus.jar:lobby-greeter-0.1.0.jar io.gamebus.launcher.Main
 * --deploy example.automation.LobbyGreeter}, or name it in the configuration's {@code deploy} list.
 */
public final class LobbyGreeter extends VerticleBase {

  private static final System.Logger LOG = System.getLogger(LobbyGreeter.class.getName());

  private Gamebus bus;
  private String endpoint;
  private String welcome;
  private String announce;

  @Override
  public Future<?> start() {
    bus = Gamebus.of(vertx, config().getString("busPrefix", Gamebus.DEFAULT_PREFIX));
    endpoint = config().getString("endpoint", "lobby");
    welcome = config().getString("welcome", "Welcome to the lobby!");
    announce = config().getString("announce", "A new game is being hosted: %s");
    // Start completes once both subscriptions are registered, so no login after deployment is missed.
    return Future.all(
      bus.statusEvents("faf", endpoint, this::onStatus).completion(),
      bus.subscribe("faf", endpoint, "game_host", this::onGameHost).completion());
  }

  private void onStatus(Status status) {
    if (status.event() == StatusEvent.AUTHENTICATED && status.connection() != null) {
      bus.send("faf", endpoint, status.connection(), notice(welcome))
        .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "welcome to {0} not sent: {1}", status.connection(), e.getMessage()));
    }
  }

  private void onGameHost(Envelope hosted) {
    // Wire data is whatever the player sent: read it defensively.
    Object title = hosted.body().getValue("title");
    String name = title instanceof String s && !s.isBlank() ? s : "(untitled)";
    // Without a connection header .out reaches every logged-in player of the endpoint (in a cluster:
    // those of the node that takes the message; publish on the .out address to reach every node).
    bus.broadcast("faf", endpoint, notice(String.format(announce, name)))
      .onFailure(e -> LOG.log(System.Logger.Level.WARNING, "announcement not sent: {0}", e.getMessage()));
  }

  private static JsonObject notice(String text) {
    return new JsonObject().put("command", "notice").put("style", "info").put("text", text);
  }
}
