import { SignJWT } from 'jose';

/** What one request got: a status (with the parts a client reads) or a transport error. */
export interface Answer {
  status?: number;
  contentType?: string;
  retryAfter?: string;
  body?: { id?: string; type?: string; detail?: string };
  error?: string;
  sentAt: number;
  answeredAt: number;
}

export const isSuccess = (answer: Answer | undefined): boolean =>
  answer?.status !== undefined && answer.status >= 200 && answer.status < 300;

export async function bearer(secret: string, sub: string, roles: string[]): Promise<string> {
  return new SignJWT({ name: sub, roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(secret));
}

/** A project lead logging involvements for one participant through HTTP, each under an Idempotency-Key. */
export class InvolvementClient {
  constructor(
    private readonly baseUrl: () => string,
    private readonly token: string,
  ) {}

  async post(path: string, body: object, key?: string): Promise<Answer> {
    const sentAt = Date.now();
    try {
      const res = await fetch(`${this.baseUrl()}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          'content-type': 'application/json',
          ...(key ? { 'idempotency-key': key } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? undefined,
        retryAfter: res.headers.get('retry-after') ?? undefined,
        body: text ? (JSON.parse(text) as Answer['body']) : undefined,
        sentAt,
        answeredAt: Date.now(),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { error: cause?.code ?? String(error), sentAt, answeredAt: Date.now() };
    }
  }

  /** A project, a participant and an appointment from 2020; the project's id and the participant's. */
  async setUp(): Promise<{ projectId: string; participantId: string }> {
    const project = await this.post('/v1/projects', {
      name: 'Feiltoleranse',
      organizationId: 'helse-nord',
      region: 'helse-midt-norge',
      level: 'system',
    });
    const participant = await this.post('/v1/participants', {
      name: 'Kari Nordmann',
      nationalId: '15076500565',
      bankAccount: '1234.56.78903',
    });
    const projectId = expectCreated(project);
    const participantId = expectCreated(participant);
    expectCreated(
      await this.post(`/v1/projects/${projectId}/appointments`, {
        participantId,
        role: 'member',
        nominatedBy: 'Brukerutvalget',
        appointedBy: 'Styret',
        from: '2020-01-01',
      }),
    );
    return { projectId, participantId };
  }

  /** Waits until the appointment has reached the read model the involvement rules read. */
  async appointmentSeen(target: { projectId: string; participantId: string }): Promise<void> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await this.logInvolvement(target, 'appointment-seen', 2_100);
      if (answer.status === 201) return;
      if (Date.now() > deadline)
        throw new Error(`the appointment was not seen: ${answer.status} ${JSON.stringify(answer.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Involvement number n: one hour on its own day, so no day ever holds more than 24 hours. */
  logInvolvement(target: { projectId: string; participantId: string }, key: string, n: number) {
    const day = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    return this.post(
      `/v1/projects/${target.projectId}/involvements`,
      {
        participantId: target.participantId,
        form: 'dialogue',
        occurredOn: day,
        attendance: 'remote',
        hours: { meeting: 1 },
      },
      key,
    );
  }
}

function expectCreated(answer: Answer): string {
  if (answer.status !== 201 || !answer.body?.id)
    throw new Error(`set-up failed: ${answer.status ?? answer.error} ${JSON.stringify(answer.body)}`);
  return answer.body.id;
}

/**
 * `concurrency` clients sending one key after another until `stop()`; every
 * key sent, with its answer once it came.
 */
export class Load {
  readonly sent: string[] = [];
  readonly answers = new Map<string, Answer>();
  private stopped = false;
  private readonly done: Promise<void>;

  constructor(concurrency: number, send: (key: string, n: number) => Promise<Answer>, prefix: string) {
    let next = 0;
    Load.started.add(this);
    this.done = Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (!this.stopped) {
          const n = next++;
          const key = `${prefix}-${n}`;
          this.sent.push(key);
          const answer = await send(key, n);
          this.answers.set(key, answer);
          // A client backs off when refused: Retry-After (at most 1 s here), else 100 ms.
          if (!isSuccess(answer))
            await new Promise((r) =>
              setTimeout(r, Math.min(1_000, Number(answer.retryAfter ?? 0.1) * 1_000)),
            );
        }
      }),
    ).then(() => undefined);
  }

  get answered(): number {
    return this.answers.size;
  }

  /** Resolves once `answered` has reached `count` (or the time is up). */
  async until(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.answered < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }

  /** Stops sending; resolves once every request sent has its answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  /** Every load started, so that a failed test can stop its own. */
  static readonly started = new Set<Load>();

  static stopAll(): void {
    for (const load of Load.started) load.stopped = true;
  }
}
