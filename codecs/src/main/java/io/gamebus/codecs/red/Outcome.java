package io.gamebus.codecs.red;

/**
 * The answer of a pure JSON-RPC step: a value to go on with, or the error Red would send.
 *
 * @param <T> the value's type
 */
public sealed interface Outcome<T> {

  /** Went through: {@code value} may be null when null is the answer (as GET_METHOD_INFO's). */
  record Ok<T>(T value) implements Outcome<T> {}

  /** Refused: reply {@code ErrorReply.of(request.id(), error)}. */
  record Failed<T>(RedError error) implements Outcome<T> {}
}
