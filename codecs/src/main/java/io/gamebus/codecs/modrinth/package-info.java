/**
 * The Modrinth Hosting server socket ("Archon") codec: one JSON object with an {@code event} string
 * per WebSocket text frame, in both directions. {@link io.gamebus.codecs.modrinth.ModrinthCodec}
 * decodes and encodes frames with a size limit; {@link io.gamebus.codecs.modrinth.ModrinthEvent} is
 * the closed catalogue of modrinth.md §7 as data (wire name, direction, field shapes);
 * {@link io.gamebus.codecs.modrinth.ModrinthEvents} builds the common frames; every refusal is a
 * {@link io.gamebus.codecs.modrinth.ModrinthCodecException} with a
 * {@link io.gamebus.codecs.modrinth.ModrinthCodecException.Reason}. Unknown events and unknown
 * fields pass through unchanged. No sockets, event loop or bus.
 */
package io.gamebus.codecs.modrinth;
