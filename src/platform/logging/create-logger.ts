import pino, { type Logger } from 'pino';

/** Structured JSON logs to stdout, one line per event. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'linkfall' } });
}

export type { Logger };
