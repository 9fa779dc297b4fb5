import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Rewritten by every heartbeat the worker processes. The worker has no HTTP port: its container healthcheck
 * checks that this file is younger than a few heartbeat periods (docker-compose.yml).
 */
export const WORKER_HEALTH_FILE = join(tmpdir(), 'zhaoshang-worker.health');
