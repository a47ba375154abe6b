import type { DirectoryReader } from '../knowledge/directory/directoryPort';
import { legalTimeZone, todayIn } from '../knowledge/calendar';
import { servedPlace } from '../knowledge/territory';
import type { AdviserRegistry } from '../stores/requests/adviserRegistry';
import type { RequestRepository } from '../stores/requests/requestRepository';
import { AdviserDialog } from './requests/adviserDialog';
import { adviserAudience, PersonalOnlyDialog } from './requests/adviserAccess';
import type { ApplicantNotices } from './requests/applicantNotices';
import { EligibilityDialog } from './eligibility/eligibilityDialog';
import { FaqDialog, type FaqKnowledge } from './faq/faqDialog';
import { FollowUpDialog } from './requests/followUpDialog';
import { EraseDialog, MyDataDialog } from './requests/myDataDialogs';
import { REQUEST_DIALOG, RequestDialog } from './requests/requestDialog';
import type { Feature } from './feature';
import { commandLexicon } from '../knowledge/understanding/commands';
import { PersonDialog } from './person/personDialog';
import { OrientationDialog } from './orientation/orientationDialog';
import { SEARCH_DIALOG, SearchDialog } from './search/searchDialog';
import { StatsDialog } from './stats/statsDialog';

export interface FeatureDeps {
  /** Today in France (YYYY-MM-DD); tests fix it. */
  today?: () => string;
  /** The directory of structures; without it, the features that need it are left out. */
  directory?: DirectoryReader;
  /** Requests and their secret; without them, the request features are left out. */
  requests?: RequestRepository;
  advisers?: AdviserRegistry;
  /** The secret that keys a person's requests (required with `requests`); `bot/` gives it from the configuration. */
  subjectSecret?: string;
  /** Tells applicants when advisers move their requests. */
  notifier?: ApplicantNotices;
  /** The territory the guichet serves (TERRITORY code, see bot/config.ts); undefined: the whole country. */
  territory?: string;
  /** The knowledge base of questions about IAE. */
  faq?: FaqKnowledge;
}

/**
 * Every capability the menu offers, in menu order. A capability appears here only once its dialog
 * exists and is tested, and only when what it needs is there.
 */
/** The words that pick a feature in the menu besides its label (lexicons/commands.json). */
function menuSynonyms(featureId: string): readonly string[] {
  return commandLexicon().menuSynonyms[featureId] ?? [];
}

/**
 * Today in a time zone (Paris by default), formatted again only when the quarter hour (UTC) changes:
 * every time zone's day starts on a quarter hour (Paris: 22:00 or 23:00 UTC, Martinique: 04:00), so
 * within one the date cannot change. A turn asks for today several times, and Intl's formatting is
 * most of what each call cost.
 */
export function quarterHourToday(now: () => number = Date.now, timeZone = legalTimeZone()): () => string {
  let quarter = Number.NaN;
  let day = '';
  return () => {
    const instant = now();
    const current = Math.floor(instant / QUARTER_HOUR_MS);
    if (current !== quarter) {
      day = todayIn(new Date(instant), timeZone);
      quarter = current;
    }
    return day;
  };
}
const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The time zone of the served territory's legal time (TERRITORY; metropolitan time when none). */
export function territoryTimeZone(territory: string | undefined): string {
  return legalTimeZone(territory ? servedPlace(territory) : undefined);
}

export function createFeatures(deps: FeatureDeps = {}): Feature[] {
  const today = deps.today ?? quarterHourToday(Date.now, territoryTimeZone(deps.territory));
  const features: Feature[] = [
    {
      id: 'eligibility',
      menuLabelKey: 'eligibilityDialog:menu',
      helpKey: 'eligibilityDialog:helpLine',
      dialog: new EligibilityDialog({
        today,
        searchDialogId: deps.directory ? SEARCH_DIALOG : undefined,
        requestDialogId: deps.directory && deps.requests ? REQUEST_DIALOG : undefined,
      }),
      intents: ['eligibility'],
      synonyms: menuSynonyms('eligibility'),
    },
  ];
  const faq = deps.faq;
  if (faq) {
    features.push({
      id: 'faq',
      menuLabelKey: 'faqDialog:menuLabel',
      helpKey: 'faqDialog:helpLine',
      dialog: new FaqDialog(faq),
      intents: ['question'],
      synonyms: menuSynonyms('faq'),
      // An entry found by its question or keyword phrase, not by likeness (score: infinite).
      answersForSure: (text, locale) => {
        const found = faq.searchFaq(text, locale);
        return found.status === 'answer' && found.score === Number.POSITIVE_INFINITY;
      },
    });
  }
  if (deps.directory && deps.requests) {
    if (!deps.subjectSecret) throw new Error('createFeatures: the request features need a subjectSecret');
    const requestDeps = {
      requests: deps.requests,
      directory: deps.directory,
      today,
      subjectSecret: deps.subjectSecret,
      notifier: deps.notifier,
      advisers: deps.advisers,
      territory: deps.territory,
    };
    features.push(
      {
        id: 'request',
        menuLabelKey: 'requests:menu',
        helpKey: 'requests:helpLine',
        dialog: new RequestDialog(requestDeps),
        intents: ['request'],
        synonyms: menuSynonyms('request'),
      },
      {
        id: 'followUp',
        menuLabelKey: 'followUp:menu',
        helpKey: 'followUp:helpLine',
        dialog: new FollowUpDialog({ requests: deps.requests, subjectSecret: deps.subjectSecret }),
        intents: ['followup'],
        synonyms: menuSynonyms('followUp'),
      },
      {
        id: 'myData',
        menuLabelKey: 'myData:menu',
        helpKey: 'myData:helpLine',
        hidden: true,
        dialog: new MyDataDialog(requestDeps),
        synonyms: menuSynonyms('myData'),
      },
      {
        id: 'erase',
        menuLabelKey: 'myData:eraseLabel',
        helpKey: 'myData:eraseHelp',
        hidden: true,
        dialog: new EraseDialog(requestDeps),
        intents: ['erase'],
        synonyms: menuSynonyms('erase'),
      },
    );
    const advisers = deps.advisers;
    if (advisers) {
      const audience = adviserAudience(advisers);
      features.push({
        id: 'adviser',
        menuLabelKey: 'adviser:menu',
        helpKey: 'adviser:helpLine',
        hidden: true,
        dialog: new PersonalOnlyDialog(new AdviserDialog({ requests: deps.requests, advisers, notifier: deps.notifier })),
        audience,
        // The help lists the adviser line where the adviser space opens: an adviser's personal chat.
        availableTo: async (context) => (await audience.identify(context)) !== undefined,
        synonyms: menuSynonyms('adviser'),
      });
    }
  }
  if (deps.directory) {
    features.push(
      {
        id: 'search',
        menuLabelKey: 'search:menu',
        helpKey: 'search:helpLine',
        dialog: new SearchDialog({ directory: deps.directory, canRequest: deps.requests !== undefined, territory: deps.territory }),
        intents: ['search'],
        synonyms: menuSynonyms('search'),
      },
      {
        id: 'orientation',
        menuLabelKey: 'orientation:menu',
        helpKey: 'orientation:helpLine',
        dialog: new OrientationDialog({ directory: deps.directory, today, territory: deps.territory }),
        intents: ['orientation'],
        synonyms: menuSynonyms('orientation'),
      },
      {
        id: 'stats',
        menuLabelKey: 'stats:menu',
        helpKey: 'stats:helpLine',
        dialog: new StatsDialog({ directory: deps.directory, territory: deps.territory }),
        intents: ['stats'],
        synonyms: menuSynonyms('stats'),
      },
    );
  }
  features.push({
    id: 'person',
    menuLabelKey: 'conversation:person.button',
    helpKey: 'conversation:person.helpLine',
    hidden: true,
    dialog: new PersonDialog({ directory: deps.directory, territory: deps.territory }),
    intents: ['human'],
  });
  return features;
}

