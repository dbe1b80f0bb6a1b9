package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.RpcEncoder;
import io.gamebus.codecs.dfhack.TextColor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Every error answer of the server role, in the real server's shape (dfhack.md §8, §9, §11): one
 * TEXT line in LIGHTRED, then FAIL(code); or FAIL alone where the real server prints nothing.
 * The texts of the real server are reproduced exactly; the ones only a bus can cause (no handler,
 * a silent or broken handler) follow the same pattern.
 */
final class DfhackErrors {

  private DfhackErrors() {
  }

  /** One LIGHTRED TEXT line (a newline is added when missing), then FAIL(code). */
  static DfhackAnswer line(String line, int code) {
    String text = line.endsWith("\n") ? line : line + "\n";
    JsonArray fragments = new JsonArray().add(new JsonObject().put("text", text)
      .put("color", TextColor.name(TextColor.LIGHTRED)));
    return DfhackAnswer.fail(RpcEncoder.text(text, TextColor.LIGHTRED), fragments, failCode(code));
  }

  static DfhackAnswer line(String line, CommandResult code) {
    return line(line, code.code());
  }

  /** FAIL(code) with no text, as the real server answers an empty command or a resume at depth 0. */
  static DfhackAnswer bare(CommandResult code) {
    return DfhackAnswer.fail(null, null, code.code());
  }

  /** A bus handler refused the call: its own text (if any), then FAIL with its code (0 becomes CR_FAILURE). */
  static DfhackAnswer refused(String text, int code) {
    return text == null || text.isEmpty() ? DfhackAnswer.fail(null, null, failCode(code)) : line(text, code);
  }

  static DfhackAnswer invalidId(int id) {
    return line("RPC call of invalid id " + id, CommandResult.FAILURE);
  }

  static DfhackAnswer forbiddenHost(MethodSignature method, String host) {
    return line("In call to " + method.method() + ": forbidden host: " + host, CommandResult.FAILURE);
  }

  static DfhackAnswer undecodable(MethodSignature method) {
    return line("In call to " + method.method() + ": could not decode input args.", CommandResult.FAILURE);
  }

  static DfhackAnswer notRecognized(String command) {
    return line(command + " is not a recognized command.", CommandResult.NOT_IMPLEMENTED);
  }

  /** A core or plugin method that binds but that no bus handler implements. */
  static DfhackAnswer notImplemented(String name) {
    return line("In call to " + name + ": no bus handler implements it", CommandResult.NOT_IMPLEMENTED);
  }

  static DfhackAnswer handlerSilent(String name) {
    return line("In call to " + name + ": the bus handler did not answer", CommandResult.LINK_FAILURE);
  }

  static DfhackAnswer badReply(String name, String detail) {
    return line("In call to " + name + ": the bus handler's " + detail, CommandResult.FAILURE);
  }

  static DfhackAnswer tooLarge(String name, int size) {
    return line("In call to " + name + ": reply too large: " + size + ".", CommandResult.LINK_FAILURE);
  }

  /** {@code before} is the plugin line ("No such plugin: X\n") or empty. */
  static DfhackAnswer methodNotFound(String before, MethodSignature wanted) {
    return line(before + "RPC method not found: " + wanted.qualifiedName(), CommandResult.FAILURE);
  }

  static DfhackAnswer wrongSignature(MethodSignature wanted) {
    return line("Requested wrong signature for RPC method: " + wanted.qualifiedName(), CommandResult.FAILURE);
  }

  /** A call that could not be completed for an internal reason. */
  static DfhackAnswer internal(String detail) {
    return line("In call: " + detail, CommandResult.FAILURE);
  }

  /** The C++ client turns FAIL 0 into CR_FAILURE; never send it (dfhack.md §17). */
  private static int failCode(int code) {
    return code == CommandResult.OK.code() ? CommandResult.FAILURE.code() : code;
  }
}
