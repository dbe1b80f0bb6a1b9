package io.gamebus.examples;

import io.gamebus.bus.Envelope;
import io.gamebus.bus.Gamebus;
import io.gamebus.bus.Status;
import io.gamebus.bus.StatusEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Example automation verticle: subscribes to several FAF endpoints at once, logs every
 * {@code game_info} and every login (typed status events), and counts messages per endpoint and
 * type. The counts are answered on
 * {@code <prefix>.examples.faf-watcher.counts} as {@code {"lobby":{"ask_session":1,...},...}}.
 *
 * <p>Deploy it next to gamebus: {@code vertx.deployVerticle(new FafLobbyWatcher(List.of("lobby")))}.
 */
public final class FafLobbyWatcher extends VerticleBase {

  public static final String COUNTS_ADDRESS = Gamebus.DEFAULT_PREFIX + ".examples.faf-watcher.counts";
  private static final System.Logger LOG = System.getLogger(FafLobbyWatcher.class.getName());

  private final List<String> endpoints;
  private final Map<String, Map<String, Long>> counts = new TreeMap<>();

  public FafLobbyWatcher(List<String> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  @Override
  public Future<?> start() {
    Gamebus bus = Gamebus.of(vertx);
    List<Future<Void>> registered = new ArrayList<>();
    for (String endpoint : endpoints) {
      registered.add(bus.subscribe("faf", endpoint, this::count).completion());
      registered.add(bus.subscribe("faf", endpoint, "game_info", this::logGame).completion());
      registered.add(bus.statusEvents("faf", endpoint, this::logLogin).completion());
    }
    registered.add(vertx.eventBus().consumer(COUNTS_ADDRESS, message -> message.reply(snapshot())).completion());
    // Deployed means listening everywhere: nothing published after start() is missed.
    return Future.all(registered);
  }

  private void logLogin(Status status) {
    if (status.event() == StatusEvent.AUTHENTICATED || status.event() == StatusEvent.AUTHENTICATION_FAILED) {
      LOG.log(System.Logger.Level.INFO, "faf.{0} {1}: {2} {3}", status.endpoint(), status.connection(),
        status.state(), status.detail());
    }
  }

  private void count(Envelope envelope) {
    counts.computeIfAbsent(envelope.endpoint(), e -> new TreeMap<>()).merge(envelope.type(), 1L, Long::sum);
  }

  private void logGame(Envelope envelope) {
    // Wire data is whatever the peer sent: read it defensively, never cast blindly.
    JsonObject body = envelope.body();
    Object games = body.getValue("games") instanceof io.vertx.core.json.JsonArray list ? list.size() + " games"
      : body.getValue("title");
    LOG.log(System.Logger.Level.INFO, "faf.{0} {1}: game_info {2}", envelope.endpoint(), envelope.connection(), games);
  }

  private JsonObject snapshot() {
    JsonObject json = new JsonObject();
    counts.forEach((endpoint, types) -> json.put(endpoint, new JsonObject(Map.copyOf(types))));
    return json;
  }
}
