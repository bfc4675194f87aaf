import { randomUUID } from 'node:crypto';
import { fastify } from 'fastify';
import { jwtVerify } from 'jose';
import { Pool } from 'pg';
import {
  ATTENDANCES,
  HONORARIUM_DECISIONS,
  INVOLVEMENT_FORMS,
} from '../libs/participation/src/domain/common/vocabulary';

/**
 * The bare baseline of `npm run bench:http` (docs/adr/0019): what one request
 * of "log an involvement" costs with nothing but the essentials. Fastify, the
 * same HS256 JWT check with jose, the same JSON body checked by a compiled
 * JSON schema (the fields and bounds of LogInvolvementDto), and one INSERT
 * with synchronous commit. No idempotency, no domain rules, no events, no
 * projections: the floor the request path is measured against.
 *
 * Spawned by bench/http-throughput.bench.ts with PORT, DATABASE_URL and
 * JWT_SECRET; prints `listening` when ready.
 */
const number = { type: 'number' };
const bodySchema = {
  type: 'object',
  required: ['participantId', 'form', 'occurredOn', 'attendance', 'hours'],
  properties: {
    participantId: { type: 'string', minLength: 1, maxLength: 100 },
    form: { enum: [...INVOLVEMENT_FORMS] },
    occurredOn: { type: 'string', format: 'date' },
    attendance: { enum: [...ATTENDANCES] },
    hours: {
      type: 'object',
      required: ['meeting'],
      properties: { meeting: number, preparation: number, travel: number },
    },
    expenses: { type: 'array', maxItems: 50, items: { type: 'object' } },
    lostIncome: {
      type: 'object',
      required: ['documented'],
      properties: { documented: { type: 'boolean' }, amountOre: { type: 'integer', minimum: 0 } },
    },
    honorariumDecision: { enum: [...HONORARIUM_DECISIONS] },
    topic: { type: 'string', maxLength: 500 },
  },
};

const LOGGING_ROLES = ['admin', 'project-lead'];
/** Seconds of clock skew tolerated, as the API's token verifier. */
const CLOCK_TOLERANCE = 30;

async function main(): Promise<void> {
  const key = new TextEncoder().encode(required('JWT_SECRET'));
  // synchronous_commit is on by default; said here so the baseline never measures less.
  const pool = new Pool({
    connectionString: required('DATABASE_URL'),
    max: 16,
    options: '-c synchronous_commit=on',
  });
  await pool.query(`CREATE TABLE IF NOT EXISTS bare_involvements (id uuid PRIMARY KEY, project_id text NOT NULL,
    body jsonb NOT NULL, actor text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
  // No type coercion: "2" is not a number, as class-validator has it.
  const app = fastify({
    logger: false,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.post<{ Params: { id: string }; Body: Record<string, unknown> }>(
    '/v1/projects/:id/involvements',
    {
      schema: { body: bodySchema },
      preHandler: async (request, reply) => {
        const header = request.headers.authorization ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7) : '';
        try {
          const { payload } = await jwtVerify(token, key, {
            algorithms: ['HS256'],
            clockTolerance: CLOCK_TOLERANCE,
            requiredClaims: ['exp', 'sub'],
          });
          const roles = Array.isArray(payload.roles) ? payload.roles : [];
          if (!roles.some((role) => LOGGING_ROLES.includes(String(role))))
            return reply.code(403).type('application/problem+json').send({ status: 403, title: 'Forbidden' });
          (request as unknown as { actor: string }).actor = String(payload.sub);
        } catch {
          return reply
            .code(401)
            .type('application/problem+json')
            .send({ status: 401, title: 'Unauthorized' });
        }
      },
    },
    async (request, reply) => {
      const id = randomUUID();
      await pool.query(
        'INSERT INTO bare_involvements (id, project_id, body, actor) VALUES ($1, $2, $3, $4)',
        [
          id,
          request.params.id,
          JSON.stringify(request.body),
          (request as unknown as { actor: string }).actor,
        ],
      );
      return reply.code(201).send({ id, version: 1 });
    },
  );
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(required('PORT')), host: '127.0.0.1' });
  console.log('listening');
  process.on('SIGINT', () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
