import { Initial1795576931572 } from './1795576931572-Initial';
import { SearchIndexes1795576931573 } from './1795576931573-SearchIndexes';
import { SeedDictionaries1795576931574 } from './1795576931574-SeedDictionaries';
import { ReminderChannels1795580803019 } from './1795580803019-ReminderChannels';
import { ReminderEngine1795581381609 } from './1795581381609-ReminderEngine';
import { ProjectsKeysetIndex1795582343516 } from './1795582343516-ProjectsKeysetIndex';
import { ListKeysetIndexes1795590000001 } from './1795590000001-ListKeysetIndexes';
import { ProjectStageDerived1795591000001 } from './1795591000001-ProjectStageDerived';
import { AnalyticsCoveringIndexes1795591000002 } from './1795591000002-AnalyticsCoveringIndexes';
import { AnalyticsLeaderIndexes1795591000003 } from './1795591000003-AnalyticsLeaderIndexes';
import { IdleLandRule1795592000001 } from './1795592000001-IdleLandRule';
import { ProjectsFollowUpIndex1795593000001 } from './1795593000001-ProjectsFollowUpIndex';
import { ProjectSearchColumns1795594000001 } from './1795594000001-ProjectSearchColumns';
import { AnalyticsRollup1795595000001 } from './1795595000001-AnalyticsRollup';
import { AnalyticsScopeCoveringIndexes1795596000001 } from './1795596000001-AnalyticsScopeCoveringIndexes';
import { AnalyticsFunnelRollup1795597000001 } from './1795597000001-AnalyticsFunnelRollup';
import { LeadFunnelCoveringIndex1795597000002 } from './1795597000002-LeadFunnelCoveringIndex';

/** Every migration, oldest first. A new one is generated with `npm run migration:generate` and added here. */
export const MIGRATIONS: Function[] = [
  Initial1795576931572,
  SearchIndexes1795576931573,
  SeedDictionaries1795576931574,
  ReminderChannels1795580803019,
  ReminderEngine1795581381609,
  ProjectsKeysetIndex1795582343516,
  ListKeysetIndexes1795590000001,
  ProjectStageDerived1795591000001,
  AnalyticsCoveringIndexes1795591000002,
  AnalyticsLeaderIndexes1795591000003,
  IdleLandRule1795592000001,
  ProjectsFollowUpIndex1795593000001,
  ProjectSearchColumns1795594000001,
  AnalyticsRollup1795595000001,
  AnalyticsScopeCoveringIndexes1795596000001,
  AnalyticsFunnelRollup1795597000001,
  LeadFunnelCoveringIndex1795597000002,
];
