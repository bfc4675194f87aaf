import { Button, Checkbox, Fieldset, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { CodeSelect, kronerToOre, parseDecimal } from '../../components/fields';
import { HonorariumTable, type Honorarium } from '../../components/honorarium-table';
import { ProblemAlert } from '../../components/problem-alert';
import { useAction } from '../../components/use-action';
import { todayInOslo } from '../../format';
import { ATTENDANCE_CODES, FORM_CODES, words } from '../../words';
import type { Project } from './types';

interface Row {
  participantId: string;
  name: string;
  included: boolean;
  attendance: string;
  meeting: string;
  preparation: string;
  travel: string;
  km: string;
  ticketKroner: string;
}

interface RowResult {
  preview?: Honorarium | null;
  saved?: string;
  error?: unknown;
}

/**
 * One meeting: date, form and topic once; per participant attendance, hours
 * and expenses. "Beregn honorar" asks the API what the guideline gives each
 * (nothing stored); "Lagre" logs one involvement per participant.
 */
export function MeetingForm({
  project,
  participants,
  onSaved,
}: {
  project: Project;
  participants: Array<{ id: string; name: string }>;
  /** The ids of the involvements just logged. */
  onSaved: (involvementIds: string[]) => void;
}) {
  const [occurredOn, setOccurredOn] = useState(todayInOslo());
  const [form, setForm] = useState('user-council');
  const [topic, setTopic] = useState('');
  const [honorariumPaid, setHonorariumPaid] = useState('paid');
  const [rows, setRows] = useState<Row[]>([]);
  const [results, setResults] = useState<Record<string, RowResult>>({});
  const [savedCount, setSavedCount] = useState<number | null>(null);

  const known = new Set(rows.map((r) => r.participantId));
  const allRows: Row[] = [
    ...rows,
    ...participants
      .filter((p) => !known.has(p.id))
      .map((p) => ({
        participantId: p.id,
        name: p.name,
        included: true,
        attendance: 'in-person',
        meeting: '',
        preparation: '',
        travel: '',
        km: '',
        ticketKroner: '',
      })),
  ];
  /** A change to the meeting itself makes it a new one: nothing of it is previewed or saved yet. */
  const changeMeeting =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setResults({});
      setSavedCount(null);
    };
  const update = (participantId: string, change: Partial<Row>) => {
    setRows(allRows.map((r) => (r.participantId === participantId ? { ...r, ...change } : r)));
    setResults((current) => ({ ...current, [participantId]: {} }));
    setSavedCount(null);
  };

  const bodyOf = (row: Row) => {
    const hours = {
      meeting: parseDecimal(row.meeting) ?? 0,
      ...(parseDecimal(row.preparation) !== undefined ? { preparation: parseDecimal(row.preparation) } : {}),
      ...(parseDecimal(row.travel) !== undefined ? { travel: parseDecimal(row.travel) } : {}),
    };
    const expenses = [
      ...(parseDecimal(row.km) !== undefined ? [{ kind: 'mileage', km: parseDecimal(row.km) }] : []),
      ...(kronerToOre(row.ticketKroner) !== undefined
        ? [
            {
              kind: 'ticket',
              amountOre: kronerToOre(row.ticketKroner),
              receiptRef: `kvittering-${occurredOn}`,
            },
          ]
        : []),
    ];
    return {
      participantId: row.participantId,
      form,
      occurredOn,
      attendance: row.attendance,
      hours,
      ...(expenses.length > 0 ? { expenses } : {}),
      ...(form === 'user-gathering' ? { honorariumDecision: honorariumPaid } : {}),
      ...(topic.trim() ? { topic: topic.trim() } : {}),
    };
  };
  const included = allRows.filter((r) => r.included);

  const preview = useAction(async () => {
    const next: Record<string, RowResult> = {};
    for (const row of included) {
      try {
        const answer = await api.post<{ honorarium: Honorarium }>(
          `/v1/projects/${encodeURIComponent(project.id)}/involvements/preview`,
          bodyOf(row),
        );
        next[row.participantId] = { preview: answer.honorarium };
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        next[row.participantId] = { error };
      }
    }
    setResults(next);
  });
  const save = useAction(async () => {
    const next: Record<string, RowResult> = { ...results };
    let count = 0;
    const ids: string[] = [];
    for (const row of included) {
      if (next[row.participantId]?.saved) continue;
      try {
        const created = await api.post<{ id: string }>(
          `/v1/projects/${encodeURIComponent(project.id)}/involvements`,
          bodyOf(row),
        );
        next[row.participantId] = { ...next[row.participantId], saved: created.id, error: undefined };
        count += 1;
        ids.push(created.id);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        next[row.participantId] = { ...next[row.participantId], error };
      }
    }
    setResults(next);
    setSavedCount(count);
    if (count > 0) onSaved(ids);
  });

  if (participants.length === 0)
    return <Paragraph>Oppnevn deltakere til prosjektet før du registrerer et møte.</Paragraph>;
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
        label="Dato for møtet"
        type="date"
        value={occurredOn}
        onChange={(e) => changeMeeting(setOccurredOn)(e.target.value)}
      />
      <CodeSelect
        label="Medvirkningsform"
        value={form}
        codes={FORM_CODES}
        word={words.form}
        onChange={changeMeeting(setForm)}
      />
      {form === 'user-gathering' && (
        <CodeSelect
          label="Betales honorar for samlingen?"
          value={honorariumPaid}
          codes={['paid', 'unpaid']}
          word={(c) => (c === 'paid' ? 'Ja, honorar betales' : 'Nei, bare utlegg dekkes')}
          onChange={changeMeeting(setHonorariumPaid)}
        />
      )}
      <Textfield
        label="Tema"
        description="Skriv ikke navn på personer her: teksten lagres i loggen."
        value={topic}
        onChange={(e) => changeMeeting(setTopic)(e.target.value)}
      />
      {allRows.map((row) => {
        const result = results[row.participantId] ?? {};
        return (
          <Fieldset key={row.participantId} className="participant-card">
            <Fieldset.Legend>{row.name}</Fieldset.Legend>
            <Checkbox
              label="Var invitert til møtet"
              checked={row.included}
              onChange={(e) => update(row.participantId, { included: e.target.checked })}
            />
            {row.included && (
              <>
                <CodeSelect
                  label={`Oppmøte for ${row.name}`}
                  value={row.attendance}
                  codes={ATTENDANCE_CODES}
                  word={words.attendance}
                  onChange={(v) => update(row.participantId, { attendance: v })}
                />
                <div className="form-row">
                  <Textfield
                    label="Møtetimer"
                    inputMode="decimal"
                    value={row.meeting}
                    onChange={(e) => update(row.participantId, { meeting: e.target.value })}
                  />
                  <Textfield
                    label="Forberedelse, timer"
                    inputMode="decimal"
                    value={row.preparation}
                    onChange={(e) => update(row.participantId, { preparation: e.target.value })}
                  />
                  <Textfield
                    label="Reisetid, timer"
                    inputMode="decimal"
                    value={row.travel}
                    onChange={(e) => update(row.participantId, { travel: e.target.value })}
                  />
                </div>
                <div className="form-row">
                  <Textfield
                    label="Kjørte kilometer"
                    inputMode="decimal"
                    value={row.km}
                    onChange={(e) => update(row.participantId, { km: e.target.value })}
                  />
                  <Textfield
                    label="Billettutgifter, kroner"
                    inputMode="decimal"
                    value={row.ticketKroner}
                    onChange={(e) => update(row.participantId, { ticketKroner: e.target.value })}
                  />
                </div>
                {result.preview !== undefined && (
                  <HonorariumTable
                    honorarium={result.preview}
                    caption={`Honorar etter retningslinjen for ${row.name}`}
                  />
                )}
                {result.saved && <Paragraph role="status">Lagret.</Paragraph>}
                <ProblemAlert error={result.error} />
              </>
            )}
          </Fieldset>
        );
      })}
      <ProblemAlert error={preview.error ?? save.error} />
      {savedCount !== null && (
        <Paragraph role="status">
          {savedCount === 0
            ? 'Ingenting ble lagret.'
            : `Lagret ${savedCount} registrering${savedCount === 1 ? '' : 'er'} av medvirkning.`}
        </Paragraph>
      )}
      <div className="actions">
        <Button type="button" variant="secondary" onClick={() => void preview.act()} loading={preview.busy}>
          Beregn honorar
        </Button>
        <Button type="submit" loading={save.busy}>
          Lagre møtet
        </Button>
      </div>
    </form>
  );
}
