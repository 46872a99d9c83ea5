// The Debian programs a few suites drive. `npm test` skips those suites, saying why, where a program is
// missing; under CI=true (as .ci/run runs it) nothing is skipped, so a missing program fails the run.
import { existsSync } from 'node:fs';

/** Each program, where the suites look for it, and the suites (test/<name>.test.ts) that need it. */
export const systemPrograms = {
  chromium: { path: '/usr/bin/chromium', suites: ['web-browser', 'graphiql-browser'] },
  nginx: { path: '/usr/sbin/nginx', suites: ['nginx'] },
} as const;

export type SystemProgram = keyof typeof systemPrograms;

/** How to get the programs: what .ci/run does. */
export const installAdvice = (...programs: SystemProgram[]) =>
  `install ${programs.length > 1 ? 'them' : 'it'} with \`sudo apt-get install -y ${programs.join(' ')}\`, or run \`bash .ci/run\``;

/** The programs that are missing and may be skipped: none under CI=true. */
export function skippedPrograms(): SystemProgram[] {
  if (process.env['CI'] === 'true') return [];
  return (Object.keys(systemPrograms) as SystemProgram[]).filter((name) => !existsSync(systemPrograms[name].path));
}

/** Whether a suite that needs `program` is to be skipped; says so in one line when it is. */
export function skipWithout(program: SystemProgram, suite: string): boolean {
  if (!skippedPrograms().includes(program)) return false;
  console.warn(`skipped ${suite}: ${systemPrograms[program].path} is missing; ${installAdvice(program)}.`);
  return true;
}
