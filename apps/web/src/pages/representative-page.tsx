import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { Session } from '../auth/session';
import { HonorariumTable, type Honorarium } from '../components/honorarium-table';
import { Page, Section } from '../components/page';
import { ProblemAlert } from '../components/problem-alert';
import { useAction } from '../components/use-action';
import { useLoad } from '../components/use-load';
import { formatDate, formatKroner, formatNumber } from '../format';
import { words } from '../words';

interface Ledger {
  accruedOre: number;
  batchedOre: number;
  paidOre: number;
  lines: Array<{
    involvementId: string;
    occurredOn: string;
    status: string;
    kind: string;
    amountOre: number;
  }>;
}

interface OwnInvolvement {
  id: string;
  form: string;
  occurredOn: string;
  attendance: string;
  hours: { meeting?: number; preparation?: number; travel?: number };
  status: string;
  honorarium: Honorarium | null;
  payout: { batchId: string; status: string } | null;
  /** The representative's own answer (planned in the API): confirmed, disputed, waived. */
  confirmation?: { confirmed: boolean; reason?: string | null } | null;
  waiver?: { reason?: string } | null;
}

/**
 * The representative's own pages, built on the API's planned representative
 * role: their record, their involvements (from their ledger), confirm or
 * dispute each, waive the honorarium, and what is paid.
 */
export function RepresentativePage({ session }: { session: Session }) {
  const participantId = session.participantId;
  const loaded = useLoad(
    participantId
      ? async () => {
          const id = encodeURIComponent(participantId);
          const [person, ledger] = await Promise.all([
            api.get<{ name?: string }>(`/v1/participants/${id}`),
            api.get<Ledger>(`/v1/participants/${id}/honorarium`),
          ]);
          const ids = [...new Set(ledger.lines.map((l) => l.involvementId))];
          const involvements = await Promise.all(
            ids.map((i) => api.get<OwnInvolvement>(`/v1/involvements/${encodeURIComponent(i)}`)),
          );
          return { person, ledger, involvements };
        }
      : null,
    participantId ?? 'none',
  );
  if (!participantId)
    return (
      <Page title="Mine sider">
        <Paragraph>Innloggingen din er ikke knyttet til en deltaker. Kontakt prosjektlederen.</Paragraph>
      </Page>
    );
  if (loaded.error)
    return (
      <Page title="Mine sider">
        <ProblemAlert error={loaded.error} />
      </Page>
    );
  if (!loaded.data) return <Spinner aria-label="Laster opplysningene dine" />;
  const { person, ledger, involvements } = loaded.data;
  return (
    <Page title={`Mine sider${person.name ? `: ${person.name}` : ''}`}>
      <Section title="Honorar og utbetaling">
        <dl className="facts">
          <dt>Opptjent</dt>
          <dd>{formatKroner(ledger.accruedOre)}</dd>
          <dt>Til utbetaling</dt>
          <dd>{formatKroner(ledger.batchedOre)}</dd>
          <dt>Utbetalt</dt>
          <dd>{formatKroner(ledger.paidOre)}</dd>
        </dl>
      </Section>
      <Section title="Det som er registrert om deg">
        {involvements.length === 0 && <Paragraph>Ingenting er registrert om deg ennå.</Paragraph>}
        {involvements.map((i) => (
          <OwnInvolvementCard key={i.id} involvement={i} onChanged={loaded.reload} />
        ))}
      </Section>
    </Page>
  );
}

function OwnInvolvementCard({
  involvement: i,
  onChanged,
}: {
  involvement: OwnInvolvement;
  onChanged: () => void;
}) {
  const [reason, setReason] = useState('');
  const [waiverReason, setWaiverReason] = useState('');
  const confirm = useAction(async (confirmed: boolean) => {
    await api.post(
      `/v1/involvements/${encodeURIComponent(i.id)}/confirmation`,
      confirmed ? { confirmed: true } : { confirmed: false, reason: reason.trim() },
    );
    onChanged();
  });
  const waive = useAction(async () => {
    await api.post(`/v1/involvements/${encodeURIComponent(i.id)}/waiver`, { reason: waiverReason.trim() });
    onChanged();
  });
  return (
    <article className="participant-card">
      <Heading level={3} data-size="xs">
        {words.form(i.form)} {formatDate(i.occurredOn)}
      </Heading>
      <Paragraph>
        {words.attendance(i.attendance)}, {formatNumber(i.hours.meeting ?? 0)} møtetimer.{' '}
        {i.payout ? `Utbetaling: ${words.lineStatus(i.payout.status)}.` : 'Ikke utbetalt ennå.'}
      </Paragraph>
      <HonorariumTable honorarium={i.honorarium} caption="Honoraret ditt for dette" />
      {i.confirmation ? (
        <Alert data-color={i.confirmation.confirmed ? 'success' : 'warning'}>
          {i.confirmation.confirmed
            ? 'Du har bekreftet dette.'
            : `Du har bestridt dette: ${i.confirmation.reason ?? ''}`}
        </Alert>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void confirm.act(false);
          }}
        >
          <div className="actions">
            <Button type="button" onClick={() => void confirm.act(true)} loading={confirm.busy}>
              Bekreft at dette stemmer
            </Button>
          </div>
          <Textfield
            label="Hva stemmer ikke?"
            multiline
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div>
            <Button type="submit" variant="secondary" loading={confirm.busy}>
              Bestrid
            </Button>
          </div>
        </form>
      )}
      <ProblemAlert error={confirm.error} />
      {!i.waiver && (
        <form
          className="form"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void waive.act();
          }}
        >
          <Textfield
            label="Gi avkall på honoraret, begrunnelse"
            description="Utlegg dekkes uansett."
            value={waiverReason}
            onChange={(e) => setWaiverReason(e.target.value)}
          />
          <div>
            <Button type="submit" variant="secondary" loading={waive.busy}>
              Gi avkall på honoraret
            </Button>
          </div>
          <ProblemAlert error={waive.error} />
        </form>
      )}
    </article>
  );
}
