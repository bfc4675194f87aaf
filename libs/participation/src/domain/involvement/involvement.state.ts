import { Evidence } from './evidence';
import { Classification, InvolvementDetails } from './involvement.details';
import { ParticipantVoice } from './participant-voice';
import { InMeeting } from './involvement.events';

export type EvidenceRecord = { evidenceId: string; evidence: Evidence };

export type InvolvementState =
  | { status: 'none' }
  | ({
      status: 'logged' | 'voided';
      involvementId: string;
      projectId: string;
      participantId: string;
      evidence: readonly EvidenceRecord[];
      corrections: number;
    } & InvolvementDetails &
      Classification &
      ParticipantVoice &
      InMeeting);

export type RecordedInvolvement = Extract<InvolvementState, { involvementId: string }>;

export const initialInvolvementState = (): InvolvementState => ({ status: 'none' });
