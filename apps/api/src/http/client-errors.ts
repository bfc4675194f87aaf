import { maxHeaderSize, STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** How long a refused connection may stay open for the client to read the answer. */
const LINGER_MS = 5_000;

interface RawProblem {
  status: number;
  detail: string;
}

/**
 * Requests Node's HTTP parser refuses never reach Express: a header section
 * over the limit (16 KiB by default), a malformed request line or header, a
 * request that did not arrive in time. Node's own answer is a bare status line;
 * this one is a complete HTTP/1.1 response with an application/problem+json
 * body, the headers every response carries, and `Connection: close`.
 */
export function answerClientErrors(server: Server): void {
  const answered = new WeakSet<Socket>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // The parser keeps reporting the same error for whatever else arrives on this connection.
    if (answered.has(socket)) return;
    answered.add(socket);
    if (error.code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(problemOf(error)));
    // Closing while request bytes are unread makes the kernel reset the connection, which may
    // discard the answer before the client reads it: the parser drains them, the client closes.
    const linger = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(linger));
  });
}

/** What each of the parser's refusals means for the client; anything else is malformed HTTP (400). */
const PROBLEMS: Record<string, RawProblem> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: `The request line and headers are larger than the ${maxHeaderSize / 1024} KiB this server accepts`,
  },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: {
    status: 413,
    detail: 'The chunk extensions of the request body are too large',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request did not arrive in time' },
};
const MALFORMED: RawProblem = { status: 400, detail: 'The request is malformed HTTP and was not understood' };

function problemOf(error: NodeJS.ErrnoException): RawProblem {
  return (
    (error.code !== undefined && Object.hasOwn(PROBLEMS, error.code) ? PROBLEMS[error.code] : undefined) ??
    MALFORMED
  );
}

/** An answer already under way on this connection must not be corrupted by a second one. */
function responseStarted(socket: Socket): boolean {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return inFlight?.headersSent === true;
}

function rawResponse({ status, detail }: RawProblem): string {
  const title = STATUS_CODES[status] ?? 'Error';
  const body = JSON.stringify({ type: 'about:blank', title, status, detail });
  return [
    `HTTP/1.1 ${status} ${title}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
