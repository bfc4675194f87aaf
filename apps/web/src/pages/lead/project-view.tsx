import { Button, Link, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { CodeSelect } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { useAction } from '../../components/use-action';
import { loadUntil, useLoad } from '../../components/use-load';
import { formatDate, formatNumber, todayInOslo } from '../../format';
import { href } from '../../router';
import { APPOINTMENT_ROLE_CODES, words } from '../../words';
import { MeetingForm } from './meeting-form';
import type { InvolvementListItem, Participant, Project } from './types';

/** The project's participants (appointed) with their names, which the lead may read. */
async function loadProject(projectId: string, awaitedParticipant: string | null) {
  const project = await loadUntil(
    () => api.get<Project>(`/v1/projects/${encodeURIComponent(projectId)}`),
    (p) => awaitedParticipant === null || p.appointments.some((a) => a.participantId === awaitedParticipant),
  );
  const ids = [...new Set(project.appointments.map((a) => a.participantId))];
  const people = await Promise.all(
    ids.map((id) =>
      api
        .get<Participant>(`/v1/participants/${encodeURIComponent(id)}`)
        .catch(() => ({ id, status: 'unknown' })),
    ),
  );
  const names = Object.fromEntries(people.map((p) => [p.id, (p as Participant).name ?? 'Ukjent navn']));
  return { project, names };
}

export function ProjectView({ projectId }: { projectId: string }) {
  const [awaitedParticipant, setAwaitedParticipant] = useState<string | null>(null);
  const [awaitedInvolvements, setAwaitedInvolvements] = useState<string[]>([]);
  const loaded = useLoad(
    () => loadProject(projectId, awaitedParticipant),
    `${projectId}:${awaitedParticipant}`,
  );
  const involvements = useLoad(
    () =>
      loadUntil(
        () =>
          api.get<{ items: InvolvementListItem[] }>(
            `/v1/projects/${encodeURIComponent(projectId)}/involvements?limit=200`,
          ),
        (page) => awaitedInvolvements.every((id) => page.items.some((i) => i.involvementId === id)),
      ),
    `${projectId}:${awaitedInvolvements.join(',')}`,
  );
  if (loaded.error)
    return (
      <Page title="Prosjekt">
        <ProblemAlert error={loaded.error} />
      </Page>
    );
  if (!loaded.data) return <Spinner aria-label="Laster prosjektet" />;
  const { project, names } = loaded.data;
  const active = project.appointments.filter((a) => a.endedOn === null);
  return (
    <Page title={project.name}>
      <dl className="facts">
        <dt>Nivå</dt>
        <dd>{words.level(project.level)}</dd>
        <dt>Organisasjon</dt>
        <dd>{project.organizationId}</dd>
        <dt>Retningslinje</dt>
        <dd>{project.region}</dd>
        <dt>Prosjekt-id</dt>
        <dd className="mono">{project.id}</dd>
      </dl>

      <Section title="Oppnevnte deltakere" id="deltakere">
        {active.length === 0 ? (
          <Paragraph>Ingen er oppnevnt ennå.</Paragraph>
        ) : (
          <Table zebra>
            <caption className="visually-hidden">Oppnevnte deltakere</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Navn</Table.HeaderCell>
                <Table.HeaderCell>Rolle</Table.HeaderCell>
                <Table.HeaderCell>Fra</Table.HeaderCell>
                <Table.HeaderCell>Til</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {active.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>{names[a.participantId]}</Table.Cell>
                  <Table.Cell>{words.appointmentRole(a.role)}</Table.Cell>
                  <Table.Cell>{formatDate(a.from)}</Table.Cell>
                  <Table.Cell>{a.to ? formatDate(a.to) : 'Ingen sluttdato'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        <AppointForm projectId={project.id} onDone={setAwaitedParticipant} />
      </Section>

      <Section title="Registrer møte" id="mote">
        <MeetingForm
          project={project}
          participants={active.map((a) => ({
            id: a.participantId,
            name: names[a.participantId] ?? a.participantId,
          }))}
          onSaved={setAwaitedInvolvements}
        />
      </Section>

      <Section title="Registrert medvirkning" id="medvirkning">
        <ProblemAlert error={involvements.error} />
        {involvements.data && involvements.data.items.length === 0 && (
          <Paragraph>Ingenting er registrert ennå.</Paragraph>
        )}
        {involvements.data && involvements.data.items.length > 0 && (
          <Table zebra>
            <caption className="visually-hidden">Registrert medvirkning, nyeste først</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>Dato</Table.HeaderCell>
                <Table.HeaderCell>Deltaker</Table.HeaderCell>
                <Table.HeaderCell>Form</Table.HeaderCell>
                <Table.HeaderCell>Oppmøte</Table.HeaderCell>
                <Table.HeaderCell className="number">Møtetimer</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Dokumentasjon</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {involvements.data.items.map((i) => (
                <Table.Row key={i.involvementId}>
                  <Table.Cell>
                    <Link href={href('prosjekter', project.id, 'medvirkning', i.involvementId)}>
                      {formatDate(i.occurredOn)}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{names[i.participantId] ?? i.participantId}</Table.Cell>
                  <Table.Cell>{words.form(i.form)}</Table.Cell>
                  <Table.Cell>{words.attendance(i.attendance)}</Table.Cell>
                  <Table.Cell className="number">{formatNumber(i.meetingHours)}</Table.Cell>
                  <Table.Cell>{words.involvementStatus(i.status)}</Table.Cell>
                  <Table.Cell>{i.evidenceKinds.map(words.evidence).join(', ') || 'Ingen'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Section>
    </Page>
  );
}

/** Registers a person and appoints them to the project in one go. */
function AppointForm({ projectId, onDone }: { projectId: string; onDone: (participantId: string) => void }) {
  const [name, setName] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [bankAccount, setBankAccount] = useState('');
  const [role, setRole] = useState('member');
  const [nominatedBy, setNominatedBy] = useState('');
  const [appointedBy, setAppointedBy] = useState('');
  const [from, setFrom] = useState(todayInOslo());
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(async () => {
    setSaved(null);
    const participant = await api.post<{ id: string }>('/v1/participants', {
      name: name.trim(),
      ...(nationalId.trim() ? { nationalId: nationalId.replace(/\s/g, '') } : {}),
      ...(bankAccount.trim() ? { bankAccount: bankAccount.trim() } : {}),
    });
    await api.post(`/v1/projects/${encodeURIComponent(projectId)}/appointments`, {
      participantId: participant.id,
      role,
      nominatedBy: nominatedBy.trim(),
      appointedBy: appointedBy.trim(),
      from,
    });
    setSaved(`${name.trim()} er registrert og oppnevnt.`);
    setName('');
    setNationalId('');
    setBankAccount('');
    onDone(participant.id);
  });
  return (
    <details className="section">
      <summary>Registrer og oppnevn en ny deltaker</summary>
      <form
        className="form"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.act();
        }}
      >
        <Textfield label="Navn" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        <Textfield
          label="Fødselsnummer (11 siffer)"
          inputMode="numeric"
          value={nationalId}
          onChange={(e) => setNationalId(e.target.value)}
          autoComplete="off"
        />
        <Textfield
          label="Kontonummer"
          value={bankAccount}
          onChange={(e) => setBankAccount(e.target.value)}
          autoComplete="off"
        />
        <CodeSelect
          label="Rolle"
          value={role}
          codes={APPOINTMENT_ROLE_CODES}
          word={words.appointmentRole}
          onChange={setRole}
        />
        <Textfield
          label="Foreslått av"
          description="For eksempel en brukerorganisasjon"
          value={nominatedBy}
          onChange={(e) => setNominatedBy(e.target.value)}
        />
        <Textfield label="Oppnevnt av" value={appointedBy} onChange={(e) => setAppointedBy(e.target.value)} />
        <Textfield label="Oppnevnt fra" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <ProblemAlert error={save.error} />
        {saved && <Paragraph role="status">{saved}</Paragraph>}
        <div>
          <Button type="submit" loading={save.busy}>
            Registrer og oppnevn
          </Button>
        </div>
      </form>
    </details>
  );
}
