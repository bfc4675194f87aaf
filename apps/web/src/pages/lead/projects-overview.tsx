import { Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { CodeSelect } from '../../components/fields';
import { Page, Section } from '../../components/page';
import { ProblemAlert } from '../../components/problem-alert';
import { useAction } from '../../components/use-action';
import { loadUntil, useLoad } from '../../components/use-load';
import { go, href } from '../../router';
import { LEVEL_CODES, words } from '../../words';

interface ProjectPage {
  items: Array<{ id: string; name: string; level: string; organizationId: string }>;
}

interface RegionList {
  items: Array<{ region: string; versions: Array<{ label: string; effectiveFrom: string }> }>;
}

export function ProjectsOverview() {
  const projects = useLoad(() => api.get<ProjectPage>('/v1/projects?limit=1000'), 'projects');
  const regions = useLoad(() => api.get<RegionList>('/v1/guidelines'), 'regions');
  const [name, setName] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const [region, setRegion] = useState('');
  const [level, setLevel] = useState('service');
  const [openId, setOpenId] = useState('');
  const regionCodes = regions.data?.items.map((r) => r.region) ?? [];
  const chosenRegion = region || regionCodes[0] || '';

  const create = useAction(async () => {
    const created = await api.post<{ id: string }>('/v1/projects', {
      name: name.trim(),
      organizationId: organizationId.trim(),
      region: chosenRegion,
      level,
    });
    // The list is a read model a moment behind: it shows the new project when it is back here.
    await loadUntil(
      () => api.get<ProjectPage>('/v1/projects?limit=1000'),
      (page) => page.items.some((p) => p.id === created.id),
      8,
    );
    go('prosjekter', created.id);
  });
  const open = useAction(async () => {
    const project = await api.get<{ id: string }>(`/v1/projects/${encodeURIComponent(openId.trim())}`);
    go('prosjekter', project.id);
  });

  return (
    <Page title="Mine prosjekter">
      <Section title="Prosjekter du leder">
        <ProblemAlert error={projects.error} />
        {projects.data && projects.data.items.length === 0 && (
          <Paragraph>Du leder ingen prosjekter ennå.</Paragraph>
        )}
        {projects.data && projects.data.items.length > 0 && (
          <ul>
            {projects.data.items.map((p) => (
              <li key={p.id}>
                <Link href={href('prosjekter', p.id)}>{p.name}</Link> ({words.level(p.level).toLowerCase()},{' '}
                {p.organizationId})
              </li>
            ))}
          </ul>
        )}
        <form
          className="form-row"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void open.act();
          }}
        >
          <Textfield label="Prosjekt-id" value={openId} onChange={(e) => setOpenId(e.target.value)} />
          <Button type="submit" variant="secondary" loading={open.busy}>
            Åpne prosjekt
          </Button>
        </form>
        <ProblemAlert error={open.error} />
      </Section>
      <Section title="Nytt prosjekt">
        <form
          className="form"
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void create.act();
          }}
        >
          <Textfield label="Navn på prosjektet" value={name} onChange={(e) => setName(e.target.value)} />
          <Textfield
            label="Organisasjon"
            description="Helseforetaket eller enheten som eier prosjektet, for eksempel helse-nord"
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
          />
          <CodeSelect
            label="Region (retningslinje for honorar)"
            value={chosenRegion}
            codes={regionCodes}
            word={(code) =>
              regions.data?.items.find((r) => r.region === code)?.versions.at(-1)?.label ?? code
            }
            onChange={setRegion}
          />
          <CodeSelect label="Nivå" value={level} codes={LEVEL_CODES} word={words.level} onChange={setLevel} />
          <ProblemAlert error={create.error ?? regions.error} />
          <div>
            <Button type="submit" loading={create.busy}>
              Opprett prosjekt
            </Button>
          </div>
        </form>
      </Section>
    </Page>
  );
}
