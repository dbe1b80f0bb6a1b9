/**
 * Red-DiscordBot's RPC (JSON-RPC 2.0 over WebSocket text frames, aiohttp-json-rpc 0.13.3) in both
 * roles. {@link io.gamebus.codecs.red.RedCodec} decodes with a size limit: a client's frame to the
 * server's decision ({@link io.gamebus.codecs.red.FromClient}: call, error reply, ignore, close,
 * with red.md §4's rules and §5's exact errors), a server's frame to a
 * {@link io.gamebus.codecs.red.RedMessage} (request, notification, result, error reply), whose
 * {@code encode()} writes Red's own layout. {@link io.gamebus.codecs.red.RedSignature} binds params
 * (§6); {@link io.gamebus.codecs.red.RedBuiltins} holds the built-ins' rules (§7). No sockets,
 * event loop or bus.
 */
package io.gamebus.codecs.red;
