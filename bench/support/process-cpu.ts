import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

interface Stat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime: the process's CPU and that of its children already reaped. */
  ticks: number;
}

function stat(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 is the command in parentheses and may hold spaces: count the fields after its ")".
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const field = (n: number) => Number(rest[n - 3]);
    return { pid, ppid: field(4), ticks: field(14) + field(15) + field(16) + field(17) };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds spent so far by `root` and every process below it (an API and
 * the embedded PostgreSQL it started, backends included), or undefined off
 * Linux. Unlike wall time, it hardly changes with the machine's load: the
 * difference across an operation is what the operation cost.
 */
export function treeCpuSeconds(root: number | undefined): number | undefined {
  if (root === undefined) return undefined;
  let stats: Stat[];
  try {
    stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map((name) => stat(Number(name)))
      .filter((s): s is Stat => s !== undefined);
  } catch {
    return undefined;
  }
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stats)
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
  }
  if (!stats.some((s) => s.pid === root)) return undefined;
  const ticks = stats.filter((s) => inTree.has(s.pid)).reduce((sum, s) => sum + s.ticks, 0);
  return ticks / TICKS_PER_SECOND;
}
