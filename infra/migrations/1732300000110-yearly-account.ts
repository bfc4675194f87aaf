import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read model: the yearly account (libs/yearly-account/src/read-models): each
 * participant's perspective and breadth consent (attributes as the sealed
 * envelope, never plaintext), courses, the action plan's measures, budgets
 * and recorded spending.
 */
export class YearlyAccount1732300000110 implements MigrationInterface {
  name = 'YearlyAccount1732300000110';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE yearly_account_representation (
        participant_id text PRIMARY KEY,
        perspectives_sealed text,
        consent_id text,
        attributes_sealed text
      )`);
    await q.query(`
      CREATE TABLE yearly_account_trainings (
        training_id text PRIMARY KEY,
        organization_id text NOT NULL,
        occurred_on text NOT NULL,
        training jsonb NOT NULL
      )`);
    await q.query(
      `CREATE INDEX yearly_account_trainings_org_idx ON yearly_account_trainings (organization_id, occurred_on)`,
    );
    await q.query(`
      CREATE TABLE yearly_account_measures (
        measure_id text PRIMARY KEY,
        organization_id text NOT NULL,
        year integer NOT NULL,
        what text NOT NULL,
        responsible text NOT NULL,
        deadline text NOT NULL,
        status text NOT NULL,
        registered_at bigint NOT NULL
      )`);
    await q.query(
      `CREATE INDEX yearly_account_measures_org_idx ON yearly_account_measures (organization_id, year)`,
    );
    await q.query(`
      CREATE TABLE yearly_account_budgets (
        organization_id text NOT NULL,
        year integer NOT NULL,
        lines_ore jsonb NOT NULL,
        PRIMARY KEY (organization_id, year)
      )`);
    await q.query(`
      CREATE TABLE yearly_account_spending (
        position bigint PRIMARY KEY,
        organization_id text NOT NULL,
        year integer NOT NULL,
        line text NOT NULL,
        amount_ore bigint NOT NULL,
        spent_on text NOT NULL
      )`);
    await q.query(
      `CREATE INDEX yearly_account_spending_org_idx ON yearly_account_spending (organization_id, year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['spending', 'budgets', 'measures', 'trainings', 'representation'])
      await q.query(`DROP TABLE yearly_account_${table}`);
  }
}
