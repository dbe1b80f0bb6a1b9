package io.gamebus.launcher;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.CoreMethods;
import io.gamebus.codecs.dfhack.RpcCodes;
import io.gamebus.codecs.dfhack.proto.CoreRunCommandRequest;
import io.gamebus.codecs.dfhack.proto.CoreRunLuaRequest;
import io.gamebus.codecs.dfhack.proto.StringListMessage;
import io.gamebus.config.LimitsConfig;
import io.gamebus.dfhack.DfhackClientConnection;
import io.gamebus.dfhack.DfhackText;
import io.gamebus.endpoint.Timers;
import io.gamebus.endpoint.UpstreamConnector;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code dfhack-run [--host H] [--port P] COMMAND [ARGS...]} and
 * {@code dfhack-run ... --lua MODULE FUNCTION [ARGS...]}: what DFHack's own {@code dfhack-run}
 * does — connect, handshake, RunCommand (or RunLua), print the text as it arrives, QUIT. Exit
 * codes as the real tool's: 0 {@code CR_OK}, 1 any other result (a link lost mid-call is
 * {@code CR_LINK_FAILURE}), 2 usage or connection failure, 3 {@code --lua} when RunLua cannot be
 * bound. The whole conversation runs on one Vert.x event loop; this thread only waits for it.
 */
final class DfhackRunCommand {

  static final String USAGE = "usage: java -jar gamebus.jar dfhack-run [--host H] [--port P] COMMAND [ARGS...]\n"
    + "       java -jar gamebus.jar dfhack-run [--host H] [--port P] --lua MODULE FUNCTION [ARGS...]";
  /** The real tool waits forever; a command line should not. */
  private static final long RESULT_TIMEOUT_SECONDS = 600;

  private DfhackRunCommand() {
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String host = "127.0.0.1";
    int port = DfhackPort.select(System.getenv("DFHACK_PORT"), Path.of("dfhack-config", "remote-server.json"),
      Path.of("..", "dfhack-config", "remote-server.json"));
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
      if (args[i].equals("--lua") && args.length - i < 3) {
        throw new IllegalArgumentException("--lua needs MODULE and FUNCTION");
      }
    } catch (IllegalArgumentException e) {
      err.println("dfhack-run: " + e.getMessage() + "\n" + USAGE);
      return 2;
    }
    List<String> words = Arrays.asList(args).subList(i, args.length);
    Vertx vertx = Vertx.vertx();
    try {
      Promise<Integer> exit = Promise.promise();
      String h = host;
      int p = port;
      vertx.runOnContext(v -> conversation(vertx, h, p, words, out, err).onComplete(exit));
      return exit.future().await(RESULT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      err.println("dfhack-run: no answer from " + host + ":" + port + ": " + e.getMessage());
      return CommandResult.FAILURE.code();
    } finally {
      vertx.close();
    }
  }

  private static Future<Integer> conversation(Vertx vertx, String host, int port, List<String> words,
                                              PrintStream out, PrintStream err) {
    UpstreamConnector connector = UpstreamConnector.of(vertx, "tcp://" + host + ":" + port, LimitsConfig.defaults(), 0);
    return DfhackClientConnection.open(connector, RpcCodes.MAX_PAYLOAD, text -> out.print(DfhackText.plain(text)),
        Timers.of(vertx), DfhackClientConnection.DEFAULT_HANDSHAKE_TIMEOUT_MS)
      .transform(connected -> {
        if (connected.failed()) {
          err.println("dfhack-run: cannot connect to " + host + ":" + port + ": " + connected.cause().getMessage());
          return Future.succeededFuture(2);
        }
        DfhackClientConnection connection = connected.result();
        Future<Integer> result = words.get(0).equals("--lua")
          ? runLua(connection, words.subList(1, words.size()), out, err) : runCommand(connection, words);
        // A link lost mid-call is CR_LINK_FAILURE to the real client: exit 1, not 2.
        return result.otherwise(1).compose(code -> connection.quit().otherwiseEmpty().map(code));
      })
      .eventually(connector::close);
  }

  private static Future<Integer> runCommand(DfhackClientConnection connection, List<String> words) {
    CoreRunCommandRequest request = CoreRunCommandRequest.newBuilder().setCommand(words.get(0))
      .addAllArguments(words.subList(1, words.size())).build();
    return connection.call(CoreMethods.RUN_COMMAND, Buffer.buffer(request.toByteArray()))
      .map(result -> result.ok() ? 0 : 1);
  }

  private static Future<Integer> runLua(DfhackClientConnection connection, List<String> words, PrintStream out,
                                        PrintStream err) {
    return connection.idOf(CoreMethods.RUN_LUA).transform(bound -> {
      if (bound.failed()) {
        err.println("No RunLua protocol function found.");
        return Future.succeededFuture(3);
      }
      CoreRunLuaRequest request = CoreRunLuaRequest.newBuilder().setModule(words.get(0)).setFunction(words.get(1))
        .addAllArguments(words.subList(2, words.size())).build();
      return connection.call(CoreMethods.RUN_LUA, Buffer.buffer(request.toByteArray())).map(result -> {
        if (!result.ok()) {
          return 1;
        }
        try {
          out.println(String.join("\t", StringListMessage.parseFrom(result.output().getBytes()).getValueList()));
          return 0;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return 1; // CR_LINK_FAILURE for the real client
        }
      });
    });
  }
}
