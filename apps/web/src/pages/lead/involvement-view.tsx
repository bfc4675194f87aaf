import { Button, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { CodeSelect, localToInstant, parseDecimal } from '../../components/fields';
import { HonorariumTable } from '../../components/honorarium-table';
import { Page, Section } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { useAction } from '../../components/use-action';
import { useLoad } from '../../components/use-load';
import { formatDate, formatInstant, formatNumber } from '../../format';
import { href } from '../../router';
import { ATTENDANCE_CODES, EVIDENCE_CODES, OUTCOME_CODES, words } from '../../words';
import type { Involvement } from './types';

export function InvolvementView({ projectId, involvementId }: { projectId: string; involvementId: string }) {
  const loaded = useLoad(
    () => api.get<Involvement>(`/v1/involvements/${encodeURIComponent(involvementId)}`),
    involvementId,
  );
  if (loaded.error)
    return (
      <Page title="Medvirkning">
        <ProblemAlert error={loaded.error} />
      </Page>
    );
  const i = loaded.data;
  if (!i) return <Spinner aria-label="Laster medvirkningen" />;
  const voided = i.status === 'voided';
  return (
    <Page title={`${words.form(i.form)} ${formatDate(i.occurredOn)}`}>
      <Paragraph>
        <Link href={href('prosjekter', projectId)}>Tilbake til prosjektet</Link>
      </Paragraph>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="involvement-status">{words.involvementStatus(i.status)}</dd>
        <dt>Deltaker-id</dt>
        <dd className="mono" data-testid="participant-id">
          {i.participantId}
        </dd>
        <dt>Oppmøte</dt>
        <dd>{words.attendance(i.attendance)}</dd>
        <dt>Timer</dt>
        <dd>
          møte {formatNumber(i.hours.meeting ?? 0)}, forberedelse {formatNumber(i.hours.preparation ?? 0)},
          reise {formatNumber(i.hours.travel ?? 0)}
        </dd>
        <dt>Tema</dt>
        <dd>{i.topic ?? '–'}</dd>
        <dt>Rettet</dt>
        <dd>{i.corrections} gang(er)</dd>
        <dt>Utbetaling</dt>
        <dd>{i.payout ? words.lineStatus(i.payout.status) : 'Ikke med i noe utbetalingsgrunnlag ennå'}</dd>
      </dl>
      <Section title="Honorar">
        <HonorariumTable honorarium={i.honorarium} caption="Honorar etter retningslinjen" />
      </Section>
      <Section title="Dokumentasjon">
        {i.evidence.length === 0 ? (
          <Paragraph>Ingen dokumentasjon er lagt til.</Paragraph>
        ) : (
          <ul>
            {i.evidence.map((e, index) => (
              <li key={`${e.kind}-${index}`}>
                {words.evidence(e.kind)} {formatInstant(e.at)}
                {e.summary ? `: ${e.summary}` : ''}
                {e.outcome ? `: ${words.outcome(e.outcome)} (${e.decisionRef ?? ''})` : ''}
              </li>
            ))}
          </ul>
        )}
        {!voided && <EvidenceForm involvementId={i.id} onDone={loaded.reload} />}
      </Section>
      {!voided && (
        <>
          <Section title="Rett opp">
            <CorrectForm involvement={i} onDone={loaded.reload} />
          </Section>
          <Section title="Annuller">
            <VoidForm involvement={i} onDone={loaded.reload} />
          </Section>
        </>
      )}
      <Section title="Historikk">
        <Table zebra>
          <caption className="visually-hidden">Historikk for medvirkningen</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Tidspunkt</Table.HeaderCell>
              <Table.HeaderCell>Hendelse</Table.HeaderCell>
              <Table.HeaderCell>Av</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {i.history.map((h) => (
              <Table.Row key={h.position}>
                <Table.Cell>{formatInstant(h.recordedAt)}</Table.Cell>
                <Table.Cell>{words.eventType(h.type)}</Table.Cell>
                <Table.Cell>{h.actor}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Section>
    </Page>
  );
}

function CorrectForm({ involvement, onDone }: { involvement: Involvement; onDone: () => void }) {
  const [attendance, setAttendance] = useState(involvement.attendance);
  const [meeting, setMeeting] = useState(String(involvement.hours.meeting ?? 0).replace('.', ','));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const save = useAction(async () => {
    setDone(false);
    const changes: Record<string, unknown> = {};
    if (attendance !== involvement.attendance) changes.attendance = attendance;
    const hours = parseDecimal(meeting);
    if (hours !== involvement.hours.meeting) changes.hours = { ...involvement.hours, meeting: hours };
    await api.post(
      `/v1/involvements/${encodeURIComponent(involvement.id)}/corrections`,
      { changes, reason: reason.trim() },
      { 'If-Match': `"${involvement.version}"` },
    );
    setReason('');
    setDone(true);
    onDone();
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save.act();
      }}
    >
      <CodeSelect
        label="Oppmøte"
        value={attendance}
        codes={ATTENDANCE_CODES}
        word={words.attendance}
        onChange={setAttendance}
      />
      <Textfield
        label="Møtetimer"
        inputMode="decimal"
        value={meeting}
        onChange={(e) => setMeeting(e.target.value)}
      />
      <Textfield
        label="Begrunnelse for rettelsen"
        multiline
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ProblemAlert error={save.error} />
      {done && <Paragraph role="status">Rettelsen er lagret.</Paragraph>}
      <div>
        <Button type="submit" loading={save.busy}>
          Lagre rettelsen
        </Button>
      </div>
    </form>
  );
}

function VoidForm({ involvement, onDone }: { involvement: Involvement; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const save = useAction(async () => {
    await api.post(
      `/v1/involvements/${encodeURIComponent(involvement.id)}/void`,
      { reason: reason.trim() },
      { 'If-Match': `"${involvement.version}"` },
    );
    onDone();
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save.act();
      }}
    >
      <Paragraph>Annullert medvirkning honoreres ikke og telles ikke med. Det kan ikke angres.</Paragraph>
      <Textfield
        label="Begrunnelse for annulleringen"
        multiline
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <ProblemAlert error={save.error} />
      <div>
        <Button type="submit" data-color="danger" variant="secondary" loading={save.busy}>
          Annuller medvirkningen
        </Button>
      </div>
    </form>
  );
}

function EvidenceForm({ involvementId, onDone }: { involvementId: string; onDone: () => void }) {
  const [kind, setKind] = useState('invitation');
  const [at, setAt] = useState('');
  const [summary, setSummary] = useState('');
  const [decisionRef, setDecisionRef] = useState('');
  const [outcome, setOutcome] = useState('adopted');
  const [rationale, setRationale] = useState('');
  const [done, setDone] = useState(false);
  const save = useAction(async () => {
    setDone(false);
    const body: Record<string, unknown> = { kind, at: at ? localToInstant(at) : '' };
    if (kind === 'attendance') body.confirmedBy = 'attendance-list';
    if (kind === 'input' || kind === 'feedback') body.summary = summary.trim();
    if (kind === 'influence') {
      body.decisionRef = decisionRef.trim();
      body.outcome = outcome;
      if (rationale.trim()) body.rationale = rationale.trim();
    }
    await api.post(`/v1/involvements/${encodeURIComponent(involvementId)}/evidence`, body);
    setSummary('');
    setDone(true);
    onDone();
  });
  return (
    <details className="section">
      <summary>Legg til dokumentasjon</summary>
      <form
        className="form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.act();
        }}
      >
        <CodeSelect
          label="Hva dokumenterer du?"
          value={kind}
          codes={EVIDENCE_CODES}
          word={words.evidence}
          onChange={setKind}
        />
        <Textfield label="Når" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
        {(kind === 'input' || kind === 'feedback') && (
          <Textfield
            label="Sammendrag"
            multiline
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
        {kind === 'influence' && (
          <>
            <Textfield
              label="Saksreferanse for beslutningen"
              value={decisionRef}
              onChange={(e) => setDecisionRef(e.target.value)}
            />
            <CodeSelect
              label="Utfall"
              value={outcome}
              codes={OUTCOME_CODES}
              word={words.outcome}
              onChange={setOutcome}
            />
            <Textfield
              label="Begrunnelse for utfallet"
              multiline
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
            />
          </>
        )}
        <ProblemAlert error={save.error} />
        {done && <Paragraph role="status">Dokumentasjonen er lagt til.</Paragraph>}
        <div>
          <Button type="submit" loading={save.busy}>
            Legg til
          </Button>
        </div>
      </form>
    </details>
  );
}
