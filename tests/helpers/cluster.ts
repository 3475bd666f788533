import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A one-node Slurm cluster and an sshd, started by the tests on this machine (Debian's
 * slurm-wlm, munge and openssh-server, which .ci/run installs) and stopped after: every file,
 * socket and port is the test's own, so nothing of the machine's is touched.
 */

/** Why these daemons cannot run here, or null when they can. */
export function cannotRun(binaries: string[]): string | null {
  if (process.platform !== 'linux') return 'they run on Linux only';
  if (userInfo().uid !== 0) return 'their daemons are started as root (as CI runs the suite)';
  const missing = binaries.filter((b) => !existsSync(b));
  return missing.length ? `${missing.join(', ')} missing (apt-get install slurm-wlm munge openssh-server)` : null;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A daemon in the foreground; what it said is written to `log` when it exits. */
function daemon(command: string, args: string[], log: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  child.stdout!.on('data', (d) => lines.push(String(d)));
  child.stderr!.on('data', (d) => lines.push(String(d)));
  child.on('exit', () => writeFileSync(log, lines.join('')));
  return child;
}

/**
 * Polls until `ready` holds, for at most `tries` polls 0.2 s apart; false when it never did.
 * A daemon that does not come up in minutes will not: the test then says so and is skipped.
 */
async function until(ready: () => boolean, tries = 600): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (ready()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** A daemon did not come up: why, with what it logged. */
export class CannotStartError extends Error {}

/** Starts daemons for a test; where they cannot come up, says why (the test is then skipped with it). */
export async function startOrSayWhy<T>(start: () => Promise<T>, test: string): Promise<{ started?: T; why: string }> {
  try {
    return { started: await start(), why: '' };
  } catch (err) {
    if (!(err instanceof CannotStartError)) throw err;
    console.warn(`${test} skipped: ${err.message}`);
    return { why: err.message };
  }
}

export interface Slurm {
  dir: string;
  /** The environment sbatch, squeue and scancel need to reach this cluster. */
  env: NodeJS.ProcessEnv;
  run(command: string, args: string[]): string;
  stop(): Promise<void>;
}

export const SLURM_BINARIES = ['/usr/sbin/munged', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch'];

export async function startSlurm(): Promise<Slurm> {
  const dir = mkdtempSync(join(tmpdir(), 'jingdu-slurm-'));
  for (const d of ['state', 'spool', 'log']) mkdirSync(join(dir, d));
  const key = join(dir, 'munge.key');
  writeFileSync(key, execFileSync('head', ['-c', '1024', '/dev/urandom']));
  chmodSync(key, 0o600);
  const socket = join(dir, 'munge.sock');
  const munged = daemon('/usr/sbin/munged', ['-F', '--force', `--socket=${socket}`, `--key-file=${key}`, `--log-file=${join(dir, 'log', 'munged.log')}`, `--pid-file=${join(dir, 'munged.pid')}`, `--seed-file=${join(dir, 'munged.seed')}`], join(dir, 'log', 'munged.out'));
  if (!(await until(() => existsSync(socket)))) throw new CannotStartError('munged did not create its socket');

  // Named localhost, at 127.0.0.1: nothing depends on the machine's own name resolving.
  const node = 'localhost';
  const conf = join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=jingdu',
      `SlurmctldHost=${node}`,
      // Nothing but this machine: no cluster-wide names to look up.
      'CommunicationParameters=NoAddrCache',
      `SlurmctldPort=${await freePort()}`,
      `SlurmdPort=${await freePort()}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      `StateSaveLocation=${join(dir, 'state')}`,
      `SlurmdSpoolDir=${join(dir, 'spool')}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(dir, 'log', 'slurmctld.log')}`,
      `SlurmdLogFile=${join(dir, 'log', 'slurmd.log')}`,
      // No cgroups: the tasks are plain processes, as on a container or a laptop.
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_CPU',
      'MpiDefault=none',
      'ReturnToService=2',
      'JobCompType=jobcomp/none',
      'AccountingStorageType=accounting_storage/none',
      `NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus().length} State=UNKNOWN`,
      'PartitionName=jingdu Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, SLURM_CONF: conf };
  const ctld = daemon('/usr/sbin/slurmctld', ['-D', '-f', conf], join(dir, 'log', 'slurmctld.out'), env);
  const slurmd = daemon('/usr/sbin/slurmd', ['-D', '-N', node, '-f', conf], join(dir, 'log', 'slurmd.out'), env);
  const run = (command: string, args: string[]) => execFileSync(command, args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = async () => {
    for (const p of [slurmd, ctld, munged]) p.kill('SIGTERM');
    await Promise.all([slurmd, ctld, munged].map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
    rmSync(dir, { recursive: true, force: true });
  };
  const idle = await until(() => {
    if (ctld.exitCode !== null || slurmd.exitCode !== null) return true; // a daemon gave up: no use waiting
    try {
      return /idle/.test(run('sinfo', ['-h', '-o', '%T']));
    } catch {
      return false;
    }
  });
  if (!idle || ctld.exitCode !== null || slurmd.exitCode !== null) {
    const logs = ['slurmctld.log', 'slurmd.log'].map((f) => join(dir, 'log', f)).filter(existsSync).map((f) => readFileSync(f, 'utf8').trim().split('\n').slice(-3).join(' | '));
    await stop();
    throw new CannotStartError(`the one-node cluster did not come up: ${logs.join(' / ') || 'no log'}`);
  }
  return { dir, env, run, stop };
}

export interface Sshd {
  /** The ssh command that logs in to it (a throwaway key, no host key kept). */
  ssh: string;
  logins: string[];
  stop(): Promise<void>;
}

export const SSHD_BINARIES = ['/usr/sbin/sshd', '/usr/bin/ssh', '/usr/bin/ssh-keygen', '/usr/bin/parallel'];

/** An sshd on 127.0.0.1 and a high port, with a throwaway host key and client key. */
export async function startSshd(): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), 'jingdu-sshd-'));
  for (const k of ['host', 'client']) execFileSync('/usr/bin/ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, k)]);
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client.pub')));
  const port = await freePort();
  const config = join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'UsePAM no',
      'StrictModes no',
      'PermitRootLogin prohibit-password',
      '',
    ].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true }); // its privilege separation directory
  const sshd = daemon('/usr/sbin/sshd', ['-D', '-e', '-f', config], join(dir, 'sshd.log'));
  const ssh = `ssh -p ${port} -i ${join(dir, 'client')} -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR`;
  const user = userInfo().username;
  const up = await until(() => {
    if (sshd.exitCode !== null) return true;
    try {
      execFileSync('/bin/sh', ['-c', `${ssh} ${user}@127.0.0.1 true`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!up || sshd.exitCode !== null) {
    sshd.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw new CannotStartError('sshd did not accept the throwaway key');
  }
  return {
    ssh,
    // Two "machines": two logins to this sshd, as parallel -S sees them.
    logins: [`1/${user}@127.0.0.1`, `1/${user}@localhost`],
    async stop() {
      sshd.kill('SIGTERM');
      if (sshd.exitCode === null) await new Promise((r) => sshd.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
