import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * Nest's start-up chatter: one line per module and one per route (about 75
 * before "listening on …"). It says nothing an operator acts on, so it is
 * debug output: shown with LOG_LEVEL=debug, quiet otherwise.
 */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/** The application's logger: LOG_LEVEL chooses what is printed. */
export class AppLogger extends ConsoleLogger {
  constructor(private readonly level: AppConfig['logLevel']) {
    super();
    this.setLogLevels(LEVELS[level]);
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (this.level !== 'debug' && typeof context === 'string' && START_UP_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }
}
