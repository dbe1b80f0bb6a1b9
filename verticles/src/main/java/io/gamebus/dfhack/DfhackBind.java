package io.gamebus.dfhack;

import io.gamebus.codecs.dfhack.MethodSignature;
import io.gamebus.codecs.dfhack.proto.CoreBindReply;
import io.gamebus.codecs.dfhack.proto.CoreBindRequest;
import io.vertx.core.Future;

/**
 * {@code BindMethod} by the real server's rules (dfhack.md §8): every core method from the fixed
 * table, a plugin method only where a live bus handler registered exactly that signature; exact,
 * fully qualified type names; the same id for a repeated bind on one connection.
 */
final class DfhackBind {

  private final MethodTable table;
  private final DfhackServerEndpoint endpoint;

  DfhackBind(MethodTable table, DfhackServerEndpoint endpoint) {
    this.table = table;
    this.endpoint = endpoint;
  }

  Future<DfhackAnswer> bind(CoreBindRequest request) {
    MethodSignature wanted = MethodSignature.of(request);
    int known = table.find(wanted.plugin(), wanted.method());
    if (known >= 0) {
      return answer(known, wanted);
    }
    if (wanted.isCore()) {
      return notFound("", wanted);
    }
    return endpoint.registered(wanted).compose(offered -> {
      if (offered == null) {
        return endpoint.pluginKnown(wanted.plugin()).compose(pluginExists ->
          notFound(pluginExists ? "" : "No such plugin: " + wanted.plugin() + "\n", wanted));
      }
      if (!sameTypes(offered, wanted)) {
        return wrongSignature(wanted);
      }
      return reply(table.add(offered));
    });
  }

  /**
   * A method already in the table (the core table, or a plugin method bound before): the types
   * must match. Core methods always bind, as on the real server; a call of one that no bus
   * handler implements is answered by {@link DfhackBusCalls}.
   */
  private Future<DfhackAnswer> answer(int id, MethodSignature wanted) {
    return sameTypes(table.get(id), wanted) ? reply(id) : wrongSignature(wanted);
  }

  private static boolean sameTypes(MethodSignature offered, MethodSignature wanted) {
    return offered.inputType().equals(wanted.inputType()) && offered.outputType().equals(wanted.outputType());
  }

  private static Future<DfhackAnswer> reply(int id) {
    return DfhackCalls.result(CoreBindReply.newBuilder().setAssignedId(id).build());
  }

  private static Future<DfhackAnswer> notFound(String before, MethodSignature wanted) {
    return Future.succeededFuture(DfhackErrors.methodNotFound(before, wanted));
  }

  private static Future<DfhackAnswer> wrongSignature(MethodSignature wanted) {
    return Future.succeededFuture(DfhackErrors.wrongSignature(wanted));
  }
}
