import type { DirectoryStats } from '../bot/api/directoryRoutes';
import type { DirectoryQueries } from '../knowledge/directory/findStructures';
import { todayInParis } from '../knowledge/eligibility';
import { EligibilityDialog } from './eligibility/eligibilityDialog';
import type { Feature } from './feature';
import { OrientationDialog } from './orientation/orientationDialog';
import { SEARCH_DIALOG, SearchDialog } from './search/searchDialog';
import { StatsDialog } from './stats/statsDialog';

export interface FeatureDeps {
  /** Today in France (YYYY-MM-DD); tests fix it. */
  today?: () => string;
  /** The directory of structures; without it, the features that need it are left out. */
  directory?: DirectoryQueries & DirectoryStats;
}

/**
 * Every capability the menu offers, in menu order. A capability appears here only once its dialog
 * exists and is tested, and only when what it needs is there.
 */
export function createFeatures(deps: FeatureDeps = {}): Feature[] {
  const today = deps.today ?? (() => todayInParis());
  const features: Feature[] = [
    {
      id: 'eligibility',
      menuLabelKey: 'eligibilityDialog:menu',
      helpKey: 'eligibilityDialog:helpLine',
      dialog: new EligibilityDialog({ today, searchDialogId: deps.directory ? SEARCH_DIALOG : undefined }),
      intents: ['eligibility'],
      synonyms: ['eligibilite', 'eligibility', 'suis je eligible', 'am i eligible'],
    },
  ];
  if (deps.directory) {
    features.push(
      {
        id: 'search',
        menuLabelKey: 'search:menu',
        helpKey: 'search:helpLine',
        dialog: new SearchDialog({ directory: deps.directory }),
        intents: ['search'],
        synonyms: ['chercher', 'recherche', 'search', 'trouver une structure'],
      },
      {
        id: 'orientation',
        menuLabelKey: 'orientation:menu',
        helpKey: 'orientation:helpLine',
        dialog: new OrientationDialog({ directory: deps.directory, today }),
        intents: ['orientation'],
        synonyms: ['orientation', 'etre oriente', 'qui contacter'],
      },
      {
        id: 'stats',
        menuLabelKey: 'stats:menu',
        helpKey: 'stats:helpLine',
        dialog: new StatsDialog({ directory: deps.directory }),
        intents: ['stats'],
        synonyms: ['stats', 'statistiques', 'chiffres', 'figures'],
      },
    );
  }
  return features;
}

