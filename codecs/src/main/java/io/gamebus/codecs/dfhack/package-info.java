/**
 * The DFHack Remote Interface codec (dfhack.md): bytes in, frames and protobuf messages out, and
 * back. No sockets, event loop or bus.
 *
 * <ul>
 *   <li>Handshake: {@link io.gamebus.codecs.dfhack.Handshake} (12 bytes each way).</li>
 *   <li>Framing: {@link io.gamebus.codecs.dfhack.RpcStreamDecoder} (handshake, then 8-byte headers
 *       and payloads up to a maximum) producing {@link io.gamebus.codecs.dfhack.RpcFrame}s;
 *       {@link io.gamebus.codecs.dfhack.RpcEncoder} builds them.</li>
 *   <li>Payloads: {@link io.gamebus.codecs.dfhack.DfhackTypes} (known types by full protobuf name,
 *       their JSON form; unknown types as base64 bytes). Generated classes live in
 *       {@code io.gamebus.codecs.dfhack.proto} ({@code dfproto}) and {@code .proto.rfr}
 *       ({@code RemoteFortressReader}).</li>
 *   <li>Catalogues: {@link io.gamebus.codecs.dfhack.CoreMethods}, {@link io.gamebus.codecs.dfhack.RpcCodes},
 *       {@link io.gamebus.codecs.dfhack.CommandResult}, {@link io.gamebus.codecs.dfhack.TextColor}.</li>
 *   <li>Every failure is a {@link io.gamebus.codecs.dfhack.DfhackCodecException} with a
 *       {@link io.gamebus.codecs.dfhack.DfhackCodecException.Reason}.</li>
 * </ul>
 */
package io.gamebus.codecs.dfhack;
