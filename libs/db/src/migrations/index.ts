import { Initial1795576931572 } from './1795576931572-Initial';
import { SearchIndexes1795576931573 } from './1795576931573-SearchIndexes';
import { SeedDictionaries1795576931574 } from './1795576931574-SeedDictionaries';

/** Every migration, oldest first. A new one is generated with `npm run migration:generate` and added here. */
export const MIGRATIONS: Function[] = [Initial1795576931572, SearchIndexes1795576931573, SeedDictionaries1795576931574];
