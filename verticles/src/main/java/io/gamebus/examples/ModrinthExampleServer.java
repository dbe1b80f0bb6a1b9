package io.gamebus.examples;

import io.gamebus.bus.Addresses;
import io.gamebus.bus.Envelope;
import io.gamebus.bus.StatusEvent;
import io.gamebus.codecs.modrinth.ModrinthEvents;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * Example automation verticle: a small Minecraft-like server behind a Modrinth server-role
 * endpoint, for server id {@code demo}, so a client developer sees a live server at once. It sends
 * {@code stats} every second and {@code uptime} every five while running; answers {@code POST
 * …/power} (the {@code handle.power} handler) with {@code power-state} transitions (Start:
 * starting → running; Stop: stopping → stopped; Restart: both; Kill: stopped at once) and a few
 * log lines; echoes every console {@code command} as {@code log} lines, answering {@code say},
 * {@code list} and {@code help} as Minecraft does; and greets each newly authenticated socket
 * with the current {@code power-state} and {@code uptime}. Everything is written through the
 * endpoint's {@code .out}; nothing here touches a socket.
 */
public final class ModrinthExampleServer extends VerticleBase {

  private final Addresses addresses;
  private final String serverId;
  private String power = "running";
  private long startedAt = System.currentTimeMillis();
  private long ticks;

  public ModrinthExampleServer(String prefix, String endpoint, String serverId) {
    this.addresses = new Addresses(prefix, "modrinth", endpoint);
    this.serverId = serverId;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(1000, t -> tick());
    vertx.eventBus().<Envelope>consumer(addresses.in("command"), m -> {
      JsonObject body = m.body().body();
      if (serverId.equals(body.getString("server")) && body.getValue("cmd") instanceof String cmd) {
        console(cmd);
      }
    });
    vertx.eventBus().<JsonObject>consumer(addresses.status(), m -> {
      if (StatusEvent.AUTHENTICATED.wireName().equals(m.body().getString("state"))
        && ("server " + serverId).equals(m.body().getString("detail"))) {
        String connection = m.body().getString("connection");
        toConnection(connection, ModrinthEvents.powerState(power));
        toConnection(connection, ModrinthEvents.uptime(uptimeSeconds()));
      }
    });
    return vertx.eventBus().<JsonObject>consumer(addresses.handle("power"), m -> {
      if (serverId.equals(m.body().getString("server"))) {
        power(m.body().getString("action"));
      }
      m.reply(new JsonObject());
    }).completion();
  }

  private void tick() {
    if (!"running".equals(power)) {
      return;
    }
    ticks++;
    long mib = 1024L * 1024;
    send(new JsonObject().put("event", "stats").put("cpu_percent", 3.5 + (ticks % 7))
      .put("ram_usage_bytes", 1536 * mib + (ticks % 64) * mib).put("ram_total_bytes", 4096 * mib)
      .put("storage_usage_bytes", 812 * mib).put("storage_total_bytes", 20_480 * mib)
      .put("net_tx_bytes", 4096 * ticks).put("net_rx_bytes", 2048 * ticks));
    if (ticks % 5 == 0) {
      send(ModrinthEvents.uptime(uptimeSeconds()));
    }
  }

  private long uptimeSeconds() {
    return "running".equals(power) ? (System.currentTimeMillis() - startedAt) / 1000 : 0;
  }

  private void power(String action) {
    switch (action) {
      case "Start" -> start("running".equals(power) ? 0 : 1);
      case "Stop" -> stop(false);
      case "Restart" -> {
        stop(false);
        start(1);
      }
      case "Kill" -> stop(true);
      default -> { }
    }
  }

  private void start(long delayMs) {
    if (delayMs == 0) {
      return;
    }
    state("starting");
    log("[Server thread/INFO]: Starting minecraft server version 1.21.4");
    vertx.setTimer(1000, t -> {
      startedAt = System.currentTimeMillis();
      state("running");
      log("[Server thread/INFO]: Done (1.002s)! For help, type \"help\"");
    });
  }

  private void stop(boolean kill) {
    if (!kill) {
      state("stopping");
      log("[Server thread/INFO]: Stopping the server");
    }
    state("stopped");
  }

  private void console(String cmd) {
    log("> " + cmd);
    String[] words = cmd.strip().replaceFirst("^/", "").split("\\s+", 2);
    switch (words[0]) {
      case "say" -> log("[Server thread/INFO]: [Server] " + (words.length > 1 ? words[1] : ""));
      case "list" -> log("[Server thread/INFO]: There are 0 of a max of 20 players online: ");
      case "help" -> log("[Server thread/INFO]: /help, /list, /say <message>");
      default -> log("[Server thread/INFO]: Unknown or incomplete command, see below for error");
    }
  }

  private void state(String state) {
    power = state;
    send(ModrinthEvents.powerState(state));
  }

  private void log(String line) {
    send(ModrinthEvents.log("stdout", line));
  }

  private void send(JsonObject event) {
    vertx.eventBus().request(addresses.out(), event, new DeliveryOptions().addHeader("server", serverId));
  }

  private void toConnection(String connection, JsonObject event) {
    vertx.eventBus().request(addresses.out(), event, new DeliveryOptions().addHeader("connection", connection));
  }
}
