package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.CommandResult;
import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/**
 * {@code BindMethod} by the real server's rules (dfhack.md §8): the built-in core methods from the
 * fixed table, every other method only where a bus handler registered exactly that signature; exact,
 * fully qualified type names; the same id for a repeated bind on one connection.
 */
final class DfhackBind {

  private final MethodTable table;
  private final DfhackServerEndpoint endpoint;

  DfhackBind(MethodTable table, DfhackServerEndpoint endpoint) {
    this.table = table;
    this.endpoint = endpoint;
  }

  Future<Buffer> bind(CoreBindRequest request) {
    MethodSignature wanted = MethodSignature.of(request);
    int known = table.find(wanted.plugin(), wanted.method());
    if (known >= 0) {
      return answer(known, wanted);
    }
    if (wanted.isCore()) {
      return notFound("", wanted);
    }
    return endpoint.registered(wanted).compose(registered -> {
      if (registered == null) {
        return endpoint.pluginKnown(wanted.plugin()).compose(pluginExists ->
          notFound(pluginExists ? "" : "No such plugin: " + wanted.plugin() + "\n", wanted));
      }
      MethodSignature offered = new MethodSignature(wanted.plugin(), wanted.method(),
        registered.getString("input"), registered.getString("output"));
      if (!sameTypes(offered, wanted)) {
        return wrongSignature(wanted);
      }
      return reply(table.add(offered));
    });
  }

  /**
   * A method already in the table: the types must match; a core method that gamebus does not
   * build in binds only when a bus handler registered it, as plugin methods do.
   */
  private Future<Buffer> answer(int id, MethodSignature wanted) {
    MethodSignature offered = table.get(id);
    if (!sameTypes(offered, wanted)) {
      return wrongSignature(wanted);
    }
    if (!offered.isCore() || DfhackCalls.BUILT_IN.contains(offered)) {
      return reply(id);
    }
    return endpoint.registered(wanted).compose(registered -> {
      if (registered == null) {
        return notFound("", wanted);
      }
      return wanted.inputType().equals(registered.getString("input")) && wanted.outputType().equals(registered.getString("output"))
        ? reply(id) : wrongSignature(wanted);
    });
  }

  private static boolean sameTypes(MethodSignature offered, MethodSignature wanted) {
    return offered.inputType().equals(wanted.inputType()) && offered.outputType().equals(wanted.outputType());
  }

  private static Future<Buffer> reply(int id) {
    return DfhackCalls.result(CoreBindReply.newBuilder().setAssignedId(id).build());
  }

  private static Future<Buffer> notFound(String before, MethodSignature wanted) {
    return DfhackCalls.failed(before + "RPC method not found: " + wanted.qualifiedName(), CommandResult.FAILURE);
  }

  private static Future<Buffer> wrongSignature(MethodSignature wanted) {
    return DfhackCalls.failed("Requested wrong signature for RPC method: " + wanted.qualifiedName(), CommandResult.FAILURE);
  }
}
