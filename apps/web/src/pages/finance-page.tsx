import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  Spinner,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Session } from '../auth/session';
import { CodeSelect } from '../components/fields';
import { Page, Section } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { formatDate, formatKroner, todayInOslo } from '../format';
import { go, href } from '../router';
import { words } from '../words';

interface UnpricedEntry {
  status: string;
  involvementId: string;
  reason: string;
  region?: string;
  firstEffectiveFrom?: string | null;
}

interface Drafted {
  id: string;
  lineCount: number;
  totalOre: number;
  unpriced: UnpricedEntry[];
  leftForNextBatch: { lineCount: number; involvementCount: number; totalOre: number };
  /** Representatives' disputes hold lines back (planned in the API): shown when the answer has them. */
  disputed?: Array<{ involvementId: string; reason?: string }>;
}

interface Line {
  lineId: string;
  participantId: string;
  involvementId: string;
  occurredOn: string;
  kind: string;
  amountOre: number;
  taxable: boolean;
  incomeType: string;
  status: string;
  reference: string | null;
  reason: string | null;
}

interface Batch {
  id: string;
  status: string;
  periodEnd: string;
  organizationId: string | null;
  createdBy: string;
  approvedBy: string | null;
  lines: Line[];
  lineCount: number;
  totalOre: number;
  version: number;
}

const LAST_DRAFT = 'brukermedvirkning.siste-utkast';

/** Finance: #/okonomi (draft) and #/okonomi/{batchId} (lines, approval, export, payment results). */
export function FinancePage({ route, session }: { route: string[]; session: Session }) {
  const [batchId] = route;
  if (batchId) return <BatchView key={batchId} batchId={batchId} session={session} />;
  return <DraftView />;
}

function DraftView() {
  const [periodEnd, setPeriodEnd] = useState(todayInOslo());
  const [organizationId, setOrganizationId] = useState('');
  const [openId, setOpenId] = useState('');
  const [drafted, setDrafted] = useState<Drafted | null>(null);
  const draft = useAction(async () => {
    setDrafted(null);
    const answer = await api.post<Drafted>('/v1/payout-batches', {
      periodEnd,
      ...(organizationId.trim() ? { organizationId: organizationId.trim() } : {}),
    });
    sessionStorage.setItem(LAST_DRAFT, answer.id);
    setDrafted(answer);
  });
  const last = sessionStorage.getItem(LAST_DRAFT);
  return (
    <Page title="Utbetaling">
      <Section title="Lag utkast til utbetalingsgrunnlag" id="utkast">
        <form
          className="form"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void draft.act();
          }}
        >
          <Textfield
            label="Til og med dato"
            type="date"
            value={periodEnd}
            onChange={(e) => setPeriodEnd(e.target.value)}
          />
          <Textfield
            label="Organisasjon (valgfritt)"
            description="Tomt: alle organisasjoner"
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
          />
          <ProblemAlert error={draft.error} />
          <div>
            <Button type="submit" loading={draft.busy}>
              Lag utkast
            </Button>
          </div>
        </form>
        {drafted && (
          <div role="status" className="section">
            <Heading level={3} data-size="xs">
              Utkastet er laget
            </Heading>
            <Paragraph>
              {drafted.lineCount} linjer, til sammen {formatKroner(drafted.totalOre)}.{' '}
              <Link href={href('okonomi', drafted.id)}>Åpne utbetalingsgrunnlaget</Link>
            </Paragraph>
            {drafted.leftForNextBatch.lineCount > 0 && (
              <Paragraph>
                {drafted.leftForNextBatch.involvementCount} medvirkninger (
                {formatKroner(drafted.leftForNextBatch.totalOre)}) fikk ikke plass og venter til neste
                utbetalingsgrunnlag.
              </Paragraph>
            )}
            <NotPayable unpriced={drafted.unpriced} disputed={drafted.disputed ?? []} />
          </div>
        )}
      </Section>
      <Section title="Åpne et utbetalingsgrunnlag">
        {last && (
          <Paragraph>
            <Link href={href('okonomi', last)}>Det siste utkastet du laget</Link>
          </Paragraph>
        )}
        <form
          className="form-row"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (openId.trim()) go('okonomi', openId.trim());
          }}
        >
          <Textfield
            label="Id for utbetalingsgrunnlaget"
            value={openId}
            onChange={(e) => setOpenId(e.target.value)}
          />
          <Button type="submit" variant="secondary">
            Åpne
          </Button>
        </form>
      </Section>
    </Page>
  );
}

/** What is owed but not in the batch: unpriced involvements and disputed ones, each with why. */
function NotPayable({
  unpriced,
  disputed,
}: {
  unpriced: UnpricedEntry[];
  disputed: Drafted['disputed'] & object;
}) {
  if (unpriced.length === 0 && disputed.length === 0)
    return <Paragraph>Alt som er registrert til og med datoen kunne prises.</Paragraph>;
  return (
    <Alert data-color="warning">
      <Heading level={3} data-size="2xs">
        Ikke med i utkastet
      </Heading>
      <ul>
        {unpriced.map((u) => (
          <li key={u.involvementId}>
            Medvirkning <span className="mono">{u.involvementId}</span>:{' '}
            {u.status === 'no-guideline-in-force'
              ? `ingen retningslinje gjelder på datoen${u.firstEffectiveFrom ? ` (første gjelder fra ${formatDate(u.firstEffectiveFrom)})` : ''}`
              : 'kan ikke prises'}
          </li>
        ))}
        {disputed.map((d) => (
          <li key={d.involvementId}>
            Medvirkning <span className="mono">{d.involvementId}</span>: bestridt av brukerrepresentanten
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function BatchView({ batchId, session }: { batchId: string; session: Session }) {
  const loaded = useLoad(() => api.get<Batch>(`/v1/payout-batches/${encodeURIComponent(batchId)}`), batchId);
  const [message, setMessage] = useState<string | null>(null);
  const approve = useAction(async (batch: Batch) => {
    await api.post(
      `/v1/payout-batches/${encodeURIComponent(batch.id)}/approve`,
      {},
      { 'If-Match': `"${batch.version}"` },
    );
    setMessage('Utbetalingsgrunnlaget er godkjent.');
    loaded.reload();
  });
  const download = useAction(async (batch: Batch) => {
    const file = await api.download(`/v1/payout-batches/${encodeURIComponent(batch.id)}/export?format=csv`);
    const url = URL.createObjectURL(file.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.filename ?? `utbetalingsgrunnlag-${batch.id}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage('CSV-filen er lastet ned.');
  });
  if (loaded.error)
    return (
      <Page title="Utbetalingsgrunnlag">
        <ProblemAlert error={loaded.error} />
      </Page>
    );
  const batch = loaded.data;
  if (!batch) return <Spinner aria-label="Laster utbetalingsgrunnlaget" />;
  const ownDraft = batch.status === 'draft' && batch.createdBy === session.sub;
  return (
    <Page title={`Utbetalingsgrunnlag til og med ${formatDate(batch.periodEnd)}`}>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="batch-status">{words.batchStatus(batch.status)}</dd>
        <dt>Laget av</dt>
        <dd>{batch.createdBy}</dd>
        <dt>Godkjent av</dt>
        <dd>{batch.approvedBy ?? '–'}</dd>
        <dt>Antall linjer</dt>
        <dd>{batch.lineCount}</dd>
        <dt>Sum</dt>
        <dd data-testid="batch-total">{formatKroner(batch.totalOre)}</dd>
        <dt>Id</dt>
        <dd className="mono">{batch.id}</dd>
      </dl>
      {message && (
        <Alert data-color="success" role="status">
          {message}
        </Alert>
      )}
      <Section title="Handlinger">
        {ownDraft && (
          <Alert data-color="info">
            <Paragraph>
              Du laget dette utkastet selv, så du kan ikke godkjenne det. En annen i økonomi må godkjenne det
              (fire øyne).
            </Paragraph>
          </Alert>
        )}
        <div className="actions">
          {batch.status === 'draft' && !ownDraft && (
            <Button onClick={() => void approve.act(batch)} loading={approve.busy}>
              Godkjenn
            </Button>
          )}
          {(batch.status === 'approved' || batch.status === 'settled') && (
            <Button variant="secondary" onClick={() => void download.act(batch)} loading={download.busy}>
              Last ned CSV
            </Button>
          )}
        </div>
        <ProblemAlert error={approve.error ?? download.error} />
      </Section>
      <Section title="Linjer">
        <Table zebra>
          <caption className="visually-hidden">Linjene i utbetalingsgrunnlaget</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>Dato</Table.HeaderCell>
              <Table.HeaderCell>Hva</Table.HeaderCell>
              <Table.HeaderCell>Inntektstype</Table.HeaderCell>
              <Table.HeaderCell>Skattepliktig</Table.HeaderCell>
              <Table.HeaderCell className="number">Beløp</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {batch.lines.map((line) => (
              <Table.Row key={line.lineId}>
                <Table.Cell>{formatDate(line.occurredOn)}</Table.Cell>
                <Table.Cell>{words.lineKind(line.kind)}</Table.Cell>
                <Table.Cell>{words.incomeType(line.incomeType)}</Table.Cell>
                <Table.Cell>{line.taxable ? 'Ja' : 'Nei'}</Table.Cell>
                <Table.Cell className="number">{formatKroner(line.amountOre)}</Table.Cell>
                <Table.Cell>
                  {words.lineStatus(line.status)}
                  {line.reference ? ` (${line.reference})` : ''}
                  {line.reason ? ` – ${line.reason}` : ''}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell colSpan={4}>Sum</Table.HeaderCell>
              <Table.HeaderCell className="number">{formatKroner(batch.totalOre)}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Foot>
        </Table>
      </Section>
      {batch.status === 'approved' && batch.lines.some((l) => l.status === 'approved') && (
        <Section title="Registrer utbetalingsresultat">
          <PaymentsForm
            batch={batch}
            onDone={() => {
              setMessage('Utbetalingsresultatet er registrert.');
              loaded.reload();
            }}
          />
        </Section>
      )}
    </Page>
  );
}

function PaymentsForm({ batch, onDone }: { batch: Batch; onDone: () => void }) {
  const open = batch.lines.filter((l) => l.status === 'approved');
  const [reference, setReference] = useState('');
  const [outcome, setOutcome] = useState<Record<string, string>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const save = useAction(async () => {
    const results = open.map((line) =>
      (outcome[line.lineId] ?? 'paid') === 'paid'
        ? { lineId: line.lineId, status: 'paid', reference: reference.trim() }
        : { lineId: line.lineId, status: 'failed', reason: (reasons[line.lineId] ?? '').trim() },
    );
    await api.post(
      `/v1/payout-batches/${encodeURIComponent(batch.id)}/payments`,
      { results },
      { 'If-Match': `"${batch.version}"` },
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
      <Textfield
        label="Betalingsreferanse"
        description="Referansen fra banken eller regnskapet for linjene som er utbetalt"
        value={reference}
        onChange={(e) => setReference(e.target.value)}
      />
      {open.map((line, index) => (
        <div key={line.lineId} className="form-row">
          <CodeSelect
            label={`Linje ${index + 1}: ${words.lineKind(line.kind)} ${formatKroner(line.amountOre)}`}
            value={outcome[line.lineId] ?? 'paid'}
            codes={['paid', 'failed']}
            word={words.lineStatus}
            onChange={(v) => setOutcome({ ...outcome, [line.lineId]: v })}
          />
          {(outcome[line.lineId] ?? 'paid') === 'failed' && (
            <Textfield
              label={`Hvorfor linje ${index + 1} feilet`}
              value={reasons[line.lineId] ?? ''}
              onChange={(e) => setReasons({ ...reasons, [line.lineId]: e.target.value })}
            />
          )}
        </div>
      ))}
      <ProblemAlert error={save.error} />
      <div>
        <Button type="submit" loading={save.busy}>
          Registrer resultat
        </Button>
      </div>
    </form>
  );
}
