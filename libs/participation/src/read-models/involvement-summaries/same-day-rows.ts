/** Anything that runs SQL: the DataSource, or a connection that holds a lock. */
export type Queryable = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

export type SameDayRow = { involvement_id: string; logged_at: Date };

/**
 * A person's active involvements on one day, in logging order, as the read
 * model has them: what the honorarium's daily cap and the day's 24 hours
 * (docs/adr/0011) both start from. Callers load each stream for the truth.
 */
export async function sameDayRows(db: Queryable, participantId: string, day: string): Promise<SameDayRow[]> {
  return (await db.query(
    `SELECT involvement_id, logged_at FROM participation_involvements
     WHERE participant_id = $1 AND occurred_on = $2 AND status = 'logged' ORDER BY logged_at, involvement_id`,
    [participantId, day],
  )) as SameDayRow[];
}
