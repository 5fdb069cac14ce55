/** Reading a process tree's memory and CPU time from Linux /proc, for the bench. */
import { readdirSync, readFileSync } from 'node:fs';

function readOr(path: string, fallback: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** Direct children of a process (over all its threads). */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((t) => readOr(`/proc/${pid}/task/${t}/children`, '').trim().split(/\s+/).filter(Boolean).map(Number));
}

/** A process and all its descendants (Prism, for one, serves from a child process). */
export function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid).flatMap(processTree)];
}

/** Resident set size (VmRSS) of a process and all its descendants, in MB; 0 once it is gone. */
export function treeRssMb(pid: number): number {
  const kb = processTree(pid).reduce((sum, p) => sum + Number(/VmRSS:\s+(\d+)/.exec(readOr(`/proc/${p}/status`, ''))?.[1] ?? 0), 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** CPU time (user, system) a process and its descendants have used so far, in µs (clock ticks of 10 ms). */
export function cpuTimeUs(pid: number): { user: number; system: number } {
  const tick = 10_000;
  let user = 0;
  let system = 0;
  for (const p of processTree(pid)) {
    const stat = readOr(`/proc/${p}/stat`, '');
    // Fields after the command name (which may hold spaces) start at index 2: utime is field 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    user += Number(fields[11] ?? 0) * tick;
    system += Number(fields[12] ?? 0) * tick;
  }
  return { user, system };
}
