import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model: every involvement priced by the calculator, line by line
 * (libs/participation/src/read-models/priced-involvements, docs/adr/0023),
 * with the inputs its projection prices from. New tables and a new
 * projection name: the projection has no checkpoint yet, so it starts at
 * position 0 and fills them from the whole log (the backfill) before the
 * money views read them.
 */
export class PricedInvolvements1732300000050 implements MigrationInterface {
  name = 'PricedInvolvements1732300000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE priced_projects (
        project_id text PRIMARY KEY,
        region text NOT NULL,
        organization_id text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE priced_guideline_versions (
        region text NOT NULL,
        version text NOT NULL,
        position bigint NOT NULL,
        guideline jsonb NOT NULL,
        PRIMARY KEY (region, version)
      )`);
    await q.query(`
      CREATE TABLE priced_involvements (
        involvement_id text PRIMARY KEY,
        project_id text NOT NULL,
        participant_id text NOT NULL,
        occurred_on text NOT NULL,
        logged_at timestamptz NOT NULL,
        status text NOT NULL,
        changed_at bigint NOT NULL,
        details jsonb NOT NULL,
        pricing text NOT NULL DEFAULT 'pending'
          CHECK (pricing IN ('pending', 'priced', 'unpriced', 'no-guideline-in-force', 'voided', 'no-project')),
        total_ore bigint,
        guideline_region text,
        guideline_version text,
        rate_tables jsonb,
        reason text,
        errors jsonb,
        first_effective_from text
      )`);
    await q.query(
      `CREATE INDEX priced_involvements_person_day_idx ON priced_involvements (participant_id, occurred_on)`,
    );
    await q.query(
      `CREATE INDEX priced_involvements_project_idx ON priced_involvements (project_id, occurred_on)`,
    );
    await q.query(`CREATE INDEX priced_involvements_day_idx ON priced_involvements (occurred_on)`);
    await q.query(`
      CREATE TABLE priced_involvement_lines (
        involvement_id text NOT NULL,
        line_no integer NOT NULL,
        kind text NOT NULL,
        quantity numeric NOT NULL,
        unit text NOT NULL,
        rate_ore bigint NOT NULL,
        amount_ore bigint NOT NULL,
        taxable boolean NOT NULL,
        income_type text NOT NULL,
        explanation text NOT NULL,
        guideline_region text NOT NULL,
        guideline_version text NOT NULL,
        PRIMARY KEY (involvement_id, line_no)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE priced_involvement_lines`);
    await q.query(`DROP TABLE priced_involvements`);
    await q.query(`DROP TABLE priced_guideline_versions`);
    await q.query(`DROP TABLE priced_projects`);
  }
}
