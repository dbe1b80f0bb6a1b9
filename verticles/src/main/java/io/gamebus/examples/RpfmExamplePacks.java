package io.gamebus.examples;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.StatusEvent;
import io.gamebus.rpfm.RpfmHandlers;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Example automation verticle: a small in-memory model of an RPFM server's session, enough for a
 * client developer to try a real flow against an RPFM server-role endpoint. Per session (keyed by
 * node and session id, dropped when the endpoint announces {@code session-ended}):
 * {@code NewPack} (returns a key), {@code ListOpenPacks}, {@code ClosePack} (and the real
 * {@code Pack not found: <key>}), {@code CloseAllPacks}, {@code GetGameSelected} (default
 * {@code warhammer_3}) and {@code SetGameSelected} (RPFM's game keys only; answers compression
 * {@code None} and, when asked to rebuild, empty dependencies). Packs live in memory only: nothing
 * is read from or written to disk. {@link #start()} completes once every handler is reachable.
 */
public final class RpfmExamplePacks extends VerticleBase {

  /** The game keys RPFM 5.0.6 supports. */
  static final Set<String> GAMES = Set.of("pharaoh_dynasties", "pharaoh", "warhammer_3", "troy", "three_kingdoms",
    "warhammer_2", "warhammer", "thrones_of_britannia", "attila", "rome_2", "shogun_2", "napoleon", "empire", "arena");

  /** What one session has open. */
  private static final class Model {
    final Map<String, JsonObject> packs = new LinkedHashMap<>();
    String game = "warhammer_3";
    int created;
  }

  private final String prefix;
  private final String endpoint;
  private final Map<String, Model> sessions = new HashMap<>();

  public RpfmExamplePacks(String prefix, String endpoint) {
    this.prefix = prefix;
    this.endpoint = endpoint;
  }

  @Override
  public Future<?> start() {
    vertx.eventBus().<JsonObject>consumer(new Addresses(prefix, "rpfm", endpoint).status(), message -> {
      JsonObject status = message.body();
      if (StatusEvent.SESSION_ENDED.wireName().equals(status.getString("state"))) {
        sessions.remove(status.getString("node") + "/" + status.getValue("session"));
      }
    });
    return Future.all(
      on("NewPack", (model, call) -> {
        String key = "new_pack_" + ++model.created + ".pack";
        model.packs.put(key, containerInfo(key));
        return RpfmHandlers.reply("String", key);
      }),
      on("ListOpenPacks", (model, call) -> {
        JsonArray list = new JsonArray();
        model.packs.forEach((key, info) -> list.add(new JsonArray().add(key).add(info)));
        return RpfmHandlers.reply("VecStringContainerInfo", list);
      }),
      on("ClosePack", (model, call) -> {
        String key = call.getString("args");
        if (model.packs.remove(key) == null) {
          throw new IllegalStateException("Pack not found: " + key);
        }
        return RpfmHandlers.success();
      }),
      on("CloseAllPacks", (model, call) -> {
        model.packs.clear();
        return RpfmHandlers.success();
      }),
      on("GetGameSelected", (model, call) -> RpfmHandlers.reply("String", model.game)),
      on("SetGameSelected", (model, call) -> {
        JsonArray args = call.getJsonArray("args");
        String game = args.getString(0);
        if (!GAMES.contains(game)) {
          throw new IllegalStateException("Game not supported: " + game);
        }
        model.game = game;
        Object dependencies = args.getBoolean(1) ? new JsonObject().put("asskit_tables", new JsonArray())
          .put("vanilla_packed_files", new JsonArray()).put("parent_packed_files", new JsonArray()) : null;
        return RpfmHandlers.reply("CompressionFormatDependenciesInfo", new JsonArray().add("None").add(dependencies));
      }));
  }

  /** One command's handler over the caller's session model; a thrown exception becomes RPFM's Error. */
  private Future<?> on(String command, BiFunction<Model, JsonObject, JsonObject> handler) {
    return RpfmHandlers.command(vertx, prefix, endpoint, command, call -> {
      Model model = sessions.computeIfAbsent(call.getString("node") + "/" + call.getValue("session"), k -> new Model());
      try {
        return Future.succeededFuture(handler.apply(model, call));
      } catch (RuntimeException e) {
        return Future.failedFuture(e.getMessage());
      }
    });
  }

  /** A ContainerInfo as the real server describes a new, unsaved pack. */
  private static JsonObject containerInfo(String key) {
    return new JsonObject().put("file_name", key).put("file_path", "").put("pfh_version", "PFH5")
      .put("pfh_file_type", "Mod").put("bitmask", 0).put("compress", "None").put("timestamp", 0);
  }
}
