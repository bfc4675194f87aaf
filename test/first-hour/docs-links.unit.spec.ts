import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * A fresh clone has nothing beside it: every Markdown file's links stay
 * inside the repository (web addresses of public sources aside) and point at
 * something that exists, down to the heading.
 */
const ROOT = resolve(__dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', '.data', '.scratch', 'coverage']);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** Inline links and images `[text](target)`, outside code blocks and code spans. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '');
  return new Set(
    [...prose.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

/** Every problem with one file's links: leaving the repository, or pointing at nothing. */
export function linkProblems(file: string, markdown: string, root = ROOT): string[] {
  const problems: string[] = [];
  if (/shared\/design/.test(markdown)) problems.push(`${relative(root, file)} mentions shared/design`);
  // The design notes a clone does not have, by their old names: the repository's own are under docs/.
  for (const name of markdown.match(/\b(ARCHITECTURE|DOMAIN|API|GUIDELINES|STYLE)\.md\b/g) ?? [])
    problems.push(`${relative(root, file)} names ${name}, which the repository does not have`);
  for (const link of links(markdown)) {
    if (/^(https?:|mailto:)/.test(link)) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('/')) {
      problems.push(`${relative(root, file)}: ${link} is not a path inside the repository`);
      continue;
    }
    const [path, fragment] = link.split('#');
    const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    if (target !== root && !target.startsWith(root + sep)) {
      problems.push(`${relative(root, file)}: ${link} leaves the repository`);
      continue;
    }
    if (!existsSync(target)) {
      problems.push(`${relative(root, file)}: ${link} points at nothing`);
      continue;
    }
    if (fragment && statSync(target).isFile() && target.endsWith('.md')) {
      if (!anchors(readFileSync(target, 'utf8')).has(fragment))
        problems.push(`${relative(root, file)}: ${link} has no heading #${fragment}`);
    }
  }
  return problems;
}

describe('documentation links', () => {
  const files = markdownFiles(ROOT);

  it('finds the README, the docs and every lib README', () => {
    const names = files.map((f) => relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        'README.md',
        join('docs', 'architecture.md'),
        join('docs', 'domain.md'),
        join('docs', 'api.md'),
        join('docs', 'configuration.md'),
        join('docs', 'operations.md'),
        join('docs', 'guidelines.md'),
        join('libs', 'platform', 'README.md'),
      ]),
    );
  });

  it('never leave the repository and never point at nothing', () => {
    expect(files.flatMap((file) => linkProblems(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('catches a link out of the repository, a missing file and a missing heading', () => {
    const readme = join(ROOT, 'README.md');
    // Spelled in parts so that no file of the repository itself holds a link out of it.
    const outside = ['..', 'shared', 'design', 'x.md'].join('/');
    expect(
      linkProblems(
        readme,
        `See [design](${outside}) and DOMAIN.md, [gone](docs/nothing.md), [anchor](docs/api.md#no-such-heading), [file](file:///etc/passwd) and [ok](docs/api.md#conventions) and [web](https://lovdata.no/).`,
      ),
    ).toEqual([
      'README.md mentions shared/design',
      'README.md names DOMAIN.md, which the repository does not have',
      `README.md: ${outside} leaves the repository`,
      'README.md: docs/nothing.md points at nothing',
      'README.md: docs/api.md#no-such-heading has no heading #no-such-heading',
      'README.md: file:///etc/passwd is not a path inside the repository',
    ]);
  });
});
