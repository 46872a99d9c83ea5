import { z } from 'zod';

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().trim().min(1).optional(),
});

/** Settings read from the environment, validated once at start-up. */
export interface Config {
  port: number;
  /** Interface to listen on; all interfaces when unset. */
  host: string | undefined;
}

/** Reads and validates the settings; throws one readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration. ${problems.join('; ')}`);
  }
  return { port: parsed.data.PORT, host: parsed.data.HOST };
}
