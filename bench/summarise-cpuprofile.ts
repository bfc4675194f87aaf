import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench:profile -- <dir or .cpuprofile>`: where the API process spent
 * its CPU, from a V8 CPU profile written by `npm run bench:http -- --cpu-prof`
 * (docs/adr/0019). Only the samples inside the measured load window are
 * counted when the directory holds the bench's load-window.json. Prints self
 * and inclusive time by area (an area counts once per sample, however deep it
 * recurs), per request when the request count is known, and the top functions.
 */
export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
export interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}
export interface LoadWindow {
  start: number;
  end: number;
  requests?: number;
}

/** First match wins: [area, test on the frame's url and function name]. */
const AREAS: Array<[string, (url: string, fn: string) => boolean]> = [
  ['idle', (_u, fn) => fn === '(idle)'],
  ['garbage collection', (_u, fn) => fn === '(garbage collector)'],
  ['V8/native (program)', (_u, fn) => fn === '(program)'],
  // Native socket writes: each statement to PostgreSQL and each HTTP answer is one syscall.
  [
    'socket writes (native writev/writeBuffer)',
    (u, fn) => u === '' && /^write(v|Buffer|Utf8String|Latin1String|AsciiString)$/.test(fn),
  ],
  ['microtask queue (runMicrotasks)', (u, fn) => u === '' && fn === 'runMicrotasks'],
  ['bench instrumentation (count-pg-queries)', (u) => u.includes('/dist/bench/')],
  [
    'validation (class-validator/transformer)',
    (u) =>
      /node_modules\/(class-validator|class-transformer|validator|libphonenumber)/.test(u) ||
      u.includes('/http/validation/'),
  ],
  ['auth (jose, guard)', (u) => u.includes('/node_modules/jose/') || u.includes('/http/auth/')],
  ['idempotency', (u) => u.includes('/idempotency/')],
  ['pg driver', (u) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|postgres-[a-z]+|pgpass)\//.test(u)],
  ['TypeORM', (u) => u.includes('/node_modules/typeorm/')],
  ['projections and read models', (u) => /\/(projections|read-models|subscriptions)\//.test(u)],
  ['event store (append, load, hashing)', (u) => u.includes('/libs/event-store/')],
  ['sealing and personal data', (u) => /seal|personal-data|national-id/.test(u)],
  ['repository, command handlers', (u) => /\/libs\/[a-z-]+\/src\/(application|commands)\//.test(u)],
  ['domain (deciders)', (u) => /\/libs\/[a-z-]+\/src\/domain\//.test(u)],
  ['audit, access log, notary', (u) => u.includes('/libs/audit/')],
  ['messaging, outbox', (u) => u.includes('/libs/messaging/')],
  ['shared kernel (canonical JSON, ids)', (u) => u.includes('/libs/shared-kernel/')],
  ['platform (logging, config, db)', (u) => u.includes('/libs/platform/')],
  ['metrics (prom-client)', (u) => u.includes('/node_modules/prom-client/')],
  [
    'Express/Nest pipeline',
    (u) =>
      /node_modules\/(@nestjs|express|body-parser|router|raw-body|path-to-regexp|finalhandler|on-finished|send|serve-static|rxjs|iconv-lite|type-is|content-type|qs|accepts|negotiator|media-typer|mime-types|etag|fresh|statuses|http-errors|depd|debug|cookie|proxy-addr|forwarded|vary|encodeurl|escape-html|parseurl)\//.test(
        u,
      ) || u.includes('/node_modules/reflect-metadata/'),
  ],
  ['API http layer (apps/api)', (u) => u.includes('/apps/api/')],
  ['JSON (parse, stringify)', (u, fn) => u === '' && (fn === 'parse' || fn === 'stringify')],
  ['other node_modules', (u) => u.includes('/node_modules/')],
  [
    'Node core: http, net, streams',
    (u) => /^node:(_http|http|net|stream|internal\/(streams|http|stream_base))/.test(u),
  ],
  ['Node core: crypto', (u) => /^node:(crypto|internal\/crypto)/.test(u)],
  ['Node core: timers, async, other', (u) => u.startsWith('node:')],
  ['V8 builtins and natives', (u) => u === ''],
];
const UNCLASSIFIED = 'other';

export function areaOf({ url, functionName }: CallFrame): string {
  return AREAS.find(([, test]) => test(url, functionName))?.[0] ?? UNCLASSIFIED;
}

function load(path: string): { profile: CpuProfile; window?: LoadWindow; file: string } {
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  if (!statSync(path).isDirectory()) return { profile: read(path), file: path };
  const files = readdirSync(path).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${path}`);
  const file = join(
    path,
    files.sort((a, b) => statSync(join(path, b)).size - statSync(join(path, a)).size)[0],
  );
  const windowFile = join(path, 'load-window.json');
  let window: LoadWindow | undefined;
  try {
    window = JSON.parse(readFileSync(windowFile, 'utf8')) as LoadWindow;
  } catch {
    window = undefined;
  }
  return { profile: read(file), window, file };
}

export interface Summary {
  /** Whether only the samples inside the load window were counted. */
  windowed: boolean;
  /** µs in the counted samples, and of those not idle. */
  total: number;
  busy: number;
  self: Map<string, number>;
  inclusive: Map<string, number>;
  fnSelf: Map<string, number>;
  fnInclusive: Map<string, number>;
}

/** µs by area and by function, self and inclusive, of the samples inside the window (all when none fits). */
export function summarise(profile: CpuProfile, window?: LoadWindow): Summary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const windowFits =
    window !== undefined && window.start >= profile.startTime && window.end <= profile.endTime;
  const inside = windowFits ? (t: number) => t >= window.start && t <= window.end : () => true;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const fnSelf = new Map<string, number>();
  const fnInclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let total = 0;
  let busy = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (!inside(t)) continue;
    const us = profile.timeDeltas[i + 1] ?? 0;
    const leaf = byId.get(profile.samples[i]);
    if (!leaf) continue;
    total += us;
    const leafArea = areaOf(leaf.callFrame);
    add(self, leafArea, us);
    add(fnSelf, frameName(leaf.callFrame), us);
    if (leafArea !== 'idle') busy += us;
    const areas = new Set<string>();
    const fns = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const frame = (byId.get(id) as ProfileNode).callFrame;
      if (frame.functionName === '(root)') continue;
      areas.add(areaOf(frame));
      fns.add(frameName(frame));
    }
    for (const area of areas) add(inclusive, area, us);
    for (const fn of fns) add(fnInclusive, fn, us);
  }

  return { windowed: windowFits, total, busy, self, inclusive, fnSelf, fnInclusive };
}

function main(path: string | undefined): void {
  if (!path) throw new Error('usage: npm run bench:profile -- <profile dir or .cpuprofile>');
  const { profile, window, file } = load(path);
  const { windowed, total, busy, self, inclusive, fnSelf, fnInclusive } = summarise(profile, window);
  if (window && !windowed) console.log('the load window lies outside the profile: counting all samples');
  const requests = windowed ? window?.requests : undefined;
  const seconds = total / 1e6;
  console.log(`${file}`);
  console.log(
    `${windowed ? 'measured load window' : 'whole profile'}: ${seconds.toFixed(1)} s, busy ${((busy / total) * 100).toFixed(0)} % of one core${requests ? `, ${requests} requests: ${(busy / requests / 1000).toFixed(2)} ms of main-thread busy time per request (wall time while not idle: on a loaded machine it includes time descheduled)` : ''}`,
  );
  const table = (title: string, map: Map<string, number>, limit: number) => {
    console.log(`\n${title}`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
      const perRequest = requests ? `${(us / requests / 1000).toFixed(3).padStart(8)} ms/req` : '';
      console.log(
        `${((us / total) * 100).toFixed(1).padStart(6)} %  ${(us / 1000).toFixed(0).padStart(8)} ms ${perRequest}  ${key}`,
      );
    }
  };
  table('self time by area', self, AREAS.length + 1);
  table('inclusive time by area (each area once per sample)', inclusive, AREAS.length + 1);
  table('top functions by self time', fnSelf, 30);
  table('top functions by inclusive time', fnInclusive, 40);
}

/** `name (path:line)`, with the path cut to what follows the repository or node_modules. */
function frameName({ functionName, url, lineNumber }: CallFrame): string {
  const short = url
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, '')
    .replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'}${short ? ` (${short}:${lineNumber + 1})` : ''}`;
}

if (require.main === module) {
  try {
    main(process.argv[2]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
