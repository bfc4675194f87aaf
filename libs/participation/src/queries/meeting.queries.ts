import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed } from '@app/shared-kernel';
import { EventSourcedRepository } from '../application/event-sourced-repository';
import { streams } from '../application/streams';
import { meetingDecider, type GatheringDecisions, type RecordedMeeting } from '../domain';
import type { Page } from './involvement-list.queries';

/** A meeting as the API shows it; `version` is its ETag. */
export interface MeetingView {
  id: string;
  projectId: string;
  form: string;
  heldOn: string;
  status: 'scheduled' | 'cancelled';
  agenda: string | null;
  agendaSetBy: string | null;
  invitationSentAt: string | null;
  documentsSharedAt: string | null;
  minutesRef: string | null;
  feedbackGivenAt: string | null;
  cancellationReason: string | null;
  gatheringDecisions: GatheringDecisions | null;
  version: number;
}

export type MeetingListItem = Omit<MeetingView, 'agenda' | 'agendaSetBy' | 'cancellationReason' | 'version'>;

type Row = {
  meeting_id: string;
  project_id: string;
  form: string;
  held_on: string;
  status: 'scheduled' | 'cancelled';
  invitation_sent_at: Date | null;
  documents_shared_at: Date | null;
  minutes_ref: string | null;
  feedback_given_at: Date | null;
  gathering_decisions: GatheringDecisions | null;
};

/** Cursor = base64url of the last row's (heldOn, meetingId). */
const encode = (item: MeetingListItem) =>
  Buffer.from(JSON.stringify([item.heldOn, item.id])).toString('base64url');

function decode(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string'))
      return value as [string, string];
  } catch {
    // fall through
  }
  throw new ValidationFailed([{ field: 'after', message: 'is not a cursor this API returned' }]);
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function meetingView(state: RecordedMeeting, version: number): MeetingView {
  const { meetingId, status, ...rest } = state;
  return { id: meetingId, status, ...rest, version };
}

/** GET /v1/meetings/{id} (folded from its stream) and a project's meetings (read model participation_meetings). */
@Injectable()
export class MeetingQueries {
  constructor(
    private readonly repository: EventSourcedRepository,
    private readonly db: DataSource,
  ) {}

  async meeting(meetingId: string, asOf?: Date): Promise<MeetingView> {
    const loaded = await this.repository.load(streams.meeting(meetingId), meetingDecider, asOf);
    if (loaded.state.status === 'none') throw new NotFound('Meeting', meetingId);
    return meetingView(loaded.state, loaded.version);
  }

  /** A project's meetings in the order they are held. */
  async forProject(projectId: string, limit: number, after?: string): Promise<Page<MeetingListItem>> {
    const [heldOn, meetingId] = after ? decode(after) : [null, null];
    const rows: Row[] = await this.db.query(
      `SELECT meeting_id, project_id, form, to_char(held_on, 'YYYY-MM-DD') AS held_on, status, invitation_sent_at,
         documents_shared_at, minutes_ref, feedback_given_at, gathering_decisions
       FROM participation_meetings
       WHERE project_id = $1 AND ($2::date IS NULL OR (held_on, meeting_id) > ($2::date, $3::text))
       ORDER BY held_on, meeting_id LIMIT $4`,
      [projectId, heldOn, meetingId, limit + 1],
    );
    const items = rows.slice(0, limit).map((r): MeetingListItem => ({
      id: r.meeting_id,
      projectId: r.project_id,
      form: r.form,
      heldOn: r.held_on,
      status: r.status,
      invitationSentAt: iso(r.invitation_sent_at),
      documentsSharedAt: iso(r.documents_shared_at),
      minutesRef: r.minutes_ref,
      feedbackGivenAt: iso(r.feedback_given_at),
      gatheringDecisions: r.gathering_decisions,
    }));
    return { items, next: rows.length > limit ? encode(items[items.length - 1]) : null };
  }
}
