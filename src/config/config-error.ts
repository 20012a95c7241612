/** A bad configuration value: start-up stops with this one line, which names the variable. */
export class ConfigError extends Error {}
