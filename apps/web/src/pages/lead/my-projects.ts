// The projects a lead has created or opened in this browser. The API has no list of a lead's projects yet.

const KEY = 'brukermedvirkning.mine-prosjekter';

export interface KnownProject {
  id: string;
  name: string;
}

export function knownProjects(sub: string): KnownProject[] {
  try {
    const all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, KnownProject[]>;
    return all[sub] ?? [];
  } catch {
    return [];
  }
}

export function rememberProject(sub: string, project: KnownProject): void {
  let all: Record<string, KnownProject[]> = {};
  try {
    all = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, KnownProject[]>;
  } catch {
    all = {};
  }
  const list = (all[sub] ?? []).filter((p) => p.id !== project.id);
  all[sub] = [project, ...list].slice(0, 50);
  localStorage.setItem(KEY, JSON.stringify(all));
}
