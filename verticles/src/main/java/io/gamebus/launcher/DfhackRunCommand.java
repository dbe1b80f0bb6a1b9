package io.gamebus.launcher;

import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.codecs.dfhack.proto.CoreRunLuaRequest;
import io.gamebus.codecs.dfhack.proto.StringListMessage;
import io.gamebus.dfhack.DfhackClientConnection;
import io.gamebus.dfhack.DfhackText;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code dfhack-run [--host H] [--port P] COMMAND [ARGS...]}: what DFHack's own {@code dfhack-run}
 * does: connect, handshake, RunCommand, print the text, QUIT. The port is {@code --port}, else
 * {@code DFHACK_PORT} when set (its value when positive, else 5000, as the real tool reads it),
 * else 5000. Exit codes as the real tool's: 0 {@code CR_OK}, 1 any other result, 2 usage or
 * connection failure, 3 {@code --lua} when RunLua cannot be bound.
 */
final class DfhackRunCommand {

  static final String USAGE = "usage: java -jar gamebus.jar dfhack-run [--host H] [--port P] COMMAND [ARGS...]\n"
    + "       java -jar gamebus.jar dfhack-run [--host H] [--port P] --lua MODULE FUNCTION [ARGS...]";
  private static final int DEFAULT_PORT = 5000;
  /** The real tool waits forever; a command line should not. */
  private static final long RESULT_TIMEOUT_SECONDS = 600;

  private DfhackRunCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = defaultPort(System.getenv("DFHACK_PORT"));
    int i = 0;
    try {
      for (; i < args.length && args[i].startsWith("--") && !args[i].equals("--lua"); i += 2) {
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
    boolean lua = args[i].equals("--lua");
    if (lua && args.length - i < 3) {
      err.println("dfhack-run: --lua needs MODULE and FUNCTION\n" + USAGE);
      return 2;
    }
    List<String> rest = Arrays.asList(args).subList(i, args.length);
    Vertx vertx = Vertx.vertx();
    try {
      NetClient client = vertx.createNetClient();
      DfhackClientConnection connection = DfhackClientConnection.connect(client, host, port, RpcCodes.MAX_PAYLOAD,
        text -> { }, closed -> { }).await(30, TimeUnit.SECONDS);
      int exit = lua ? runLua(connection, rest.subList(1, rest.size()), out) : runCommand(connection, rest, out);
      connection.quit().await(5, TimeUnit.SECONDS);
      client.close();
      return exit;
    } catch (Exception e) {
      err.println("dfhack-run: cannot run on " + host + ":" + port + ": " + e.getMessage());
      return 2;
    } finally {
      vertx.close();
    }
  }

  private static int runCommand(DfhackClientConnection connection, List<String> words, PrintStream out) throws Exception {
    CoreRunCommandRequest request = CoreRunCommandRequest.newBuilder().setCommand(words.get(0))
      .addAllArguments(words.subList(1, words.size())).build();
    DfhackClientConnection.CallResult result = connection
      .call(CoreMethods.RUN_COMMAND, Buffer.buffer(request.toByteArray())).await(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    out.print(DfhackText.plain(result.text()));
    out.flush();
    return result.ok() ? 0 : 1;
  }

  /** {@code --lua MODULE FUNCTION ARGS...}: RunLua, the returned values separated by tabs; 3 when it cannot be bound. */
  private static int runLua(DfhackClientConnection connection, List<String> words, PrintStream out) throws Exception {
    try {
      connection.idOf(CoreMethods.RUN_LUA).await(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (DfhackClientConnection.BindFailure e) {
      out.print(DfhackText.plain(e.result().text()));
      return 3;
    }
    CoreRunLuaRequest request = CoreRunLuaRequest.newBuilder().setModule(words.get(0)).setFunction(words.get(1))
      .addAllArguments(words.subList(2, words.size())).build();
    DfhackClientConnection.CallResult result = connection
      .call(CoreMethods.RUN_LUA, Buffer.buffer(request.toByteArray())).await(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    out.print(DfhackText.plain(result.text()));
    if (result.ok()) {
      out.println(String.join("\t", StringListMessage.parseFrom(result.output().getBytes()).getValueList()));
    }
    out.flush();
    return result.ok() ? 0 : 1;
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
