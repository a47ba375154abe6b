import { createFeatures } from '../../dialogs/features';
import { CHECKLIST_ACTION } from '../../dialogs/eligibility/checklist';
import { CRITERIA, describeEligibility, evaluateEligibility, type CriterionKey } from '../../knowledge/eligibility';
import { warmRecognizers } from '../../knowledge/understanding/ageOrBirthDate';
import { translator } from '../../locales/i18n';
import { BotDriver, buttonsOf, textOf, type Reply } from '../support/botDriver';

/**
 * Every situation shape settles in at most 6 turns (the person's messages, the opening one
 * included), each question asked once, and the result is what the rules give for the whole truth.
 * Shapes come from the criteria catalogue: the minima sociaux, the age bands, the registration
 * bands, and how many of the other criteria hold.
 */
const TODAY = '2026-11-22';
const fr = translator('fr');
const MAX_TURNS = 6;
const MINIMA = CRITERIA.filter((c) => c.group === 'minima').map((c) => c.key);
const OTHERS = CRITERIA.filter((c) => c.group === 'other').map((c) => c.key);

interface Truth {
  minima: CriterionKey | 'none' | 'unknown';
  /** Age in years, or null: the person does not say. */
  age: number | null;
  /** Months registered at France Travail (0: not registered), or null: does not know. */
  months: number | null;
  others: CriterionKey[];
}

const AGES = [22, 35, 55, null];
const MONTHS = [0, 6, 18, 30, null];
const OTHER_SHAPES: CriterionKey[][] = [[], OTHERS.slice(0, 1), OTHERS.slice(0, 2), OTHERS.slice(0, 3), OTHERS];

const shapes: Truth[] = [
  ...MINIMA.map((m) => ({ minima: m, age: 35, months: 0, others: [] })),
  ...(['none', 'unknown'] as const).flatMap((minima) =>
    AGES.flatMap((age) => MONTHS.flatMap((months) => OTHER_SHAPES.map((others) => ({ minima, age, months, others })))),
  ),
  // Each other criterion alone, where it can matter (nothing else holds).
  ...OTHERS.map((key) => ({ minima: 'none' as const, age: 35, months: 0, others: [key] })),
];

const name = (s: Truth) => `minima ${s.minima}, age ${s.age ?? '?'}, ${s.months ?? '?'} months, others [${s.others.join(' ')}]`;

function toggleIds(replies: Reply[]): string[] {
  const card = replies.flatMap((r) => r.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  const body = (card?.content as { body?: Array<{ type: string; id?: string }> } | undefined)?.body ?? [];
  return body.filter((b) => b.type === 'Input.Toggle').map((b) => b.id!);
}

/** What this person answers to what the bot just asked; undefined once the result is shown. */
function answerTo(replies: Reply[], truth: Truth, asked: string[]): string | { value: unknown } | undefined {
  const said = textOf(replies);
  if (said.includes(fr('eligibilityDialog:resultIntro'))) return undefined;
  const ids = toggleIds(replies);
  if (ids.length > 0) {
    asked.push('checklist');
    return { value: { action: CHECKLIST_ACTION, ...Object.fromEntries(ids.map((id) => [id, truth.others.includes(id as CriterionKey) ? 'true' : 'false'])) } };
  }
  if (buttonsOf(replies).includes(fr('eligibilityDialog:minima.choices.none'))) {
    asked.push('minima');
    if (truth.minima === 'none') return fr('eligibilityDialog:minima.choices.none');
    if (truth.minima === 'unknown') return fr('common:answers.unknown');
    return fr(`eligibilityDialog:minima.choices.${truth.minima}`);
  }
  if (said.includes(fr('eligibility:questions.age'))) {
    asked.push('age');
    return truth.age === null ? 'je ne sais pas' : `${truth.age} ans`;
  }
  if (said.includes(fr('eligibilityDialog:registration'))) {
    asked.push('registration');
    return truth.months === null ? 'je ne sais pas' : truth.months === 0 ? 'non' : `${truth.months} mois`;
  }
  throw new Error(`unexpected question: ${said}`);
}

beforeAll(() => warmRecognizers());

const features = createFeatures({ today: () => TODAY });

describe(`every situation settles in at most ${MAX_TURNS} turns (${shapes.length} shapes from the catalogue)`, () => {
  it.each(shapes.map((s) => [name(s), s] as const))('%s', async (_name, truth) => {
    const bot = new BotDriver({ features });
    await bot.join();
    let replies = await bot.say(fr('eligibilityDialog:menu'));
    let turns = 1;
    const asked: string[] = [];
    for (let answer = answerTo(replies, truth, asked); answer !== undefined; answer = answerTo(replies, truth, asked)) {
      replies = await bot.say(answer);
      turns += 1;
      if (turns > MAX_TURNS) throw new Error(`more than ${MAX_TURNS} turns (asked ${asked.join(', ')})`);
    }
    expect(turns).toBeLessThanOrEqual(MAX_TURNS);
    expect(new Set(asked).size).toBe(asked.length);
    // The result is the one the rules give when everything the person holds is known.
    const held = [...(MINIMA.includes(truth.minima as CriterionKey) ? [truth.minima as CriterionKey] : []), ...truth.others];
    if (truth.age !== null && truth.age < 26) held.push('JEUNE');
    if (truth.age !== null && truth.age >= 50) held.push('SENIOR');
    const full = evaluateEligibility({ criteria: held, registrationMonths: truth.months ?? undefined }, TODAY);
    const result = textOf(replies);
    if (full.results.every((r) => r.eligible)) expect(result).toContain(fr('eligibilityDialog:allEligible'));
    else for (const line of describeEligibility(full, 'fr').results.map((r) => r.explanation)) expect(result).toContain(line);
  });
});
