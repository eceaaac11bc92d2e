// Starts the real `minitwitter serve` for a test: loopback, a port the kernel picks
// (or `port`, to start again where a stopped one was), an SQLite database in `dataDir`,
// static files from `siteDir`, and the cheap password hash (sign-ups in tests need not
// cost 64 MiB each).

import { spawn } from 'node:child_process';

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 10_000;

export function startServer({ binary, siteDir, dataDir, port = 0 }) {
  const child = spawn(binary, [
    'serve',
    '--bind', '127.0.0.1',
    '--port', String(port),
    '--data-dir', dataDir,
    '--static-dir', siteDir,
    '--threads', '2',
    '--password-cost', 'cheap',
    '--allow-cheap-passwords',
    '--shutdown-grace', '1',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not say where it listens within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk;
      // "minitwitter: serving HTTP ... listening on 127.0.0.1:41234 (...)"
      const match = /listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: `http://127.0.0.1:${match[1]}`,
        port: Number(match[1]),
        log: () => output,
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const killer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(killer);
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot start ${binary}: ${error.message}`));
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
}
