import type { Problem } from './problem-text';

/** An answer other than 2xx: the problem+json the API sent (or one made up for a network failure). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

type TokenSource = () => string | null;
let currentToken: TokenSource = () => null;
let onUnauthorized: () => void = () => undefined;

/** Where requests get their bearer token, and what a 401 does (back to log-in). */
export function configureApi(token: TokenSource, unauthorized: () => void): void {
  currentToken = token;
  onUnauthorized = unauthorized;
}

function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json, application/problem+json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        // A repeated click or a retried request is answered once (the API's Idempotency-Key).
        ...(method === 'POST' ? { 'Idempotency-Key': newIdempotencyKey() } : {}),
        ...headers,
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError({ status: 0, detail: 'network' });
  }
  if (response.ok) return response;
  let problem: Problem = { status: response.status };
  try {
    problem = { ...(await response.json()), status: response.status } as Problem;
  } catch {
    // Not JSON: the status says enough.
  }
  if (response.status === 401) onUnauthorized();
  throw new ApiError(problem);
}

export const api = {
  async get<T>(path: string): Promise<T> {
    return (await (await send('GET', path)).json()) as T;
  },
  async post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const response = await send('POST', path, body ?? {}, headers);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  },
  /** A file (the CSV export) as a blob, with the name the server gave it. */
  async download(path: string): Promise<{ blob: Blob; filename: string | null }> {
    const response = await send('GET', path);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const match = /filename="?([^";]+)"?/.exec(disposition);
    return { blob: await response.blob(), filename: match ? match[1] : null };
  },
};
