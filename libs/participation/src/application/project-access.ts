import { Forbidden } from '@app/shared-kernel';
import type { ProjectState } from '../domain';
import type { CommandMeta } from './event-sourced-repository';

/** Admins act on every project; a project lead only on projects that list them as lead. */
export function assertMayActOnProject(
  meta: Pick<CommandMeta, 'actor' | 'roles'>,
  project: ProjectState,
): void {
  if (meta.roles.includes('admin')) return;
  if (
    project.status === 'registered' &&
    meta.roles.includes('project-lead') &&
    project.leads.includes(meta.actor)
  )
    return;
  throw new Forbidden('only an admin or a lead of this project may do this');
}
