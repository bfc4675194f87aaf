import { Conflict, NotFound } from '@app/shared-kernel';
import { A_NATIONAL_ID, involvementLogged, NOW } from '../testing/builders';
import { deciderSpec } from '../testing/given-when-then';
import { EvidenceInput } from './evidence';
import { AddEvidence } from './involvement.commands';
import { involvementDecider } from './involvement.decider';
import { EvidenceAdded, InvolvementVoided } from './involvement.events';

const spec = deciderSpec(involvementDecider);
const logged = involvementLogged();
const context = { now: NOW };

const add = (evidence: EvidenceInput, evidenceId = 'e-1'): AddEvidence => ({
  type: 'AddEvidence',
  data: { involvementId: 'i-1', evidenceId, evidence },
});
const added = (evidence: EvidenceAdded['data']['evidence'], evidenceId = 'e-1'): EvidenceAdded => ({
  type: 'EvidenceAdded',
  data: { involvementId: 'i-1', participantId: 'u-1', evidenceId, evidence },
});
const voided: InvolvementVoided = {
  type: 'InvolvementVoided',
  data: { involvementId: 'i-1', participantId: 'u-1', reason: 'Feil' },
};

describe('AddEvidence', () => {
  it('adds each kind of evidence', () => {
    const at = '2025-03-01T09:00:00Z';
    spec(logged)
      .when(add({ kind: 'invitation', at, documentsSharedAt: '2025-03-01T09:05:00+01:00' }), context)
      .then(added({ kind: 'invitation', at, documentsSharedAt: '2025-03-01T09:05:00+01:00' }));
    spec(logged)
      .when(add({ kind: 'invitation', at }), context)
      .then(added({ kind: 'invitation', at, documentsSharedAt: null }));
    spec(logged)
      .when(add({ kind: 'attendance', at, confirmedBy: 'attendance-list' }), context)
      .then(added({ kind: 'attendance', at, confirmedBy: 'attendance-list' }));
    spec(logged)
      .when(add({ kind: 'input', at, summary: 'Ønsker samlet reisebestilling' }), context)
      .then(added({ kind: 'input', at, summary: 'Ønsker samlet reisebestilling' }));
    spec(logged)
      .when(add({ kind: 'feedback', at, summary: 'Innspillet tas med i anbudet' }), context)
      .then(added({ kind: 'feedback', at, summary: 'Innspillet tas med i anbudet' }));
    spec(logged)
      .when(add({ kind: 'influence', at, decisionRef: 'styresak 12/25', outcome: 'adopted' }), context)
      .then(
        added({ kind: 'influence', at, decisionRef: 'styresak 12/25', outcome: 'adopted', rationale: null }),
      );
  });

  it('refuses a national identity number in any text of the evidence (422)', () => {
    for (const evidence of [
      { kind: 'input', at: NOW, summary: `Innspill fra ${A_NATIONAL_ID}` },
      { kind: 'influence', at: NOW, decisionRef: 'sak 1', outcome: 'not-adopted', rationale: A_NATIONAL_ID },
    ])
      spec(logged).when(add(evidence), context).thenViolates('free-text-contains-national-id');
  });

  it('refuses influence not adopted without a rationale, and adds it with one', () => {
    const influence = { kind: 'influence', at: NOW, decisionRef: 'styresak 12/25', outcome: 'not-adopted' };
    spec(logged).when(add(influence), context).thenViolates('influence-rationale-required');
    spec(logged)
      .when(add({ ...influence, rationale: ' ' }), context)
      .thenViolates('influence-rationale-required');
    spec(logged)
      .when(add({ ...influence, rationale: 'For kostbart i år' }), context)
      .then(
        added({
          kind: 'influence',
          at: NOW,
          decisionRef: 'styresak 12/25',
          outcome: 'not-adopted',
          rationale: 'For kostbart i år',
        }),
      );
  });

  it('refuses evidence dated in the future', () => {
    spec(logged)
      .when(add({ kind: 'input', at: '2025-03-20T12:00:01Z', summary: 'x' }), context)
      .thenViolates('evidence-in-future');
    spec(logged)
      .when(add({ kind: 'invitation', at: NOW, documentsSharedAt: '2025-04-01T00:00:00Z' }), context)
      .thenViolates('evidence-in-future');
  });

  it('refuses evidence on a voided involvement', () => {
    spec(logged, voided)
      .when(add({ kind: 'input', at: NOW, summary: 'x' }), context)
      .thenViolates('involvement-voided');
  });

  it('adds nothing for a retry with the same id and content, and refuses other content under that id (409)', () => {
    const input = { kind: 'feedback', at: NOW, summary: 'Takk' };
    const given = added({ kind: 'feedback', at: NOW, summary: 'Takk' });
    spec(logged, given).when(add(input), context).thenNothingHappened();
    spec(logged, given)
      .when(add({ ...input, summary: 'Annet' }), context)
      .thenThrows(Conflict);
  });

  it('refuses malformed evidence field by field (400)', () => {
    spec(logged)
      .when(add({ kind: 'rumour', at: 'yesterday' }), context)
      .thenInvalid('kind', 'at');
    spec(logged)
      .when(add({ kind: 'attendance', at: '2025-03-01T09:00:00' }), context)
      .thenInvalid('at', 'confirmedBy');
    spec(logged)
      .when(add({ kind: 'influence', at: NOW, outcome: 'ignored' }), context)
      .thenInvalid('decisionRef', 'outcome');
  });

  it('refuses evidence for an unknown involvement (404)', () => {
    spec()
      .when(add({ kind: 'input', at: NOW, summary: 'x' }), context)
      .thenThrows(NotFound);
  });

  it('evolves evidence in order', () => {
    const state = [
      logged,
      added({ kind: 'input', at: NOW, summary: 'a' }),
      added({ kind: 'feedback', at: NOW, summary: 'b' }, 'e-2'),
    ].reduce(involvementDecider.evolve, involvementDecider.initialState());
    expect(state).toMatchObject({ evidence: [{ evidenceId: 'e-1' }, { evidenceId: 'e-2' }] });
  });
});
