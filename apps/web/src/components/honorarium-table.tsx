import { Alert, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatDate, formatKroner, formatNumber } from '../format';
import { words } from '../words';

export interface HonorariumLine {
  kind: string;
  quantity: number;
  unit?: string;
  rateOre: number;
  amountOre: number;
  taxable: boolean;
  explanation?: string;
}

export type Honorarium =
  | { lines: HonorariumLine[]; totalOre: number; guideline: { region: string; version: string } }
  | { status: string; reason: string; region?: string; firstEffectiveFrom?: string | null };

/** The honorarium the guideline gives, line by line, or why there is none. */
export function HonorariumTable({ honorarium, caption }: { honorarium: Honorarium | null; caption: string }) {
  if (honorarium === null) return <Paragraph>Ingen honorar: medvirkningen er annullert.</Paragraph>;
  if ('status' in honorarium)
    return (
      <Alert data-color="warning">
        <Paragraph>
          {honorarium.status === 'no-guideline-in-force'
            ? `Kan ikke beregnes: ingen retningslinje gjelder på datoen${
                honorarium.firstEffectiveFrom
                  ? ` (den første gjelder fra ${formatDate(honorarium.firstEffectiveFrom)})`
                  : ''
              }.`
            : 'Kan ikke beregnes med retningslinjen som gjelder.'}
        </Paragraph>
      </Alert>
    );
  return (
    <Table zebra border>
      <caption>{caption}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>Hva</Table.HeaderCell>
          <Table.HeaderCell className="number">Mengde</Table.HeaderCell>
          <Table.HeaderCell className="number">Sats</Table.HeaderCell>
          <Table.HeaderCell className="number">Beløp</Table.HeaderCell>
          <Table.HeaderCell>Skattepliktig</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {honorarium.lines.map((line, index) => (
          <Table.Row key={`${line.kind}-${index}`}>
            <Table.Cell>{words.lineKind(line.kind)}</Table.Cell>
            <Table.Cell className="number">
              {formatNumber(line.quantity)} {line.unit ? words.unit(line.unit) : ''}
            </Table.Cell>
            <Table.Cell className="number">{formatKroner(line.rateOre)}</Table.Cell>
            <Table.Cell className="number">{formatKroner(line.amountOre)}</Table.Cell>
            <Table.Cell>{line.taxable ? 'Ja' : 'Nei'}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
      <Table.Foot>
        <Table.Row>
          <Table.HeaderCell colSpan={3}>Sum</Table.HeaderCell>
          <Table.HeaderCell className="number" data-testid="honorarium-total">
            {formatKroner(honorarium.totalOre)}
          </Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Foot>
    </Table>
  );
}
