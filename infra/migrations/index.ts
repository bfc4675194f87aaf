import { EventStore1732300000000 } from './1732300000000-event-store';
import { ProjectionCheckpoints1732300000001 } from './1732300000001-projection-checkpoints';

/**
 * Every schema change, in order. Read models use migrations, never `synchronize`.
 * A new context adds its migrations here.
 */
export const migrations = [EventStore1732300000000, ProjectionCheckpoints1732300000001];
