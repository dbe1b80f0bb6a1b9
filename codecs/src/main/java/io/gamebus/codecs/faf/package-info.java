/**
 * The FAForever lobby protocol codec: bytes in, {@link io.gamebus.codecs.faf.FafMessage} out, and
 * back. No sockets, event loop or bus.
 *
 * <ul>
 *   <li>Framing: {@code LineFramer} (newline, maximum line length).</li>
 *   <li>Readers per transport: {@link io.gamebus.codecs.faf.FafStreamReader} (TCP) and
 *       {@link io.gamebus.codecs.faf.FafWebSocketReader} (frames, split or coalesced).</li>
 *   <li>One message: {@link io.gamebus.codecs.faf.FafDecoder} (on the shared
 *       {@link io.gamebus.codecs.json.JsonFrameDecoder}) / {@link io.gamebus.codecs.faf.FafEncoder}.</li>
 *   <li>Catalogues: {@link io.gamebus.codecs.faf.FafCommand}, {@link io.gamebus.codecs.faf.GpgnetCommand}.</li>
 *   <li>The {@code auth} view {@link io.gamebus.codecs.faf.Auth} and the
 *       {@link io.gamebus.codecs.faf.FafMessages} factory for fixed server messages.</li>
 *   <li>Every failure is a {@link io.gamebus.codecs.faf.FafCodecException} with a
 *       {@link io.gamebus.codecs.faf.FafCodecException.Reason}.</li>
 * </ul>
 */
package io.gamebus.codecs.faf;
