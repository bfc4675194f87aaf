import { DomainCommand, SealedPersonalData } from '../common';

export type NewLead = { sub: string; sealed?: SealedPersonalData };

export type RegisterProject = DomainCommand<
  'RegisterProject',
  {
    projectId: string;
    name: string;
    description?: string;
    organizationId: string;
    region: string;
    level: string;
    /** A project lead who registers a project becomes its first lead. */
    firstLead?: NewLead;
  }
>;

export type AddProjectLead = DomainCommand<'AddProjectLead', { projectId: string } & NewLead>;

/** A decision milestone of the project (mandate set, options chosen, decision taken): "involved early" is judged by them. */
export type RecordMilestone = DomainCommand<
  'RecordMilestone',
  { projectId: string; milestoneId: string; kind: string; at: string; ref?: string | null }
>;

export type ProjectCommand = RegisterProject | AddProjectLead | RecordMilestone;
