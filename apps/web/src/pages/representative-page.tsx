import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Spinner,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useId, useState, type FormEvent } from 'react';
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
    lineId?: string;
    adjustment?: boolean;
  }>;
}

interface InvolvementPage {
  items: Array<{ involvementId: string }>;
  next: string | null;
}

/** Free text about the person: the text, null when withheld, or erased once they are forgotten. */
type PersonalText = string | { erased: true } | null | undefined;

interface OwnInvolvement {
  id: string;
  form: string;
  occurredOn: string;
  attendance: string;
  hours: { meeting?: number; preparation?: number; travel?: number };
  status: string;
  meetingId?: string;
  honorarium: Honorarium | null;
  payout: { batchId: string; status: string } | null;
  participantResponse: {
    confirmed: boolean;
    correctedSince: boolean;
    concerns?: string[];
    reason?: PersonalText;
  } | null;
  waiver: { reason: PersonalText } | null;
  disputeHoldsBackPayout: boolean;
}

/** What a dispute may concern (the API's `concerns`), in words. */
const CONCERNS: Array<[string, string]> = [
  ['attendance', 'Oppmøtet'],
  ['hours', 'Timene'],
  ['expenses', 'Utleggene'],
  ['form', 'Medvirkningsformen'],
  ['other', 'Noe annet'],
];

function textOf(value: PersonalText): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') return '(slettet)';
  return '';
}

/** Every involvement logged about the participant, following the list's `next` to its end. */
async function allInvolvementIds(participantId: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const query: string = `limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const page: InvolvementPage = await api.get<InvolvementPage>(
      `/v1/participants/${encodeURIComponent(participantId)}/involvements?${query}`,
    );
    ids.push(...page.items.map((i) => i.involvementId));
    after = page.next;
  } while (after);
  return ids;
}

/**
 * The representative's own pages (role `representative`, docs/adr/0028):
 * their record, every involvement logged about them, their ledger and
 * payout status; confirm or dispute each involvement (a dispute holds its
 * amount back from payout), and waive the honorarium (expenses still paid).
 */
export function RepresentativePage({ session }: { session: Session }) {
  const participantId = session.participantId;
  const loaded = useLoad(
    participantId
      ? async () => {
          const id = encodeURIComponent(participantId);
          const [person, ledger, ids] = await Promise.all([
            api.get<{ name?: string }>(`/v1/participants/${id}`),
            api.get<Ledger>(`/v1/participants/${id}/honorarium`),
            allInvolvementIds(participantId),
          ]);
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
  const dateOf = new Map(involvements.map((i) => [i.id, i] as const));
  return (
    <Page title={`Mine sider${person.name ? `: ${person.name}` : ''}`}>
      <Section title="Honorar og utbetaling">
        <dl className="facts">
          <dt>Opptjent</dt>
          <dd data-testid="ledger-accrued">{formatKroner(ledger.accruedOre)}</dd>
          <dt>I utbetalingsgrunnlag</dt>
          <dd>{formatKroner(ledger.batchedOre)}</dd>
          <dt>Utbetalt</dt>
          <dd data-testid="ledger-paid">{formatKroner(ledger.paidOre)}</dd>
        </dl>
        {ledger.lines.length > 0 && (
          <Table zebra>
            <caption className="visually-hidden">Linjene i honoraret ditt</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Dato</Table.HeaderCell>
                <Table.HeaderCell>Medvirkning</Table.HeaderCell>
                <Table.HeaderCell>Hva</Table.HeaderCell>
                <Table.HeaderCell className="number">Beløp</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {ledger.lines.map((line, index) => (
                <Table.Row key={line.lineId ?? `${line.involvementId}-${line.kind}-${index}`}>
                  <Table.Cell>{formatDate(line.occurredOn)}</Table.Cell>
                  <Table.Cell>{words.form(dateOf.get(line.involvementId)?.form ?? '')}</Table.Cell>
                  <Table.Cell>
                    {words.lineKind(line.kind)}
                    {line.adjustment ? ' (justering)' : ''}
                  </Table.Cell>
                  <Table.Cell className="number">{formatKroner(line.amountOre)}</Table.Cell>
                  <Table.Cell>{words.lineStatus(line.status)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
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

function ResponseNote({ involvement: i }: { involvement: OwnInvolvement }) {
  const response = i.participantResponse;
  if (!response) return null;
  const corrected = response.correctedSince
    ? ' Prosjektlederen har rettet registreringen etterpå. Se over og svar på nytt.'
    : '';
  if (response.confirmed)
    return (
      <Alert data-color="success" data-testid="own-response">
        Du har bekreftet at dette stemmer.{corrected}
      </Alert>
    );
  return (
    <Alert data-color="warning" data-testid="own-response">
      Du har bestridt dette: {textOf(response.reason)}.{' '}
      {i.disputeHoldsBackPayout
        ? 'Beløpet holdes tilbake fra utbetaling til prosjektlederen retter registreringen eller du bekrefter den.'
        : ''}
      {corrected}
    </Alert>
  );
}

function OwnInvolvementCard({
  involvement: i,
  onChanged,
}: {
  involvement: OwnInvolvement;
  onChanged: () => void;
}) {
  const headingId = useId();
  const [reason, setReason] = useState('');
  const [concerns, setConcerns] = useState<string[]>([]);
  const [waiverReason, setWaiverReason] = useState('');
  const confirm = useAction(async (confirmed: boolean) => {
    await api.post(
      `/v1/involvements/${encodeURIComponent(i.id)}/confirmation`,
      confirmed
        ? { confirmed: true }
        : { confirmed: false, reason: reason.trim(), ...(concerns.length > 0 ? { concerns } : {}) },
    );
    onChanged();
  });
  const waive = useAction(async () => {
    await api.post(`/v1/involvements/${encodeURIComponent(i.id)}/waiver`, { reason: waiverReason.trim() });
    onChanged();
  });
  const voided = i.status === 'voided';
  const response = i.participantResponse;
  const mayAnswer = !voided && (!response || response.correctedSince || !response.confirmed);
  const title = `${words.form(i.form)} ${formatDate(i.occurredOn)}`;
  return (
    <article className="participant-card" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {title}
      </Heading>
      <Paragraph>
        {voided ? 'Annullert av prosjektlederen. ' : ''}
        {words.attendance(i.attendance)}, {formatNumber(i.hours.meeting ?? 0)} møtetimer.{' '}
        {i.payout ? `Utbetaling: ${words.lineStatus(i.payout.status)}.` : 'Ikke utbetalt ennå.'}
      </Paragraph>
      {!voided && <HonorariumTable honorarium={i.honorarium} caption={`Honoraret ditt for ${title}`} />}
      <ResponseNote involvement={i} />
      {mayAnswer && (
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
              {response && !response.confirmed && !response.correctedSince
                ? 'Trekk innsigelsen og bekreft'
                : 'Bekreft at dette stemmer'}
            </Button>
          </div>
          {!(response && !response.confirmed && !response.correctedSince) && (
            <>
              <Fieldset>
                <Fieldset.Legend>Hva gjelder det som ikke stemmer? (valgfritt)</Fieldset.Legend>
                {CONCERNS.map(([code, label]) => (
                  <Checkbox
                    key={code}
                    label={label}
                    value={code}
                    checked={concerns.includes(code)}
                    onChange={(e) =>
                      setConcerns(e.target.checked ? [...concerns, code] : concerns.filter((c) => c !== code))
                    }
                  />
                ))}
              </Fieldset>
              <Textfield
                label="Hva stemmer ikke?"
                description="Prosjektlederen og revisor ser det du skriver."
                multiline
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <div>
                <Button type="submit" variant="secondary" loading={confirm.busy}>
                  Bestrid registreringen
                </Button>
              </div>
            </>
          )}
        </form>
      )}
      <ProblemAlert error={confirm.error} />
      {i.waiver ? (
        <Alert data-color="info" data-testid="own-waiver">
          Du har gitt avkall på honoraret: {textOf(i.waiver.reason)}. Utlegg dekkes uansett.
        </Alert>
      ) : (
        !voided &&
        !i.payout && (
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
        )
      )}
    </article>
  );
}
