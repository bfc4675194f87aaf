import { AppLogger } from './app-logger';

/** What LOG_LEVEL lets through, as printed on stdout/stderr. */
function printed(level: 'debug' | 'info' | 'warn' | 'error', write: (logger: AppLogger) => void): string {
  let text = '';
  const out = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk) => ((text += String(chunk)), true));
  const err = jest
    .spyOn(process.stderr, 'write')
    .mockImplementation((chunk) => ((text += String(chunk)), true));
  try {
    write(new AppLogger(level));
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return text;
}

describe('AppLogger (LOG_LEVEL)', () => {
  const startUp = (logger: AppLogger) => {
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/v1/projects, POST} route', 'RouterExplorer');
    logger.log('listening on http://localhost:3000', 'Main');
  };

  it('keeps Nest’s module and route lines out of the default output', () => {
    const text = printed('info', startUp);
    expect(text).toContain('listening on');
    expect(text).not.toContain('Mapped {');
    expect(text).not.toContain('dependencies initialized');
  });

  it('shows them with LOG_LEVEL=debug', () => {
    const text = printed('debug', startUp);
    expect(text).toContain('Mapped {/v1/projects, POST} route');
    expect(text).toContain('dependencies initialized');
  });

  it('prints only warnings and errors at warn', () => {
    const text = printed('warn', (logger) => {
      logger.log('routine', 'Main');
      logger.warn('careful', 'Main');
      logger.error('broken', undefined, 'Main');
    });
    expect(text).not.toContain('routine');
    expect(text).toContain('careful');
    expect(text).toContain('broken');
  });
});
