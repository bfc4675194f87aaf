import { nationalIdOfThisTest } from './builders';

/** The three commands that create something, with what input each requires (docs/api.md, Endpoints). */
export interface Command {
  path: (projectId: string) => string;
  valid: (participantId: string) => Record<string, unknown>;
  required: string[];
  wrongTypes: Array<[Record<string, unknown>, string]>;
  stream: string;
}

export const COMMANDS: Record<string, Command> = {
  'POST /v1/projects': {
    path: () => '/v1/projects',
    valid: () => ({
      name: 'Brukerråd',
      organizationId: 'helse-nord',
      region: 'helse-midt-norge',
      level: 'service',
    }),
    required: ['name', 'organizationId', 'region', 'level'],
    wrongTypes: [[{ name: 42 }, 'name']],
    stream: 'project',
  },
  'POST /v1/participants': {
    path: () => '/v1/participants',
    valid: () => ({
      name: 'Kari Nordmann',
      nationalId: nationalIdOfThisTest(),
      bankAccount: '1234 56 78903',
    }),
    required: ['name'],
    wrongTypes: [[{ name: 42 }, 'name']],
    stream: 'participant',
  },
  'POST /v1/projects/{id}/involvements': {
    path: (projectId) => `/v1/projects/${projectId}/involvements`,
    valid: (participantId) => ({
      participantId,
      form: 'dialogue',
      occurredOn: '2025-03-10',
      attendance: 'remote',
      hours: { meeting: 1.5 },
    }),
    required: ['participantId', 'form', 'occurredOn', 'attendance', 'hours'],
    wrongTypes: [
      [{ hours: { meeting: '2' } }, 'hours.meeting'],
      [{ occurredOn: 20250310 }, 'occurredOn'],
    ],
    stream: 'involvement',
  },
};
