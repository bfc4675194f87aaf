import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api/client';
import { Page, Section } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { formatDate, formatInstant, formatKroner, formatNumber, formatShare } from '../format';
import { words } from '../words';

interface AuditEvent {
  position: number;
  streamId: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { actor?: string; recordedAt?: string };
}

interface Assessment {
  projectId: string;
  name: string;
  level: string;
  assessedOn: string;
  classification: 'real' | 'symbolic-risk';
  reasons: string[];
  explanations: Array<{ reason: string; message: string; involvementIds: string[] }>;
}

interface Checkpoint {
  origin: string;
  treeSize: number;
  rootHash: string;
  signedAt: string;
}

interface Verification {
  verified: boolean;
  events: number;
  failures: unknown[];
}

interface Economy {
  honorariumOre: number;
  expensesOre: number;
  lostIncomeOre: number;
  totalOre: number;
}

interface AnnualReport {
  year: number;
  organizationId: string | null;
  projects: { total: number; byLevel: Record<string, number> };
  involvements: { total: number; byForm: Record<string, number>; byLevel: Record<string, number> };
  people: number;
  hours: { meeting: number; preparation: number; travel: number; total: number };
  economy: { accrued: Economy; paid: Economy; unpricedCount: number };
  feedback: { involvements: number; share: number | null };
  influence: { involvements: number; share: number | null };
  symbolicRisk: {
    projects: number;
    of: number;
    items: Array<{ projectId: string; name: string; reasons: string[] }>;
  };
}

/** The auditor: history in order, the verdict with reasons, the notary's checkpoint and verification, the yearly account. */
export function AuditorPage() {
  return (
    <Page title="Revisjon">
      <PersonHistory />
      <ProjectAudit />
      <Notary />
      <YearlyAccount />
    </Page>
  );
}

function IdForm({
  label,
  button,
  onSubmit,
  busy,
}: {
  label: string;
  button: string;
  onSubmit: (id: string) => void;
  busy: boolean;
}) {
  const [id, setId] = useState('');
  return (
    <form
      className="form-row"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit(id.trim());
      }}
    >
      <Textfield label={label} value={id} onChange={(e) => setId(e.target.value)} />
      <Button type="submit" variant="secondary" loading={busy}>
        {button}
      </Button>
    </form>
  );
}

function HistoryTable({ events, caption }: { events: AuditEvent[]; caption: string }) {
  return (
    <Table zebra>
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell className="number">Nr.</Table.HeaderCell>
          <Table.HeaderCell>Registrert</Table.HeaderCell>
          <Table.HeaderCell>Hendelse</Table.HeaderCell>
          <Table.HeaderCell>Av</Table.HeaderCell>
          <Table.HeaderCell>Gjelder</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {events.map((e) => (
          <Table.Row key={e.position}>
            <Table.Cell className="number">{e.position}</Table.Cell>
            <Table.Cell>{formatInstant(e.metadata.recordedAt)}</Table.Cell>
            <Table.Cell>{words.eventType(e.type)}</Table.Cell>
            <Table.Cell>{e.metadata.actor ?? '–'}</Table.Cell>
            <Table.Cell className="mono">{e.streamId}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}

function PersonHistory() {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const load = useAction(async (id: string) => {
    setEvents(null);
    const page = await api.get<{ items: AuditEvent[] }>(
      `/v1/audit/participants/${encodeURIComponent(id)}/history?limit=1000`,
    );
    setEvents(page.items);
  });
  return (
    <Section title="En persons historikk" id="person">
      <IdForm
        label="Deltaker-id"
        button="Vis historikk"
        busy={load.busy}
        onSubmit={(id) => void load.act(id)}
      />
      <ProblemAlert error={load.error} />
      {events && <HistoryTable events={events} caption="Alt som er registrert om personen, i rekkefølge" />}
    </Section>
  );
}

function ProjectAudit() {
  const [result, setResult] = useState<{ assessment: Assessment; events: AuditEvent[] } | null>(null);
  const load = useAction(async (id: string) => {
    setResult(null);
    const [assessment, stream] = await Promise.all([
      api.get<Assessment>(`/v1/audit/projects/${encodeURIComponent(id)}/participation`),
      api.get<{ items: AuditEvent[] }>(`/v1/audit/streams/${encodeURIComponent(`project-${id}`)}`),
    ]);
    setResult({ assessment, events: stream.items });
  });
  return (
    <Section title="Et prosjekt: reell eller symbolsk medvirkning" id="prosjekt">
      <IdForm
        label="Prosjekt-id"
        button="Vurder prosjektet"
        busy={load.busy}
        onSubmit={(id) => void load.act(id)}
      />
      <ProblemAlert error={load.error} />
      {result && (
        <>
          <Heading level={3} data-size="xs">
            {result.assessment.name}
          </Heading>
          <Paragraph data-testid="verdict">
            Vurdering per {formatDate(result.assessment.assessedOn)}:{' '}
            {result.assessment.classification === 'real' ? (
              <Tag data-color="success">Reell medvirkning</Tag>
            ) : (
              <Tag data-color="warning">Risiko for symbolsk medvirkning</Tag>
            )}
          </Paragraph>
          {result.assessment.reasons.length > 0 && (
            <>
              <Paragraph>Begrunnelse:</Paragraph>
              <ul>
                {result.assessment.explanations.map((e) => (
                  <li key={e.reason}>
                    {words.realityReason(e.reason)} ({e.involvementIds.length} medvirkning
                    {e.involvementIds.length === 1 ? '' : 'er'})
                  </li>
                ))}
              </ul>
            </>
          )}
          <HistoryTable events={result.events} caption="Prosjektets egen historikk" />
        </>
      )}
    </Section>
  );
}

function Notary() {
  const checkpoint = useLoad(() => api.get<Checkpoint>('/v1/audit/checkpoints/latest'), 'checkpoint');
  const [result, setResult] = useState<Verification | null>(null);
  const verify = useAction(async () => {
    setResult(null);
    setResult(await api.post<Verification>('/v1/audit/verify'));
    checkpoint.reload();
  });
  const none = checkpoint.error instanceof ApiError && checkpoint.error.problem.status === 404;
  return (
    <Section title="Sjekkpunkt og kontroll av loggen" id="logg">
      {checkpoint.data && (
        <dl className="facts">
          <dt>Siste sjekkpunkt</dt>
          <dd>{formatInstant(checkpoint.data.signedAt)}</dd>
          <dt>Hendelser i treet</dt>
          <dd>{formatNumber(checkpoint.data.treeSize)}</dd>
          <dt>Rot-hash</dt>
          <dd className="mono">{checkpoint.data.rootHash}</dd>
        </dl>
      )}
      {none && <Paragraph>Ingen sjekkpunkt er signert ennå.</Paragraph>}
      {!none && <ProblemAlert error={checkpoint.error} />}
      <Button onClick={() => void verify.act()} loading={verify.busy}>
        Kontroller loggen
      </Button>
      <ProblemAlert error={verify.error} />
      {result && (
        <Alert data-color={result.verified ? 'success' : 'danger'} role="status" data-testid="verify-result">
          {result.verified
            ? `Loggen er uendret: alle ${formatNumber(result.events)} hendelser stemmer${
                checkpoint.data ? ', og det samme gjør siste signerte sjekkpunkt' : ''
              }.`
            : `Loggen stemmer ikke: ${result.failures.length} avvik blant ${formatNumber(result.events)} hendelser.`}
        </Alert>
      )}
    </Section>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function YearlyAccount() {
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [organizationId, setOrganizationId] = useState('');
  const [report, setReport] = useState<AnnualReport | null>(null);
  const load = useAction(async () => {
    setReport(null);
    const query = new URLSearchParams({ year: year.trim() });
    if (organizationId.trim()) query.set('organizationId', organizationId.trim());
    setReport(await api.get<AnnualReport>(`/v1/reports/annual?${query.toString()}`));
  });
  return (
    <Section title="Årlig rapport" id="arsrapport">
      <form
        className="form-row"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void load.act();
        }}
      >
        <Textfield label="År" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        <Textfield
          label="Organisasjon (valgfritt)"
          value={organizationId}
          onChange={(e) => setOrganizationId(e.target.value)}
        />
        <Button type="submit" variant="secondary" loading={load.busy}>
          Vis rapporten
        </Button>
      </form>
      <ProblemAlert error={load.error} />
      {report && (
        <dl className="facts" data-testid="annual-report">
          <Figure label="Prosjekter med medvirkning">{formatNumber(report.projects.total)}</Figure>
          <Figure label="Personmøter">{formatNumber(report.involvements.total)}</Figure>
          <Figure label="Personer">{formatNumber(report.people)}</Figure>
          <Figure label="Timer i alt">{formatNumber(report.hours.total)}</Figure>
          <Figure label="Honorar opptjent">{formatKroner(report.economy.accrued.honorariumOre)}</Figure>
          <Figure label="Utlegg opptjent">{formatKroner(report.economy.accrued.expensesOre)}</Figure>
          <Figure label="Tapt arbeidsinntekt">{formatKroner(report.economy.accrued.lostIncomeOre)}</Figure>
          <Figure label="Sum opptjent">{formatKroner(report.economy.accrued.totalOre)}</Figure>
          <Figure label="Utbetalt">{formatKroner(report.economy.paid.totalOre)}</Figure>
          <Figure label="Kan ikke prises">{formatNumber(report.economy.unpricedCount)}</Figure>
          <Figure label="Andel med tilbakemelding">{formatShare(report.feedback.share)}</Figure>
          <Figure label="Andel med påvirkning">{formatShare(report.influence.share)}</Figure>
          <Figure label="Prosjekter med risiko for symbolsk medvirkning">
            {report.symbolicRisk.projects} av {report.symbolicRisk.of}
          </Figure>
        </dl>
      )}
    </Section>
  );
}
