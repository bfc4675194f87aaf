import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { startTestApp, type TestApp } from '../support/test-app';

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Issue 12, item 13: requests Node's HTTP parser refuses before Express runs
 * (a 60 KB header, a malformed request line) still get a complete
 * application/problem+json answer. Sent over a real socket: supertest would
 * not send such requests as they are.
 */
describe('requests the HTTP parser refuses', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  /** Writes `raw` on a fresh TCP connection and parses whatever comes back until the server closes it. */
  function sendRaw(raw: string): Promise<RawAnswer> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = text.split('\r\n\r\n');
        const [statusLine, ...headerLines] = head.split('\r\n');
        const headers = Object.fromEntries(
          headerLines.map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
          }),
        );
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
      });
      socket.write(raw);
    });
  }

  function expectProblem(answer: RawAnswer, status: number, detail: RegExp): void {
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers.connection).toBe('close');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(JSON.parse(answer.body)).toMatchObject({ status, title: expect.any(String), detail });
  }

  const bigHeader = `X-Padding: ${'a'.repeat(60 * 1024)}\r\n`;

  it('answers a 60 KB header with 431 problem+json over a raw socket', async () => {
    const answer = await sendRaw(`GET /v1/projects HTTP/1.1\r\nHost: localhost\r\n${bigHeader}\r\n`);
    expectProblem(answer, 431, /header/i);
  });

  it("answers a 60 KB header with 431 problem+json through Node's HTTP client", async () => {
    const { status, headers, body } = await new Promise<{
      status: number;
      headers: IncomingHttpHeaders;
      body: string;
    }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/health', headers: { 'X-Padding': 'a'.repeat(60 * 1024) } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
    expect(headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ status: 431, detail: expect.stringMatching(/header/i) });
  });

  it('answers a malformed request with 400 problem+json', async () => {
    expectProblem(await sendRaw('GET /health HTTP/1.1\r\nHost localhost\r\n\r\n'), 400, /malformed/i);
    expectProblem(await sendRaw('NOT-A-REQUEST\r\n\r\n'), 400, /malformed/i);
  });

  it('keeps serving afterwards', async () => {
    const answer = await sendRaw('GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(200);
  });
});
