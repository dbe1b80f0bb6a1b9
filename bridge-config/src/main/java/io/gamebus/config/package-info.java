/**
 * Typed, validated gamebus configuration. {@link io.gamebus.config.GamebusConfig} reads one JSON
 * document; every class has documented defaults, a {@code fromJson} and a {@code toJson()} that
 * round-trips, and reports errors as {@link io.gamebus.config.ConfigException} naming the field's
 * path. Secrets are never part of it: {@link io.gamebus.config.AuthConfig} names where they are.
 */
package io.gamebus.config;
