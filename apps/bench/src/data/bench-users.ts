/**
 * The accounts the generator creates (documented in bench/notes/data-and-lists.md for the bench runner).
 * They all share one password; the hash is the app's own (argon2id, apps/api/src/auth/auth.service.ts).
 */
export const BENCH_PASSWORD = 'bench-2026';
export const OFFICERS = 200;
export const LEADERS = 20;
export const PARK_COUNT = 10;

/** officer001 … officer200: officer j works in park 1 + (j-1) % 10, in its sub-area ((j-1) / 10) % 3 (0 = the park itself). */
export const officerUsername = (j: number) => `officer${String(j).padStart(3, '0')}`;
/** leader01 … leader20: leader l leads in park 1 + (l-1) % 10. */
export const leaderUsername = (l: number) => `leader${String(l).padStart(2, '0')}`;
/** `manager` sees the whole bureau; manager01 … manager10 one park each. */
export const BUREAU_MANAGER = 'manager';
export const parkManagerUsername = (p: number) => `manager${String(p).padStart(2, '0')}`;
/** Created only when the database has no admin yet (the app's first start creates one otherwise). */
export const BENCH_ADMIN = 'admin';
