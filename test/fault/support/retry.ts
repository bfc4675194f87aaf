import { isSuccess, type Answer } from './involvement-load';

export interface Retried {
  answer: Answer;
  attempts: number;
  /** From `from` to the 2xx answer. */
  ms: number;
}

/**
 * Sends every key again, `concurrency` at a time, as a client would after a
 * lost answer: again on 409, 429 or 503 (after Retry-After, at most 1 s) and
 * on a transport error, until a 2xx or `giveUpMs` after `from`.
 */
export async function retryEach(
  keys: string[],
  send: (key: string) => Promise<Answer>,
  from: number,
  giveUpMs: number,
  concurrency = 16,
): Promise<Map<string, Retried>> {
  const results = new Map<string, Retried>();
  const queue = [...keys];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        let attempts = 0;
        for (;;) {
          attempts += 1;
          const answer = await send(key);
          const late = Date.now() - from > giveUpMs;
          const again = answer.error !== undefined || [409, 429, 503].includes(answer.status ?? 0);
          if (isSuccess(answer) || !again || late) {
            results.set(key, { answer, attempts, ms: answer.answeredAt - from });
            break;
          }
          const retryAfterMs = Math.min(1_000, Number(answer.retryAfter ?? '0.1') * 1_000);
          await new Promise((r) => setTimeout(r, retryAfterMs));
        }
      }
    }),
  );
  return results;
}
