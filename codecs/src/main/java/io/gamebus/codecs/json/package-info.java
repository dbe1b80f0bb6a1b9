/**
 * Protocol-neutral JSON frame decoding: one frame's bytes to one {@link io.vertx.core.json.JsonObject}
 * with {@link io.gamebus.codecs.json.JsonFrameDecoder}; every refusal is a
 * {@link io.gamebus.codecs.json.JsonFrameException} whose
 * {@link io.gamebus.codecs.json.JsonFrameException.Reason} is TOO_LARGE, NOT_UTF8, NOT_JSON or
 * NOT_OBJECT. Protocols map the reason to their own answer. No sockets, event loop or bus.
 */
package io.gamebus.codecs.json;
