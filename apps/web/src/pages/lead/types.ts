import type { Honorarium } from '../../components/honorarium-table';

export interface Appointment {
  id: string;
  participantId: string;
  role: string;
  from: string;
  to: string | null;
  endedOn: string | null;
}

export interface Project {
  id: string;
  name: string;
  organizationId: string;
  region: string;
  level: string;
  leads: Array<{ sub: string }>;
  appointments: Appointment[];
  version: number;
}

export interface Participant {
  id: string;
  status: string;
  name?: string;
}

export interface InvolvementListItem {
  involvementId: string;
  participantId: string;
  form: string;
  occurredOn: string;
  attendance: string;
  meetingHours: number;
  status: string;
  evidenceKinds: string[];
}

export interface Involvement {
  id: string;
  projectId: string;
  participantId: string;
  form: string;
  occurredOn: string;
  attendance: string;
  hours: { meeting?: number; preparation?: number; travel?: number };
  expenses: Array<{ kind: string; km?: number; amountOre?: number }>;
  topic: string | null;
  status: string;
  corrections: number;
  evidence: Array<{
    kind: string;
    at: string;
    summary?: string;
    decisionRef?: string;
    outcome?: string;
    rationale?: string | null;
    confirmedBy?: string;
  }>;
  version: number;
  history: Array<{ position: number; version: number; type: string; actor: string; recordedAt: string }>;
  honorarium: Honorarium | null;
  payout: { batchId: string; status: string } | null;
}
