package io.gamebus.examples;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.TextColor;
import io.gamebus.dfhack.DfhackHandlers;
import io.gamebus.dfhack.DfhackReply;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;

import java.util.stream.Collectors;

/**
 * Example automation verticle: two console commands for a DFHack server-role endpoint, answered
 * over the bus. {@code help} lists them; {@code echo ARGS...} prints its arguments back;
 * {@code echo} without arguments is wrong usage ({@code CR_WRONG_USAGE}), as a real command
 * would answer it.
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
    DfhackHandlers.command(vertx, prefix, endpoint, "help", call -> Future.succeededFuture(DfhackReply.ok()
      .print("gamebus DFHack endpoint '" + endpoint + "'. Commands:\n", TextColor.WHITE)
      .print("  help          this text\n")
      .print("  echo ARGS...  prints its arguments\n")));
    DfhackHandlers.command(vertx, prefix, endpoint, "echo", call -> {
      JsonArray arguments = call.getJsonArray("arguments", new JsonArray());
      if (arguments.isEmpty()) {
        return Future.succeededFuture(DfhackReply.ok().print("usage: echo ARGS...\n", TextColor.LIGHTRED)
          .result(CommandResult.WRONG_USAGE));
      }
      String line = arguments.stream().map(String::valueOf).collect(Collectors.joining(" "));
      return Future.succeededFuture(DfhackReply.ok().print(line + "\n"));
    });
    return Future.succeededFuture();
  }
}
