package io.gamebus.launcher;

import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.dfhack.DfhackClientConnection;
import io.gamebus.dfhack.DfhackText;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * {@code dfhack-run [--host H] [--port P] COMMAND [ARGS...]}: what DFHack's own {@code dfhack-run}
 * does: connect, handshake, RunCommand, print the text, QUIT. The port is {@code --port}, else
 * {@code DFHACK_PORT} when set (its value when positive, else 5000, as the real tool reads it),
 * else 5000. Exit codes as the real tool's: 0 {@code CR_OK}, 1 any other result, 2 usage or
 * connection failure.
 */
final class DfhackRunCommand {

  static final String USAGE = "usage: java -jar gamebus.jar dfhack-run [--host H] [--port P] COMMAND [ARGS...]";
  private static final int DEFAULT_PORT = 5000;

  private DfhackRunCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = defaultPort(System.getenv("DFHACK_PORT"));
    int i = 0;
    try {
      for (; i < args.length && args[i].startsWith("--"); i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
        switch (args[i]) {
          case "--host" -> host = args[i + 1];
          case "--port" -> port = Integer.parseInt(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (i >= args.length) {
        throw new IllegalArgumentException("COMMAND is missing");
      }
    } catch (IllegalArgumentException e) {
      err.println("dfhack-run: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    CoreRunCommandRequest request = CoreRunCommandRequest.newBuilder().setCommand(args[i])
      .addAllArguments(Arrays.asList(args).subList(i + 1, args.length)).build();
    Vertx vertx = Vertx.vertx();
    try {
      NetClient client = vertx.createNetClient();
      DfhackClientConnection connection = DfhackClientConnection.connect(client, host, port, RpcCodes.MAX_PAYLOAD,
        text -> { }, closed -> { }).await(30, TimeUnit.SECONDS);
      DfhackClientConnection.CallResult result = connection
        .call(CoreMethods.RUN_COMMAND, Buffer.buffer(request.toByteArray())).await();
      out.print(DfhackText.plain(result.text()));
      out.flush();
      connection.quit().await(5, TimeUnit.SECONDS);
      client.close();
      return result.ok() ? 0 : 1;
    } catch (Exception e) {
      err.println("dfhack-run: cannot run on " + host + ":" + port + ": " + e.getMessage());
      return 2;
    } finally {
      vertx.close();
    }
  }

  static int defaultPort(String environment) {
    if (environment == null) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(environment.trim());
      return port > 0 ? port : DEFAULT_PORT;
    } catch (NumberFormatException e) {
      return DEFAULT_PORT;
    }
  }
}
