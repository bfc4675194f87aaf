import { APPOINTMENT_ROLES, ATTENDANCES, INVOLVEMENT_FORMS, PARTICIPATION_LEVELS } from '@app/participation';
import { operationsOf, resolve, type OpenApiDocument, type Schema } from '../fuzz/support/openapi';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * /docs-json describes the API a client meets (docs/api.md): every status each
 * operation can answer, errors as problem+json, response schemas, request
 * constraints, and a Swagger UI that reads in the order of the work with
 * examples that work as given.
 */
describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const schema = (name: string) => doc.components.schemas[name];
  const ops = () => operationsOf(doc).filter((op) => op.path.startsWith('/v1/'));
  const label = (op: { method: string; path: string }) => `${op.method.toUpperCase()} ${op.path}`;

  beforeAll(async () => {
    t = await startTestApp({ env: { PII_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') } });
    doc = (await t.http.get('/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => t.close());

  it('documents 401, 403, 429 and 503 on every operation, 400 where input is taken, 404 where an id is', () => {
    const missing = ops().flatMap((op) => {
      const expected = ['401', '429', '503'];
      if (op['x-roles']?.length) expected.push('403');
      if (op.parameters.some((p) => p.in !== 'header') || op.requestBody) expected.push('400');
      // A region without versions has none (200, empty); every other path names an id.
      if (op.parameters.some((p) => p.in === 'path' && p.name !== 'region')) expected.push('404');
      if (op.method === 'post') expected.push('409', '413', '422');
      return expected.filter((status) => !op.responses[status]).map((status) => `${label(op)} ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('documents every error as application/problem+json with errors [{field, message}]', () => {
    const notProblem = ops().flatMap((op) =>
      Object.entries(op.responses)
        .filter(([status]) => Number(status) >= 400)
        .filter(([, response]) => !response.content?.['application/problem+json']?.schema)
        .map(([status]) => `${label(op)} ${status}`),
    );
    expect(notProblem).toEqual([]);
    const problem = schema('ProblemDetailsSchema');
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    const fieldError = resolve(doc, problem.properties!.errors.items!);
    expect(fieldError.required).toEqual(['field', 'message']);
  });

  it('gives every success response a schema', () => {
    const bare = operationsOf(doc).flatMap((op) =>
      Object.entries(op.responses)
        .filter(([status]) => status.startsWith('2'))
        .filter(([, r]) => !r.content || Object.values(r.content).some((media) => !media.schema))
        .map(([status]) => `${label(op)} ${status}`),
    );
    expect(bare).toEqual([]);
  });

  it('documents Idempotency-Key on every command and If-Match where a command accepts it', () => {
    const header = (op: ReturnType<typeof ops>[number], name: string) =>
      op.parameters.some((p) => p.in === 'header' && p.name === name);
    const commands = ops().filter((op) => op.method === 'post');
    expect(commands.filter((op) => !header(op, 'Idempotency-Key')).map(label)).toEqual([]);
    const withIfMatch = commands.filter((op) => header(op, 'If-Match')).map(label);
    expect(withIfMatch.sort()).toEqual(
      [
        'POST /v1/appointments/{id}/end',
        'POST /v1/involvements/{id}/confirmation',
        'POST /v1/involvements/{id}/corrections',
        'POST /v1/involvements/{id}/feedback-acknowledgement',
        'POST /v1/involvements/{id}/void',
        'POST /v1/involvements/{id}/waiver',
        'POST /v1/measures/{id}/status',
        'POST /v1/budgets',
        'POST /v1/participants/{id}/breadth-consent',
        'POST /v1/participants/{id}/breadth-consent/withdraw',
        'POST /v1/participants/{id}/perspective',
        'POST /v1/meetings/{id}/updates',
        'POST /v1/payout-batches/{id}/approve',
        'POST /v1/payout-batches/{id}/cancel',
        'POST /v1/payout-batches/{id}/payments',
        'POST /v1/participants/{id}/employment',
        'POST /v1/participants/{id}/bank-account',
        'POST /v1/participants/{id}/contact',
      ].sort(),
    );
    for (const op of commands.filter((o) => header(o, 'If-Match'))) expect(op.responses['412']).toBeDefined();
    // Changes of a person's data must name the version they are based on: required, 428 without it.
    const required = commands
      .filter((op) => op.parameters.some((p) => p.in === 'header' && p.name === 'If-Match' && p.required))
      .map(label);
    expect(required.sort()).toEqual(
      [
        'POST /v1/participants/{id}/bank-account',
        'POST /v1/participants/{id}/contact',
        'POST /v1/participants/{id}/employment',
      ].sort(),
    );
    for (const op of commands) expect(op.responses['428'] !== undefined).toBe(required.includes(label(op)));
  });

  it('types money as integer øre, days as dates, instants as date-times, codes as enums, texts with lengths', () => {
    const loose: string[] = [];
    for (const [name, s] of Object.entries(doc.components.schemas))
      for (const [field, property] of Object.entries(s.properties ?? {})) {
        const p = resolve(doc, property);
        if (/Ore$/.test(field) && p.type !== 'integer') loose.push(`${name}.${field} is ${p.type}`);
      }
    expect(loose).toEqual([]);
    const involvement = schema('LogInvolvementDto').properties!;
    expect(involvement.occurredOn).toMatchObject({ type: 'string', format: 'date' });
    expect(involvement.form.enum).toEqual([...INVOLVEMENT_FORMS]);
    expect(involvement.attendance.enum).toEqual([...ATTENDANCES]);
    expect(involvement.participantId).toMatchObject({ minLength: 1, maxLength: 100 });
    expect(involvement.topic).toMatchObject({ maxLength: 500 });
    expect(schema('AppointDto').properties!.role.enum).toEqual([...APPOINTMENT_ROLES]);
    expect(schema('AppointDto').properties!.from).toMatchObject({ format: 'date' });
    expect(schema('RegisterProjectDto').properties!.level.enum).toEqual([...PARTICIPATION_LEVELS]);
    expect(schema('AddEvidenceDto').properties!.at).toMatchObject({ format: 'date-time' });
    expect(schema('DraftPayoutBatchDto').properties!.periodEnd).toMatchObject({ format: 'date' });
  });

  it('describes each expense kind as its own schema, discriminated by kind', () => {
    const items = schema('LogInvolvementDto').properties!.expenses.items as Schema & {
      discriminator?: { propertyName: string; mapping: Record<string, string> };
    };
    expect(items.oneOf?.length).toBe(4);
    expect(items.discriminator?.propertyName).toBe('kind');
    expect(Object.keys(items.discriminator!.mapping).sort()).toEqual(
      ['lodging', 'meals', 'mileage', 'other', 'ticket'].sort(),
    );
    expect(schema('MileageExpenseSchema')).toMatchObject({ required: ['kind', 'km'] });
    expect(schema('ReceiptExpenseSchema').properties!.amountOre).toMatchObject({
      type: 'integer',
      minimum: 0,
    });
  });

  it('gives every operation a summary and lists the tags in the order of the work', () => {
    expect(
      operationsOf(doc)
        .filter((op) => !op.summary)
        .map(label),
    ).toEqual([]);
    expect(doc.tags?.map((tag) => tag.name)).toEqual([
      'projects',
      'participants',
      'involvements',
      'guidelines',
      'payout-batches',
      'yearly-account',
      'reports',
      'audit',
      'operations',
    ]);
    const firstTags = [...new Set(operationsOf(doc).map((op) => op.tags?.[0]))];
    expect(firstTags).toEqual(doc.tags?.map((tag) => tag.name));
  });

  it('has examples that work as given: the example involvement is logged and priced', async () => {
    const lead = await t.token({ sub: 'example-lead', roles: ['project-lead'] });
    const post = async (path: string, body: object) => {
      const res = await t.http.post(path).set('Authorization', `Bearer ${lead}`).send(body);
      if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    const projectId = await post('/v1/projects', exampleOf('RegisterProjectDto'));
    const participantId = await post('/v1/participants', exampleOf('RegisterParticipantDto'));
    await post(`/v1/projects/${projectId}/appointments`, { ...exampleOf('AppointDto'), participantId });
    await t.settled();
    const involvementId = await post(`/v1/projects/${projectId}/involvements`, {
      ...exampleOf('LogInvolvementDto'),
      participantId,
    });
    const res = await t.http
      .get(`/v1/involvements/${involvementId}`)
      .set('Authorization', `Bearer ${lead}`)
      .expect(200);
    expect(res.body.honorarium).toMatchObject({ totalOre: expect.any(Number) });
    expect(res.body.honorarium.totalOre).toBeGreaterThan(0);
    const admin = await t.token({ sub: 'example-admin', roles: ['admin'] });
    const publish =
      doc.paths['/v1/guidelines/{region}/versions'].post.requestBody!.content['application/json'];
    const [example] = Object.values(publish.examples ?? {}).map((e) => e.value as { region: string });
    await t.http
      .post(`/v1/guidelines/${example.region}/versions`)
      .set('Authorization', `Bearer ${admin}`)
      .send(example)
      .expect(201);
  });

  it('answers an unknown region with 422 listing the regions that exist', async () => {
    const admin = await t.token({ sub: 'example-admin', roles: ['admin'] });
    const res = await t.http
      .post('/v1/projects')
      .set('Authorization', `Bearer ${admin}`)
      .send({ ...exampleOf('RegisterProjectDto'), region: 'helse-atlantis' })
      .expect(422);
    expect(res.body.rule).toBe('unknown-region');
    expect(res.body.detail).toContain('helse-bergen-neuro-sysmed');
    expect(res.body.detail).toContain('helse-midt-norge');
  });

  /** A body from the examples the document gives (what Swagger UI's "Try it out" fills in). */
  function exampleOf(name: string): Record<string, unknown> {
    const build = (s: Schema): unknown => {
      const r = resolve(doc, s);
      if ('example' in r) return (r as { example: unknown }).example;
      if (r.allOf?.length) return build(r.allOf[0]);
      if (!r.properties) return undefined;
      const entries = Object.entries(r.properties)
        .map(([key, inner]) => [key, build(inner)] as const)
        .filter(([, value]) => value !== undefined);
      return Object.fromEntries(entries);
    };
    return build(schema(name)) as Record<string, unknown>;
  }
});
