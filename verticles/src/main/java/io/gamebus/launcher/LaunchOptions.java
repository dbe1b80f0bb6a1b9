package io.gamebus.launcher;

import io.gamebus.config.ConfigOverrides;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The node's command line:
 * {@code [--config FILE] [--cluster] [--set PATH=VALUE]... [--deploy CLASS]... [--help]}.
 */
record LaunchOptions(String configFile, boolean cluster, List<String> sets, List<String> deploys, boolean help) {

  static final String USAGE = """
    usage: java -jar gamebus.jar [--config FILE] [--cluster] [--set PATH=VALUE]...
           java -cp gamebus.jar:my.jar io.gamebus.launcher.Main [...] --deploy my.Verticle [--deploy ...]
           java -jar gamebus.jar faf-token --sub PLAYER_ID [--login NAME] [--minutes N]
           java -jar gamebus.jar dfhack-run [--host H] [--port P] COMMAND [ARGS...]
           java -jar gamebus.jar dfhack-run [--host H] [--port P] --lua MODULE FUNCTION [ARGS...]
           java -jar gamebus.jar tap [ADDRESS-PATTERN] [--url URL] [--token JWT] [--count N]
           java -jar gamebus.jar send ADDRESS JSON [--header NAME=VALUE]... [--url URL] [--token JWT]
      --config FILE     configuration file (default: the embedded bridge-config/default.json)
      --cluster         join the Hazelcast cluster described by cluster.configFile (or the embedded cluster.xml)
      --set PATH=VALUE  change one field before validation, e.g. http.port=9000,
                        bridge.allowedOrigins=http://localhost:3000, endpoints[*].listeners[*].host=0.0.0.0;
                        VALUE is JSON when it parses, else a string (comma-separated for a list field)
      --deploy CLASS    deploy your own verticle (a Deployable with a public no-argument constructor)
                        after the endpoints; its jar must be on the classpath, so use -cp, not -jar
    environment: GAMEBUS_HTTP_HOST, GAMEBUS_HTTP_PORT, GAMEBUS_ALLOWED_ORIGINS, GAMEBUS_CLUSTER
                 (applied after the file, before --set)
    """;

  static LaunchOptions parse(String[] args) {
    String config = null;
    boolean cluster = false;
    boolean help = false;
    List<String> sets = new ArrayList<>();
    List<String> deploys = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> config = value(args, ++i, "--config needs a file");
        case "--set" -> sets.add(value(args, ++i, "--set needs PATH=VALUE"));
        case "--deploy" -> deploys.add(value(args, ++i, "--deploy needs a class name"));
        case "--cluster" -> cluster = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + USAGE);
      }
    }
    return new LaunchOptions(config, cluster, List.copyOf(sets), List.copyOf(deploys), help);
  }

  /**
   * What changes the file: the environment, then {@code --set} in order, then {@code --cluster}
   * (the same as {@code --set cluster.enabled=true}), then the {@code --deploy} entries.
   */
  ConfigOverrides overrides(Map<String, String> environment) {
    List<String> assignments = new ArrayList<>(sets);
    if (cluster) {
      assignments.add("cluster.enabled=true");
    }
    return ConfigOverrides.fromEnvironment(environment).set(assignments).deploy(deploys);
  }

  private static String value(String[] args, int i, String missing) {
    if (i >= args.length) {
      throw new IllegalArgumentException(missing + "\n" + USAGE);
    }
    return args[i];
  }
}
