import { Conflict, NotFound } from '@app/shared-kernel';
import { A_NATIONAL_ID } from '../testing/builders';
import { deciderSpec } from '../testing/given-when-then';
import { AddProjectLead, RegisterProject } from './project.commands';
import { projectDecider } from './project.decider';
import { ProjectLeadAdded, ProjectRegistered } from './project.events';

const spec = deciderSpec(projectDecider);
const SEALED = 'pii:v1:AAAAAAAAAAAAAAAA:c2VhbGVk';

const register = (data: Partial<RegisterProject['data']> = {}): RegisterProject => ({
  type: 'RegisterProject',
  data: {
    projectId: 'p-1',
    name: 'Ny pasientreise',
    organizationId: 'org-1',
    region: 'helse-midt-norge',
    level: 'system',
    ...data,
  },
});
const registered: ProjectRegistered = {
  type: 'ProjectRegistered',
  data: {
    projectId: 'p-1',
    name: 'Ny pasientreise',
    description: null,
    organizationId: 'org-1',
    region: 'helse-midt-norge',
    level: 'system',
  },
};
const addLead = (sub: string, sealed?: string): AddProjectLead => ({
  type: 'AddProjectLead',
  data: { projectId: 'p-1', sub, sealed },
});
const leadAdded = (sub: string, sealed: string | null = null): ProjectLeadAdded => ({
  type: 'ProjectLeadAdded',
  data: { projectId: 'p-1', sub, sealed },
});

describe('Project decider', () => {
  describe('RegisterProject', () => {
    it('registers a new project', () => {
      spec().when(register()).then(registered);
    });

    it('refuses a national identity number in the name or description (422)', () => {
      spec()
        .when(register({ name: `Prosjekt ${A_NATIONAL_ID}` }))
        .thenViolates('free-text-contains-national-id');
      spec()
        .when(register({ description: `Kontakt ${A_NATIONAL_ID.slice(0, 6)}.${A_NATIONAL_ID.slice(6)}` }))
        .thenViolates('free-text-contains-national-id');
    });

    it('makes a registering project lead the first lead', () => {
      spec()
        .when(register({ firstLead: { sub: 'lead-1', sealed: SEALED } }))
        .then(registered, leadAdded('lead-1', SEALED));
    });

    it('keeps a description and trims the name', () => {
      spec()
        .when(register({ name: '  Ny pasientreise ', description: 'Brukerutvalg for reiser' }))
        .then({ ...registered, data: { ...registered.data, description: 'Brukerutvalg for reiser' } });
    });

    it('refuses a project registered twice (409)', () => {
      spec(registered).when(register()).thenThrows(Conflict);
    });

    it('refuses an unknown level and missing fields, naming each field', () => {
      spec()
        .when(register({ level: 'national', name: ' ', organizationId: '' }))
        .thenInvalid('level', 'name', 'organizationId');
    });

    it('refuses a lead name in plaintext', () => {
      spec()
        .when(register({ firstLead: { sub: 'lead-1', sealed: 'Kari Nordmann' } }))
        .thenInvalid('firstLead.sealed');
    });
  });

  describe('AddProjectLead', () => {
    it('adds a lead', () => {
      spec(registered).when(addLead('lead-2', SEALED)).then(leadAdded('lead-2', SEALED));
    });

    it('adds nothing when the sub already leads the project', () => {
      spec(registered, leadAdded('lead-2')).when(addLead('lead-2')).thenNothingHappened();
    });

    it('refuses a lead for an unknown project (404)', () => {
      spec().when(addLead('lead-2')).thenThrows(NotFound);
    });

    it('refuses a lead without a sub', () => {
      spec(registered).when(addLead('')).thenInvalid('sub');
    });
  });

  it('evolves leads in order without duplicates', () => {
    const state = [registered, leadAdded('a'), leadAdded('b'), leadAdded('a')].reduce(
      projectDecider.evolve,
      projectDecider.initialState(),
    );
    expect(state).toMatchObject({ status: 'registered', level: 'system', leads: ['a', 'b'] });
  });
});
