import { DomainEvent, ParticipationLevel, SealedPersonalData } from '../common';

export type ProjectRegistered = DomainEvent<
  'ProjectRegistered',
  {
    projectId: string;
    name: string;
    description: string | null;
    /** The health trust or unit that owns the project; its region picks the honorarium guideline. */
    organizationId: string;
    region: string;
    level: ParticipationLevel;
  }
>;

/** A project lead (prosjektleder) may log involvements in the project. */
export type ProjectLeadAdded = DomainEvent<
  'ProjectLeadAdded',
  {
    projectId: string;
    /** The lead's subject from the identity provider: an id, not a name. */
    sub: string;
    /** The lead's display name, sealed by the vault, when one was given. */
    sealed: SealedPersonalData | null;
  }
>;

export const MILESTONE_KINDS = ['mandate-set', 'options-chosen', 'decision-taken'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** A decision milestone; `ref` names the decision (a case or document number), plain text about no person. */
export type MilestoneRecorded = DomainEvent<
  'MilestoneRecorded',
  { projectId: string; milestoneId: string; kind: MilestoneKind; at: string; ref: string | null }
>;

export type ProjectEvent = ProjectRegistered | ProjectLeadAdded | MilestoneRecorded;
