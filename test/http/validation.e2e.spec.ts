import { startTestApp, type TestApp } from '../support/test-app';
import { ValidationProbeController } from './support/probe.controllers';

describe('request validation, body limits and UTF-8', () => {
  let t: TestApp;
  let auth: { Authorization: string };

  beforeAll(async () => {
    t = await startTestApp({ extraControllers: [ValidationProbeController] });
    auth = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['project-lead'] })}` };
  });
  afterAll(() => t.close());

  const echo = (body: unknown) =>
    t.http
      .post('/test/validation/echo')
      .set(auth)
      .send(body as object);

  function expectValidationProblem(res: { status: number; headers: Record<string, string>; body: any }) {
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, title: 'Bad request', errors: expect.any(Array) });
  }

  it('turns a valid body into the DTO', async () => {
    const res = await echo({
      text: 'hei',
      hours: { meeting: 2.67 },
      expenses: [{ kind: 'mileage', km: 84 }],
    }).expect(200);
    expect(res.body).toEqual({
      text: 'hei',
      hours: { meeting: 2.67 },
      expenses: [{ kind: 'mileage', km: 84 }],
      isDto: true,
    });
  });

  it('refuses an unknown field with 400 naming it', async () => {
    const res = await echo({ text: 'hei', colour: 'blå' });
    expectValidationProblem(res);
    expect(res.body.errors).toEqual([{ field: 'colour', message: 'is not allowed' }]);
    expect(res.body.detail).toBe('colour: is not allowed');
  });

  it('refuses an unknown nested field with its path', async () => {
    const res = await echo({ text: 'hei', hours: { meeting: 1, minutes: 30 } });
    expectValidationProblem(res);
    expect(res.body.errors).toEqual([{ field: 'hours.minutes', message: 'is not allowed' }]);
  });

  it('refuses a wrong type without coercing it', async () => {
    const res = await echo({ text: 42 });
    expectValidationProblem(res);
    expect(res.body.errors).toEqual([{ field: 'text', message: 'must be a string' }]);
    expectValidationProblem(await echo({ text: 'x', hours: { meeting: '2' } }));
  });

  it('names nested fields with dotted paths and array indexes', async () => {
    const res = await echo({
      text: 'x',
      hours: { meeting: 'lots' },
      expenses: [{ kind: 'mileage', km: 84 }, { kind: 'mileage', km: -3 }, { kind: 'taxi' }],
    });
    expectValidationProblem(res);
    expect(res.body.errors).toEqual([
      { field: 'hours.meeting', message: expect.stringMatching(/^must be a number/) },
      { field: 'expenses[1].km', message: 'must not be less than 0' },
      {
        field: 'expenses[2].kind',
        message: expect.stringMatching(/^must be one of the following values: mileage, ticket/),
      },
    ]);
  });

  it('names a missing required field', async () => {
    const res = await echo({});
    expectValidationProblem(res);
    expect(res.body.errors).toEqual([{ field: 'text', message: 'is required' }]);
    expect((await echo({ text: null })).body.errors).toEqual([
      { field: 'text', message: 'must be a string' },
    ]);
  });

  it('refuses a JSON array or null where an object is expected', async () => {
    for (const body of ['[{"text": "x"}]', 'null', '"text"']) {
      const res = await t.http
        .post('/test/validation/echo')
        .set(auth)
        .set('Content-Type', 'application/json')
        .send(body);
      expectValidationProblem(res);
      expect(res.body.errors).toEqual([{ field: 'body', message: expect.stringMatching(/^must be/) }]);
    }
  });

  it('refuses a body that is not JSON at all as missing fields', async () => {
    const res = await t.http
      .post('/test/validation/echo')
      .set(auth)
      .set('Content-Type', 'text/plain')
      .send('text=hei');
    expectValidationProblem(res);
    expect(res.body.errors).toEqual([{ field: 'text', message: 'is required' }]);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.http
      .post('/test/validation/echo')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"text": "hei",');
    expectValidationProblem(res);
    expect(res.body).toMatchObject({
      detail: 'The request body is not valid JSON',
      errors: [{ field: 'body', message: 'must be valid JSON' }],
    });
  });

  it('answers a body over 1 MiB with 413 problem+json', async () => {
    const res = await t.http
      .post('/test/validation/echo')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, detail: expect.stringMatching(/1 MiB/) });
  });

  it('accepts a body just under 1 MiB', async () => {
    const text = 'x'.repeat(1024 * 1024 - 100);
    const res = await t.http
      .post('/test/validation/echo')
      .set(auth)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ text }))
      .expect(200);
    expect(res.body.text).toHaveLength(text.length);
  });

  it('checks the body only after the token: no token is 401, not 400', async () => {
    await t.http.post('/test/validation/echo').send({ colour: 'blå' }).expect(401);
  });

  const NORDIC =
    'Blåbærsyltetøy på Ærøskøbing, ÆØÅ æøå; sámegiella: Máret Ŋuolja-Čoavddáš, đ Đ š Š ŧ Ŧ ž Ž ŋ Ŋ č Č á Á';

  it('round-trips Norwegian and Sami letters unchanged, composed or decomposed', async () => {
    const decomposed = 'a\u030Ae\u0301 ÅN\u030C';
    const res = await echo({ text: `${NORDIC} ${decomposed}` }).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    expect(res.body.text).toBe(`${NORDIC} ${decomposed}`);
    expect(Buffer.from(res.body.text, 'utf8').equals(Buffer.from(`${NORDIC} ${decomposed}`, 'utf8'))).toBe(
      true,
    );
  });

  it('round-trips them in path parameters too', async () => {
    const res = await t.http
      .get(`/test/validation/echo/${encodeURIComponent('Ŋuolja-čđšŧž-æøå')}`)
      .set(auth)
      .expect(200);
    expect(res.body.text).toBe('Ŋuolja-čđšŧž-æøå');
  });
});
