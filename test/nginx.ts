// Runs deploy/nginx.conf itself, on loopback, in front of a StatusQL server (test/nginx.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemPrograms } from './system-programs.js';

export const nginxBinary = systemPrograms.nginx.path;
const deployConf = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));

/** A port nothing listens on now (the kernel's pick: nginx needs a number in its config). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Whether 127.0.0.1:port accepts a connection now. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Replaces `from` exactly once: if deploy/nginx.conf drifted, fail rather than test something else. */
function replaceOnce(text: string, from: string, to: string): string {
  const count = text.split(from).length - 1;
  if (count !== 1) throw new Error(`deploy/nginx.conf: expected \`${from}\` once, found it ${count} times`);
  return text.replace(from, () => to);
}

/**
 * nginx running deploy/nginx.conf, changed only in where it listens, its upstream and its cache
 * directory, with everything it writes in a fresh temporary directory. Throws (so the tests fail,
 * never skip) without nginx.
 */
export async function startNginx(
  upstreamPort: number,
): Promise<{ origin: string; port: number; close: () => Promise<void> }> {
  if (!existsSync(nginxBinary)) {
    throw new Error(
      `${nginxBinary} is missing: install Debian's nginx (apt-get install -y --no-install-recommends nginx), as .ci/run does`,
    );
  }
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'statusql-nginx-'));
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> = Promise.resolve();
  const close = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGQUIT'); // graceful shutdown; SIGKILL if it hangs
      const timer = setTimeout(() => child?.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // Started as root, nginx's workers run as nobody: they must reach the cache inside dir.
    await chmod(dir, 0o755);
    let site = await readFile(deployConf, 'utf8');
    site = replaceOnce(site, 'server 127.0.0.1:4000;', `server 127.0.0.1:${upstreamPort};`);
    site = replaceOnce(site, 'listen 80;', `listen 127.0.0.1:${port};`);
    site = replaceOnce(site, 'proxy_cache_path /var/lib/nginx/statusql', `proxy_cache_path ${dir}/cache`);
    await writeFile(join(dir, 'statusql.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (name) => `${name}_temp_path ${dir}/${name};`,
    );
    await writeFile(
      join(dir, 'nginx.conf'),
      `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  ${temp.join('\n  ')}
  include ${dir}/statusql.conf;
}
`,
    );
    // -e: nginx opens its compiled-in /var/log/nginx/error.log before it reads nginx.conf.
    const nginx = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
      stdio: 'pipe',
    });
    child = nginx;
    exited = new Promise((resolve) => nginx.once('exit', resolve));
    let output = '';
    nginx.stdout.on('data', (chunk) => (output += chunk));
    nginx.stderr.on('data', (chunk) => (output += chunk));
    for (const deadline = Date.now() + 10_000; !(await accepts(port));) {
      if (nginx.exitCode !== null || Date.now() > deadline) {
        throw new Error(`nginx is not listening on ${port} (exit ${nginx.exitCode}):\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { origin: `http://127.0.0.1:${port}`, port, close };
}
