import { startTestApp, type TestApp } from '../support/test-app';
import { VersionedProbeController } from './support/probe.controllers';

describe('If-Match and ETag', () => {
  let t: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp({ extraControllers: [VersionedProbeController] });
    auth = { Authorization: `Bearer ${await t.token({ sub: 'kari', roles: ['admin'] })}` };
  });
  afterAll(() => t.close());

  const change = (ifMatch?: string) => {
    const req = t.http.post('/test/versioned/change').set(auth);
    return ifMatch === undefined ? req.send({}) : req.set('If-Match', ifMatch).send({});
  };

  it('answers a read with ETag "<version>"', async () => {
    const res = await t.http.get('/test/versioned').set(auth).expect(200);
    expect(res.headers.etag).toBe('"3"');
  });

  it('sends no ETag of its own on responses without a version (no body-hash tags to confuse with versions)', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.headers.etag).toBeUndefined();
  });

  it('hands the handler the version of a strong, weak or bare If-Match, and the new ETag comes back', async () => {
    const strong = await change('"3"').expect(200);
    expect(strong.body).toEqual({ version: 4, expected: 3 });
    expect(strong.headers.etag).toBe('"4"');
    expect((await change('W/"4"').expect(200)).body.expected).toBe(4);
    expect((await change('5').expect(200)).body.expected).toBe(5);
  });

  it('hands the handler undefined without If-Match or with *', async () => {
    expect((await change().expect(200)).body.expected).toBeNull();
    expect((await change('*').expect(200)).body.expected).toBeNull();
  });

  it('answers a stale version with 412 problem+json (raised by the handler)', async () => {
    const current = Number((await t.http.get('/test/versioned').set(auth)).headers.etag.replace(/"/g, ''));
    const res = await change(`"${current - 1}"`);
    expect(res.status).toBe(412);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 412,
      detail: `If-Match expected version ${current - 1}, but the current version is ${current}`,
    });
  });

  it.each(['"abc"', 'W/3', '"1", "2"', '"-1"'])(
    'answers a malformed If-Match %s with 400 naming the header',
    async (header) => {
      const res = await change(header);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field: 'If-Match', message: expect.stringContaining('"3"') }]);
    },
  );
});
