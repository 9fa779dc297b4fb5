/**
 * Preloaded (`node --require`) into the processes the launcher starts. They run in their own process group,
 * so that Ctrl-C reaches only the launcher, which stops them in order; if the launcher itself dies
 * (its IPC channel closes), they stop themselves gracefully instead of running on orphaned.
 */
if (process.send) {
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
