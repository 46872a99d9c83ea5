// Preloaded by profile.ts: SIGUSR2 ends the server with a normal exit, so `--cpu-prof` writes its profile.
process.on('SIGUSR2', () => process.exit(0));
