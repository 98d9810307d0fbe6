import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // Linux USER_HZ

interface ProcStat {
  ppid: number;
  cpu: number;
}

function procStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

/** CPU seconds per process id (user + system), for the processes given and their children. */
export type CpuSample = Map<number, number>;

/**
 * Where the machine's CPU goes during a window: samples the private Redis server, the
 * PostgreSQL postmaster with all its backends, and this process. A process that starts during
 * the window counts from zero; one that ends during it is lost (pool connections stay open).
 */
export class ServiceCpu {
  constructor(
    private readonly redisPort: number,
    private readonly postgresDataDir: string,
  ) {}

  private redisPid(): number | null {
    for (const pid of allPids()) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        if (cmd.includes('redis-server') && cmd.includes(`:${this.redisPort}`)) return pid;
      } catch {
        // gone
      }
    }
    return null;
  }

  private postmasterPid(): number | null {
    try {
      return Number(readFileSync(`${this.postgresDataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
    } catch {
      return null;
    }
  }

  sample(): { redis: CpuSample; postgres: CpuSample; bench: number } {
    const redis: CpuSample = new Map();
    const postgres: CpuSample = new Map();
    const rpid = this.redisPid();
    const ppid = this.postmasterPid();
    if (rpid) redis.set(rpid, procStat(rpid)?.cpu ?? 0);
    for (const pid of allPids()) {
      const s = procStat(pid);
      if (s && ppid && (pid === ppid || s.ppid === ppid)) postgres.set(pid, s.cpu);
    }
    const own = process.cpuUsage();
    return { redis, postgres, bench: (own.user + own.system) / 1e6 };
  }

  /** CPU seconds used between two samples. */
  static diff(
    from: ReturnType<ServiceCpu['sample']>,
    to: ReturnType<ServiceCpu['sample']>,
  ): { redis: number; postgres: number; bench: number } {
    const sum = (a: CpuSample, b: CpuSample) =>
      [...b].reduce((total, [pid, cpu]) => total + cpu - (a.get(pid) ?? 0), 0);
    const r = (x: number) => Number(x.toFixed(2));
    return {
      redis: r(sum(from.redis, to.redis)),
      postgres: r(sum(from.postgres, to.postgres)),
      bench: r(to.bench - from.bench),
    };
  }
}
