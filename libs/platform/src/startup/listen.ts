import type { INestApplication } from '@nestjs/common';

/** The port is taken: the operator's to fix, so a message naming the setting, not a stack. */
export class PortInUse extends Error {}

/** `app.listen`, with EADDRINUSE turned into a message that names the setting to change. */
export async function listen(app: INestApplication, port: number, setting: string): Promise<void> {
  try {
    await app.listen(port);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    await app.close().catch(() => undefined);
    throw new PortInUse(
      `port ${port} is already in use (another process listens on it, e.g. \`npm start\`); set ${setting} to a free port`,
    );
  }
}
