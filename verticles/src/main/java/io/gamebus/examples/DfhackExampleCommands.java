package io.gamebus.examples;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.TextColor;
import io.gamebus.dfhack.DfhackByteStrings;
import io.gamebus.dfhack.DfhackHandlers;
import io.gamebus.dfhack.DfhackReply;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Example automation verticle: two console commands for a DFHack server-role endpoint, answered
 * over the bus. {@code help} lists them; {@code echo ARGS...} prints its arguments back, byte for
 * byte even when they are not UTF-8; {@code echo} without arguments is wrong usage
 * ({@code CR_WRONG_USAGE}), as a real command would answer it. {@link #start()} completes once
 * both commands are reachable.
 */
public final class DfhackExampleCommands extends VerticleBase {

  private final String prefix;
  private final String endpoint;

  public DfhackExampleCommands(String prefix, String endpoint) {
    this.prefix = prefix;
    this.endpoint = endpoint;
  }

  @Override
  public Future<?> start() {
    return Future.all(
      DfhackHandlers.command(vertx, prefix, endpoint, "help", call -> Future.succeededFuture(DfhackReply.ok()
        .print("gamebus DFHack endpoint '" + endpoint + "'. Commands:\n", TextColor.WHITE)
        .print("  help          this text\n")
        .print("  echo ARGS...  prints its arguments\n"))),
      DfhackHandlers.command(vertx, prefix, endpoint, "echo", DfhackExampleCommands::echo));
  }

  private static Future<DfhackReply> echo(JsonObject call) {
    JsonArray arguments = call.getJsonArray("arguments", new JsonArray());
    if (arguments.isEmpty()) {
      return Future.succeededFuture(DfhackReply.ok().print("usage: echo ARGS...\n", TextColor.LIGHTRED)
        .result(CommandResult.WRONG_USAGE));
    }
    JsonArray exact = call.getJsonArray(DfhackByteStrings.companion("arguments"));
    if (exact == null) {
      String line = arguments.stream().map(String::valueOf).collect(Collectors.joining(" "));
      return Future.succeededFuture(DfhackReply.ok().print(line + "\n"));
    }
    // Some argument is not UTF-8: echo the exact bytes the client sent.
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int i = 0; i < exact.size(); i++) {
      if (i > 0) {
        line.write(' ');
      }
      line.writeBytes(Base64.getDecoder().decode(exact.getString(i)));
    }
    line.write('\n');
    return Future.succeededFuture(DfhackReply.ok().print(line.toByteArray(), TextColor.RESET));
  }
}
