/**
 * The RPFM server IPC codec, pinned to RPFM 5.0.6: the envelope {@code {"id": u64, "data": …}} in
 * both directions ({@link io.gamebus.codecs.rpfm.RpfmCodec}), the catalogue of 161 commands and 83
 * responses as data ({@link io.gamebus.codecs.rpfm.RpfmCatalogue}), and one exception family
 * ({@link io.gamebus.codecs.rpfm.RpfmCodecException}) whose reason follows serde's wording. No
 * sockets, event loop or bus.
 *
 * <p>Bus forms:
 * <ul>
 *   <li>command: {@code {"command":"ClosePack","args":"key"}}; a unit command has no {@code args}
 *       ({@code {"command":"NewPack"}}); a tuple command's {@code args} is the array of its
 *       positional parameters ({@code {"command":"SavePackAs","args":["key","/out.pack"]}}). See
 *       {@link io.gamebus.codecs.rpfm.RpfmCommand#toBus()} and
 *       {@link io.gamebus.codecs.rpfm.RpfmCommand#fromBus}.</li>
 *   <li>response: {@code {"variant":"String","value":"k"}}; {@code Success} and {@code Unknown}
 *       have no {@code value}. See {@link io.gamebus.codecs.rpfm.RpfmResponse#toBus()} and
 *       {@link io.gamebus.codecs.rpfm.RpfmResponse#fromBus}.</li>
 *   <li>ids are u64, carried in a {@code long} as the same 64 bits; {@link io.gamebus.codecs.rpfm.RpfmIds}
 *       converts to and from JSON (Long, or BigInteger at 2^63 and above).</li>
 * </ul>
 */
package io.gamebus.codecs.rpfm;
