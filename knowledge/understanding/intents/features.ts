import type { Intent } from '../lexicons';
import { loadLexicons } from '../lexicons';
import { compilePhrases, findPhrases, type CompiledPhrase } from '../slots/phrases';
import type { Slots } from '../slots';

type Cue = CompiledPhrase<Intent> & { weight: number };
let cues: Cue[] | undefined;

function compiledCues(): Cue[] {
  if (cues) return cues;
  const lex = loadLexicons();
  const out: Cue[] = [];
  for (const [intent, list] of lex.intents) {
    const compiled = compilePhrases(list.map(([phrase]) => [intent, [phrase]] as const));
    compiled.forEach((c, i) => out.push({ ...c, weight: list[i]![1] }));
  }
  cues = out;
  return out;
}

export type Scores = Partial<Record<Intent, number>>;

function add(scores: Scores, intent: Intent, weight: number): void {
  scores[intent] = (scores[intent] ?? 0) + weight;
}

/**
 * Lexicon cues: each intent gets the weights of its phrases found in the normalised text. Within an
 * intent, a phrase inside a longer found phrase counts once (longest wins).
 */
export function lexiconScores(normalized: string): Scores {
  const scores: Scores = {};
  const all = compiledCues();
  const byIntent = new Map<Intent, Array<ReturnType<typeof findPhrases<Intent>>[number] & { weight: number }>>();
  for (const hit of findPhrases(all, normalized, normalized)) {
    const cue = all[hit.index]!;
    const list = byIntent.get(cue.key) ?? [];
    list.push({ ...hit, weight: cue.weight });
    byIntent.set(cue.key, list);
  }
  // A cue inside a longer cue of another intent is that longer phrase's word, not its own
  // ("merci pour votre aide" is thanks, not help).
  const every = [...byIntent].flatMap(([intent, hits]) => hits.map((h) => ({ intent, start: h.start, end: h.end })));
  for (const [intent, hits] of byIntent) {
    const own = hits.filter((h) => !every.some((o) => o.intent !== intent && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start));
    if (own.length === 0) byIntent.delete(intent);
    else byIntent.set(intent, own);
  }
  for (const [intent, hits] of byIntent) {
    // Overlapping cues of one intent count once, at the best weight ("je veux m inscrire" ⊃ "m inscrire").
    const kept: typeof hits = [];
    for (const h of [...hits].sort((a, b) => b.weight - a.weight)) {
      if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
    }
    for (const h of kept) add(scores, intent, h.weight);
  }
  return scores;
}

const SEEKING_WORK = /(^| )(je cherche|cherche|recherche|trouver|besoin d|veux|voudrais|looking for|need|want)( \w+){0,3} (travail|emploi|job|poste|contrat|work)( |$)/;
const QUESTION_WORDS = /(^| )(c est quoi|c quoi|qu est ce|what is|what s|what are|ca veut dire|comment|pourquoi|quelle difference|difference entre|explique|how|why|signifie|who|qui paie|qui paye|qui finance|peut embaucher|can hire)( |$)/;
const EMPLOYER_KINDS = new Set(['ACI', 'ETTI', 'AI', 'EI', 'EITI', 'GEIQ', 'EA', 'EATT', 'OPCS']);

/**
 * What the slots say about the intent: a kind or a place without a question word is a search, a
 * radius more so; criteria lean to eligibility; a reference is a follow-up; looking for work with
 * neither kind nor place is orientation (which kind of structure, before where).
 */
export function slotScores(normalized: string, slots: Slots, lexicon: Scores): Scores {
  const scores: Scores = {};
  const question = QUESTION_WORDS.test(normalized);
  const employerKinds = (slots.kinds ?? []).filter((k) => EMPLOYER_KINDS.has(k));
  const partnerKinds = (slots.kinds ?? []).filter((k) => !EMPLOYER_KINDS.has(k));
  const hasPlace = !!slots.place || !!slots.placeCandidates;
  if (question) {
    if (employerKinds.length > 0 || partnerKinds.length > 0) add(scores, 'question', 0.8);
  } else {
    if (employerKinds.length > 0) add(scores, 'search', hasPlace ? 1.4 : 1.0);
    if (partnerKinds.length > 0) add(scores, 'search', hasPlace ? 1.2 : 0.5);
    if (hasPlace) add(scores, 'search', 1.2);
  }
  if (slots.radiusKm !== undefined) add(scores, 'search', 1.5);
  const criteria = slots.criteria ?? [];
  if (criteria.length > 0) {
    add(scores, 'eligibility', 0.9 + 0.3 * Math.min(criteria.length - 1, 3));
    add(scores, 'orientation', 0.4);
  }
  if (slots.age !== undefined || slots.birthDate !== undefined || slots.registrationMonths !== undefined) add(scores, 'eligibility', 0.5);
  if (slots.reference) add(scores, 'followup', 3);
  if (SEEKING_WORK.test(normalized) && employerKinds.length === 0 && !hasPlace) {
    add(scores, 'orientation', 2.2);
    add(scores, 'search', -1.0);
  }
  if ((lexicon.stats ?? 0) > 0 && hasPlace) add(scores, 'stats', 0.8);
  if ((lexicon.stats ?? 0) > 0 && employerKinds.length > 0) add(scores, 'stats', 1.0);
  // Applying to a named structure is a request with that structure, not a search for it.
  if ((lexicon.request ?? 0) >= 1.4 && (employerKinds.length > 0 || hasPlace)) add(scores, 'request', 1.2);
  return scores;
}
