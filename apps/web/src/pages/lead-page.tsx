import { InvolvementView } from './lead/involvement-view';
import { ProjectView } from './lead/project-view';
import { ProjectsOverview } from './lead/projects-overview';

/** The project lead's pages: #/prosjekter, #/prosjekter/{id}, #/prosjekter/{id}/medvirkning/{involvementId}. */
export function LeadPage({ route }: { route: string[] }) {
  const [projectId, part, involvementId] = route;
  if (projectId && part === 'medvirkning' && involvementId)
    return <InvolvementView key={involvementId} projectId={projectId} involvementId={involvementId} />;
  if (projectId) return <ProjectView key={projectId} projectId={projectId} />;
  return <ProjectsOverview />;
}
