import { once } from 'node:events';
import type { Response } from 'express';

/**
 * Writes text chunks to the response as they come, waiting for the socket to
 * drain when its buffer is full, and ends it. Throws when the client went
 * away (the caller stops reading from its source); a failure after the first
 * byte can only cut the response short, never turn it into an error document.
 */
export async function writeStreamed(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (res.destroyed) throw new Error('the client closed the connection during the export');
    if (!res.write(chunk)) await drained(res);
  }
  res.end();
}

async function drained(res: Response): Promise<void> {
  const closed = once(res, 'close').then(() => {
    throw new Error('the client closed the connection during the export');
  });
  try {
    await Promise.race([once(res, 'drain'), closed]);
  } finally {
    closed.catch(() => undefined);
  }
}
