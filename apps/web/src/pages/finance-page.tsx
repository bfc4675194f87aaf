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
import { api, ApiError } from '../api/client';
import type { Session } from '../auth/session';
import { CodeSelect } from '../components/fields';
import { Page, Section } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { formatDate, formatInstant, formatKroner, formatNumber, todayInOslo } from '../format';
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
  /** Involvements the participant disputes: no line until the lead corrects or they confirm (docs/adr/0028). */
  heldBack?: HeldBack[];
}

interface HeldBack {
  involvementId: string;
  participantId: string;
  reason: string;
  concerns?: string[];
  disputedAt?: string;
}

/** A held-back involvement's reason in words. */
function heldBackWords(reason: string): string {
  return reason === 'disputed-by-participant'
    ? 'deltakeren bestrider registreringen'
    : `holdt tilbake (${reason})`;
}

/** The `heldBack` a refusal carries (422 nothing-payable lists what disputes hold back). */
function heldBackOf(error: unknown): HeldBack[] {
  const problem = error instanceof ApiError ? error.problem : null;
  return problem && Array.isArray(problem.heldBack) ? (problem.heldBack as HeldBack[]) : [];
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

/** The API's page of a batch's lines (docs/adr/0024): at most 1,000 by default, `next` for the rest. */
const API_PAGE = 1000;
/** Rows shown at a time in the table; the rest behind "Neste side". */
const ROWS_PER_PAGE = 500;

/** The batch with every line: follows `next` page by page, so a batch of any size is shown whole. */
async function wholeBatch(batchId: string): Promise<Batch> {
  const path = `/v1/payout-batches/${encodeURIComponent(batchId)}`;
  const first = await api.get<Batch>(`${path}?limit=${API_PAGE}`);
  const lines = [...first.lines];
  let next = first.next;
  while (next) {
    const page = await api.get<Batch>(`${path}?limit=${API_PAGE}&after=${encodeURIComponent(next)}`);
    lines.push(...page.lines);
    next = page.next;
  }
  return { ...first, lines, next: null };
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
  /** The `after` of the next page of lines; null on the last. */
  next: string | null;
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
          {heldBackOf(draft.error).length > 0 && (
            <NotPayable unpriced={[]} heldBack={heldBackOf(draft.error)} />
          )}
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
            <NotPayable unpriced={drafted.unpriced} heldBack={drafted.heldBack ?? []} />
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
function NotPayable({ unpriced, heldBack }: { unpriced: UnpricedEntry[]; heldBack: HeldBack[] }) {
  if (unpriced.length === 0 && heldBack.length === 0)
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
        {heldBack.map((d) => (
          <li key={d.involvementId} data-testid="held-back">
            Medvirkning <span className="mono">{d.involvementId}</span>: Holdt tilbake:{' '}
            {heldBackWords(d.reason)}
            {d.disputedAt ? ` (bestridt ${formatInstant(d.disputedAt)})` : ''}.
          </li>
        ))}
      </ul>
    </Alert>
  );
}

function BatchView({ batchId, session }: { batchId: string; session: Session }) {
  const loaded = useLoad(() => wholeBatch(batchId), batchId);
  const [pageIndex, setPageIndex] = useState(0);
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
  const pages = Math.max(1, Math.ceil(batch.lines.length / ROWS_PER_PAGE));
  const current = Math.min(pageIndex, pages - 1);
  const shown = batch.lines.slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE);
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
        {pages > 1 && (
          <LinePager
            current={current}
            pages={pages}
            first={current * ROWS_PER_PAGE + 1}
            last={current * ROWS_PER_PAGE + shown.length}
            total={batch.lines.length}
            onPage={setPageIndex}
          />
        )}
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
            {shown.map((line) => (
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

/** Which lines the table shows, and buttons to the other pages of them. */
function LinePager({
  current,
  pages,
  first,
  last,
  total,
  onPage,
}: {
  current: number;
  pages: number;
  first: number;
  last: number;
  total: number;
  onPage: (index: number) => void;
}) {
  return (
    <nav aria-label="Sider med linjer" className="actions">
      <Paragraph role="status" data-testid="line-range">
        Viser linje {formatNumber(first)}–{formatNumber(last)} av {formatNumber(total)} (side {current + 1} av{' '}
        {pages}).
      </Paragraph>
      <Button variant="secondary" data-size="sm" disabled={current === 0} onClick={() => onPage(0)}>
        Første side
      </Button>
      <Button variant="secondary" data-size="sm" disabled={current === 0} onClick={() => onPage(current - 1)}>
        Forrige side
      </Button>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={current === pages - 1}
        onClick={() => onPage(current + 1)}
      >
        Neste side
      </Button>
      <Button
        variant="secondary"
        data-size="sm"
        disabled={current === pages - 1}
        onClick={() => onPage(pages - 1)}
      >
        Siste side
      </Button>
    </nav>
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
