import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import {
  honorariumOfRow,
  isUnpriced,
  PRICED_COLUMNS,
  unpricedEntry,
  type PricedRow,
  type UnpricedEntry,
} from '@app/participation';
import {
  CLAIMING_STATUSES,
  entitlementKey,
  holdBackDisputed,
  type ClaimedLine,
  type HeldBackInvolvement,
  type OpenDispute,
  type PayoutLine,
} from '../domain';
import { ClaimLedgerReader } from './claim-ledger.reader';

/** What is owed up to a period end: the lines a new batch would hold, and the involvements that cannot be priced. */
export interface Owed {
  lines: PayoutLine[];
  unpriced: UnpricedEntry[];
  /** In scope, but held back while their participant disputes them (docs/adr/0028). */
  heldBack: HeldBackInvolvement[];
}

/**
 * The involvements a draft up to `$1` (of organisation `$2`, or all) settles:
 * priced or voided (a voided one is owed nothing, so what it holds is taken
 * back), of a registered project. One that cannot be priced is left out, and
 * what earlier batches hold for it is left alone; so is one its participant
 * disputes (`$6`: the disputed involvement ids at the head of the log).
 */
const SETTLED = `
  SELECT i.involvement_id, i.participant_id, i.project_id, p.organization_id, i.occurred_on, i.logged_at, i.pricing
  FROM priced_involvements i JOIN priced_projects p ON p.project_id = i.project_id
  WHERE i.occurred_on <= $1 AND ($2::text IS NULL OR p.organization_id = $2) AND i.pricing IN ('priced', 'voided')`;
const IN_SCOPE = `${SETTLED} AND NOT (i.involvement_id = ANY($6::text[]))`;

/** The involvements a draft would settle were they not disputed (`$3`: the disputed ids), in draft order. */
const HELD_BACK_SQL = `
  SELECT s.involvement_id FROM (${SETTLED}) s WHERE s.involvement_id = ANY($3::text[])
  ORDER BY s.occurred_on, s.logged_at, s.involvement_id`;

/**
 * Priced lines minus claimed lines, per (involvement, kind, tax split), in one
 * statement: `entitled` sums the read model's paying lines, `claimed` the
 * lines that hold an amount (draft, approved, paid) — `payout_lines` with the
 * lines batch events after its checkpoint changed (`$3` ids, `$4` rows) put in
 * their place. A difference becomes a line: from the entitlement (today's
 * participant, project, organisation, day, income type) when there is one,
 * otherwise from the latest claiming line, which it adjusts.
 */
const OWED_SQL = `
  WITH scope AS (${IN_SCOPE}),
  entitled AS (
    SELECT l.involvement_id, l.kind, l.taxable, sum(l.amount_ore) AS amount_ore,
           (array_agg(l.income_type ORDER BY l.line_no))[1] AS income_type, min(l.line_no) AS first_line
    FROM priced_involvement_lines l JOIN scope s ON s.involvement_id = l.involvement_id AND s.pricing = 'priced'
    WHERE l.kind <> 'not-payable' AND l.amount_ore <> 0
    GROUP BY l.involvement_id, l.kind, l.taxable
  ),
  claiming AS (
    SELECT line_id, involvement_id, participant_id, project_id, organization_id, occurred_on, kind, taxable,
           income_type, amount_ore, drafted_position
    FROM payout_lines WHERE status = ANY($5) AND NOT (line_id = ANY($3))
    UNION ALL
    SELECT line_id, involvement_id, participant_id, project_id, organization_id, occurred_on, kind, taxable,
           income_type, amount_ore, drafted_position
    FROM jsonb_to_recordset($4::jsonb) AS o(line_id text, involvement_id text, participant_id text, project_id text,
      organization_id text, occurred_on text, kind text, taxable boolean, income_type text, amount_ore bigint,
      drafted_position bigint, status text)
    WHERE status = ANY($5)
  ),
  claimed AS (
    SELECT c.involvement_id, c.kind, c.taxable, sum(c.amount_ore) AS amount_ore,
           (array_agg(c.line_id ORDER BY c.drafted_position DESC, c.line_id DESC))[1] AS latest_line_id,
           (array_agg(c.participant_id ORDER BY c.drafted_position DESC, c.line_id DESC))[1] AS participant_id,
           (array_agg(c.project_id ORDER BY c.drafted_position DESC, c.line_id DESC))[1] AS project_id,
           (array_agg(c.organization_id ORDER BY c.drafted_position DESC, c.line_id DESC))[1] AS organization_id,
           (array_agg(c.occurred_on ORDER BY c.drafted_position DESC, c.line_id DESC))[1] AS occurred_on,
           (array_agg(c.income_type ORDER BY c.drafted_position DESC, c.line_id DESC))[1] AS income_type,
           min(c.drafted_position) AS first_position,
           (array_agg(c.line_id ORDER BY c.drafted_position, c.line_id))[1] AS first_line_id
    FROM claiming c JOIN scope s ON s.involvement_id = c.involvement_id
    GROUP BY c.involvement_id, c.kind, c.taxable
  )
  SELECT s.involvement_id,
         coalesce(e.kind, c.kind) AS kind,
         coalesce(e.taxable, c.taxable) AS taxable,
         (coalesce(e.amount_ore, 0) - coalesce(c.amount_ore, 0))::text AS owed_ore,
         CASE WHEN e.kind IS NULL THEN c.participant_id ELSE s.participant_id END AS participant_id,
         CASE WHEN e.kind IS NULL THEN c.project_id ELSE s.project_id END AS project_id,
         CASE WHEN e.kind IS NULL THEN c.organization_id ELSE s.organization_id END AS organization_id,
         CASE WHEN e.kind IS NULL THEN c.occurred_on ELSE s.occurred_on END AS occurred_on,
         CASE WHEN e.kind IS NULL THEN c.income_type ELSE e.income_type END AS income_type,
         c.latest_line_id
  FROM entitled e
  FULL JOIN claimed c ON c.involvement_id = e.involvement_id AND c.kind = e.kind AND c.taxable = e.taxable
  JOIN scope s ON s.involvement_id = coalesce(e.involvement_id, c.involvement_id)
  WHERE coalesce(e.amount_ore, 0) <> coalesce(c.amount_ore, 0)
  ORDER BY s.occurred_on, s.logged_at, s.involvement_id, e.first_line NULLS LAST, c.first_position, c.first_line_id`;

const UNPRICED_SQL = `
  SELECT ${PRICED_COLUMNS}
  FROM priced_involvements i JOIN priced_projects p ON p.project_id = i.project_id
  WHERE i.occurred_on <= $1 AND ($2::text IS NULL OR p.organization_id = $2)
    AND i.pricing IN ('unpriced', 'no-guideline-in-force')
  ORDER BY i.occurred_on, i.logged_at, i.involvement_id`;

interface OwedRow {
  involvement_id: string;
  kind: string;
  taxable: boolean;
  owed_ore: string;
  participant_id: string;
  project_id: string;
  organization_id: string;
  occurred_on: string;
  income_type: string;
  latest_line_id: string | null;
}

/**
 * What is owed up to a period end, set-based (docs/adr/0023): the
 * priced-involvement read model's lines minus the claims, in SQL, for the
 * period and organisation. Runs in one REPEATABLE READ snapshot on the
 * draft's connection, so the claims and the prices are read as of one moment.
 */
@Injectable()
export class WhatIsOwed {
  constructor(private readonly claims: ClaimLedgerReader) {}

  async upTo(
    client: PoolClient,
    query: {
      periodEnd: string;
      organizationId: string | null;
      lineIdFor: (key: string) => string;
      /** Open disputes as they stand at the head of the log (DisputedInvolvements.atHead). */
      disputes: ReadonlyMap<string, OpenDispute>;
    },
  ): Promise<Owed> {
    const { periodEnd, organizationId } = query;
    const disputed = [...query.disputes.keys()];
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const changed = await this.claims.linesChangedSinceCheckpoint(client);
      const owed = await client.query<OwedRow>(OWED_SQL, [
        periodEnd,
        organizationId,
        changed.map((l) => l.lineId),
        JSON.stringify(changed.map(overlayRow)),
        CLAIMING_STATUSES,
        disputed,
      ]);
      const unpriced = await client.query<PricedRow>(UNPRICED_SQL, [periodEnd, organizationId]);
      const held =
        disputed.length === 0
          ? []
          : (
              await client.query<{ involvement_id: string }>(HELD_BACK_SQL, [
                periodEnd,
                organizationId,
                disputed,
              ])
            ).rows.map((r) => ({ involvementId: r.involvement_id }));
      return {
        heldBack: holdBackDisputed(held, query.disputes).heldBack,
        lines: owed.rows.map((r) => lineOf(r, query.lineIdFor)),
        unpriced: unpriced.rows.flatMap((row) => {
          const honorarium = honorariumOfRow(row, []);
          return honorarium !== null && isUnpriced(honorarium) ? [unpricedEntry(honorarium)] : [];
        }),
      };
    } finally {
      await client.query('COMMIT');
    }
  }
}

function overlayRow(line: ClaimedLine) {
  return {
    line_id: line.lineId,
    involvement_id: line.involvementId,
    participant_id: line.participantId,
    project_id: line.projectId,
    organization_id: line.organizationId,
    occurred_on: line.occurredOn,
    kind: line.kind,
    taxable: line.taxable,
    income_type: line.incomeType,
    amount_ore: line.amountOre,
    drafted_position: line.draftedAt,
    status: line.status,
  };
}

function lineOf(row: OwedRow, lineIdFor: (key: string) => string): PayoutLine {
  const amountOre = Number(row.owed_ore);
  if (!Number.isSafeInteger(amountOre))
    throw new RangeError(`owed amount ${row.owed_ore} øre is beyond exact integers`);
  return {
    lineId: lineIdFor(
      entitlementKey({ involvementId: row.involvement_id, kind: row.kind, taxable: row.taxable }),
    ),
    participantId: row.participant_id,
    involvementId: row.involvement_id,
    projectId: row.project_id,
    organizationId: row.organization_id,
    occurredOn: row.occurred_on,
    kind: row.kind,
    amountOre,
    taxable: row.taxable,
    incomeType: row.income_type,
    adjustsLineId: row.latest_line_id,
  };
}
