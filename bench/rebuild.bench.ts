import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchConfig, rebuildEveryProjection, withApplication } from './support/in-process-app';
import { treeCpuSeconds } from './support/process-cpu';
import { seedScaleWorld } from './support/seed-scale-world';

/**
 * `npm run bench:rebuild -- <dataDir> [involvements]`:
 * seeds the scale world into `dataDir` once (when it does not exist yet),
 * then rebuilds every projection and prints events/s per projection and in
 * all, with CPU and the load average. Run it with `node --cpu-prof` to see
 * where a rebuild's time goes (docs/adr/0023, "Rebuild speed").
 */
async function main(): Promise<void> {
  const [dataDir, size = '5000'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: npm run bench:rebuild -- <dataDir> [involvements]');
  const config = benchConfig(dataDir);
  if (!existsSync(dataDir) || process.argv.includes('--seed')) {
    const involvements = Number(size);
    await withApplication(config, true, (app) =>
      seedScaleWorld(app, {
        involvements,
        participants: Math.max(20, involvements / 50),
        projects: Math.max(4, involvements / 500),
      }),
    );
  }
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const before = treeCpuSeconds(process.pid);
  const times = await withApplication(config, false, (app) => rebuildEveryProjection(app));
  const after = treeCpuSeconds(process.pid);
  for (const p of [...times.perProjection].sort((a, b) => b.seconds - a.seconds))
    process.stdout.write(
      `${p.name.padEnd(40)} ${p.seconds.toFixed(2)} s  ${Math.round(times.events / p.seconds)} events/s\n`,
    );
  process.stdout.write(
    `every projection: ${times.events} events in ${times.seconds.toFixed(2)} s = ${Math.round(times.events / times.seconds)} events/s; CPU ${before === undefined || after === undefined ? 'n/a' : (after - before).toFixed(1)} s; load before ${load}, after ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
