import { expectProblem, expectRule, ParticipationApi, TOMORROW } from './support/builders';

/**
 * The rules on what may happen to a logged involvement (corrections, voids,
 * evidence) refuse through HTTP with 422 and `rule` set to their code.
 */
describe('rules on changing an involvement through HTTP', () => {
  let api: ParticipationApi;
  let projectId: string;

  beforeAll(async () => {
    api = await ParticipationApi.start();
    projectId = await api.project();
  });
  afterAll(() => api.close());

  const read = async (id: string) => (await api.get(`/v1/involvements/${id}`, 'lead').expect(200)).body;
  const change = (id: string, action: 'corrections' | 'void' | 'evidence', body: object) =>
    api.post(`/v1/involvements/${id}/${action}`, 'lead', body);
  /** A dialogue (no appointment needed) of a new participant. */
  const dialogue = async () => ({
    id: await api.involvement(projectId, await api.participant(), { form: 'dialogue' }),
  });

  describe('after a void (involvement-voided)', () => {
    it('refuses a correction, a second void and evidence', async () => {
      const { id } = await dialogue();
      expect((await change(id, 'void', { reason: 'Ført på feil prosjekt' })).status).toBe(200);
      expectRule(
        await change(id, 'corrections', { changes: { topic: 'Nytt tema' }, reason: 'Skrivefeil' }),
        'involvement-voided',
      );
      expectRule(await change(id, 'void', { reason: 'Igjen' }), 'involvement-voided');
      expectRule(
        await change(id, 'evidence', { kind: 'input', at: '2025-03-10T12:00:00Z', summary: 'Innspill' }),
        'involvement-voided',
      );
      expect(await read(id)).toMatchObject({ status: 'voided' });
    });
  });

  describe('reason-required', () => {
    it.each([
      ['void', {}],
      ['corrections', { changes: { topic: 'Nytt tema' } }],
    ] as const)('refuses a %s whose reason is only blanks', async (action, body) => {
      const { id } = await dialogue();
      expectRule(await change(id, action, { ...body, reason: '   ' }), 'reason-required');
    });

    it('refuses a void without a reason as invalid input', async () => {
      const { id } = await dialogue();
      expectProblem(await change(id, 'void', {}), 400);
    });
  });

  describe('correction-changes-nothing', () => {
    it('refuses a correction that sets a field to the value it has', async () => {
      const { id } = await dialogue();
      expectRule(
        await change(id, 'corrections', { changes: { form: 'dialogue' }, reason: 'Ingen endring' }),
        'correction-changes-nothing',
      );
    });
  });

  describe('evidence', () => {
    it('refuses not-adopted influence without a rationale (influence-rationale-required)', async () => {
      const { id } = await dialogue();
      const influence = {
        kind: 'influence',
        at: '2025-04-01T10:00:00Z',
        decisionRef: 'styresak 12/25',
        outcome: 'not-adopted',
      };
      expectRule(await change(id, 'evidence', influence), 'influence-rationale-required');
      expectRule(
        await change(id, 'evidence', { ...influence, rationale: '  ' }),
        'influence-rationale-required',
      );
      expect(
        (await change(id, 'evidence', { ...influence, rationale: 'Budsjettet tillot det ikke' })).status,
      ).toBe(201);
      expect((await change(id, 'evidence', { ...influence, outcome: 'adopted' })).status).toBe(201);
    });

    it('refuses evidence dated in the future (evidence-in-future)', async () => {
      const { id } = await dialogue();
      expectRule(
        await change(id, 'evidence', {
          kind: 'feedback',
          at: `${TOMORROW}T10:00:00Z`,
          summary: 'Tilbakemelding',
        }),
        'evidence-in-future',
      );
    });
  });
});
