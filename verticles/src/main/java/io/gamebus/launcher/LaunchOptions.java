package io.gamebus.launcher;

/** The node's command line: {@code [--config FILE] [--cluster] [--help]}. */
record LaunchOptions(String configFile, boolean cluster, boolean help) {

  static final String USAGE = """
    usage: java -jar gamebus.jar [--config FILE] [--cluster]
           java -jar gamebus.jar faf-token --sub PLAYER_ID [--login NAME] [--minutes N]
           java -jar gamebus.jar dfhack-run [--host H] [--port P] COMMAND [ARGS...]
           java -jar gamebus.jar dfhack-run [--host H] [--port P] --lua MODULE FUNCTION [ARGS...]
      --config FILE  configuration file (default: the embedded bridge-config/default.json)
      --cluster      join the Hazelcast cluster described by cluster.configFile (or the embedded cluster.xml)
    """;

  static LaunchOptions parse(String[] args) {
    String config = null;
    boolean cluster = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--config" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--config needs a file\n" + USAGE);
          }
          config = args[++i];
        }
        case "--cluster" -> cluster = true;
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'\n" + USAGE);
      }
    }
    return new LaunchOptions(config, cluster, help);
  }
}
