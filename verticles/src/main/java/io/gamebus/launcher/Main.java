package io.gamebus.launcher;

import io.gamebus.config.ConfigException;
import io.gamebus.config.ConfigOverrides;
import io.gamebus.config.GamebusConfig;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar gamebus.jar [--config FILE] [--cluster] [--set PATH=VALUE]...} runs a node
 * ({@code java -cp gamebus.jar:my.jar io.gamebus.launcher.Main ... --deploy my.Verticle} with your
 * own verticles);
 * {@code java -jar gamebus.jar faf-token ...} mints a lobby token for testing;
 * {@code java -jar gamebus.jar dfhack-run COMMAND ...} runs a DFHack command like DFHack's own tool;
 * {@code java -jar gamebus.jar tap [PATTERN]} and {@code send ADDRESS JSON} watch and use a running
 * node's bus through its browser bridge.
 * Exit codes: 0 stopped cleanly, 1 failed to start (an endpoint or own verticle), 2 bad command
 * line or configuration (including a {@code deploy} class that is missing or not a verticle).
 */
public final class Main {

  private static final long STOP_TIMEOUT_SECONDS = 20;

  private Main() {
  }

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("faf-token")) {
      System.exit(FafTokenCommand.run(Arrays.copyOfRange(args, 1, args.length)));
    }
    if (args.length > 0 && args[0].equals("dfhack-run")) {
      System.exit(DfhackRunCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("tap")) {
      System.exit(TapCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    if (args.length > 0 && args[0].equals("send")) {
      System.exit(SendCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
    }
    LaunchOptions options;
    GamebusConfig config;
    try {
      options = LaunchOptions.parse(args);
      if (options.help()) {
        System.out.println(LaunchOptions.USAGE);
        return;
      }
      ConfigOverrides overrides = options.overrides(System.getenv());
      config = options.configFile() == null ? GamebusConfig.loadDefault(overrides)
        : GamebusConfig.load(Path.of(options.configFile()), overrides);
      OwnVerticles.check(config.deploy());
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println("gamebus: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!start(config)) {
      System.exit(1);
    }
    // Vert.x's threads keep the JVM alive; SIGTERM runs the shutdown hook.
  }

  private static boolean start(GamebusConfig config) {
    Vertx vertx = null;
    GamebusNode node;
    try {
      vertx = VertxFactory.create(config).await(60, TimeUnit.SECONDS);
      node = GamebusNode.start(vertx, config).await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("gamebus: failed to start: " + e.getMessage());
      if (vertx != null) {
        vertx.close();
      }
      return false;
    }
    Banner.print(node, config);
    Vertx running = vertx;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("gamebus: stopping");
      try {
        node.stop().transform(v -> running.close()).await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        System.out.println("gamebus: stopped");
      } catch (Exception e) {
        System.err.println("gamebus: stop did not complete: " + e.getMessage());
      }
    }, "gamebus-shutdown"));
    return true;
  }
}
