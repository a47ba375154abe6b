import type { TFunction } from 'i18next';
import { translator, type Locale } from '../../locales/i18n';
import type { SiaeKind } from '../directory/kinds';
import { criterionTextKey, type ProofAge } from './catalogue';
import type { CriterionKey } from './criterionKeys';
import type { Durations } from './rulesVersions';
import type { EligibilityResult, Explanation, IgnoredReason } from './evaluate';

/** An eligibility result as the API and the dialog show it: every explanation rendered to text. */
export interface DescribedEligibility {
  rulesVersion: string;
  asOf: string;
  counted: CriterionKey[];
  derived: CriterionKey[];
  ignored: Array<{ key: CriterionKey; reason: IgnoredReason; text: string }>;
  results: Array<{ kind: SiaeKind; kindLabel: string; eligible: boolean; level1: CriterionKey[]; level2: CriterionKey[]; missing: number; explanation: string }>;
  prescriber: { canConfirmAllKinds: true; diagnosisMonths: number; explanation: string };
  proofs: Array<{ criterion: CriterionKey; label: string; maxAge: ProofAge; text: string; maxAgeText: string }>;
  durations: Durations;
}

export function criterionLabel(t: TFunction, key: CriterionKey): string {
  return t(criterionTextKey(key, 'label'));
}

/** "Dated less than 3 months ago.", "Valid on the day of hiring.", "No time limit.". */
export function proofAgeText(t: TFunction, maxAge: ProofAge): string {
  if (maxAge === null) return t('eligibility:proofAge.none');
  if (maxAge === 'valid_at_hiring') return t('eligibility:proofAge.valid_at_hiring');
  return t('eligibility:proofAge.months', { count: maxAge.months });
}

/** Who reads a result: the person themself, or an adviser about their candidate (third person). */
export type Audience = 'person' | 'adviser';

/** Who a third-person text is about when a relative asks (« ma fille… » → « votre fille »); otherwise « la personne ». */
export const RELATIONS = ['daughter', 'son', 'husband', 'wife', 'partnerM', 'partnerF', 'partner'] as const;
export type Relation = (typeof RELATIONS)[number];

/** The words of a third-person text for the person asked about: `who` (« votre fille »), `whose`, `them` (« lui »), `registered` (« inscrite »). */
export type PersonWords = {
  who: string;
  whose: string;
  them: string;
  registered: string;
};

/** The person's words in a language: the relative's (« votre fils ») or « la personne ». */
export function personWords(t: TFunction, relation?: Relation): PersonWords {
  return t(`eligibility:who.${relation ?? 'person'}`, { returnObjects: true }) as PersonWords;
}

/** The i18next options of an audience: advisers read a key's `_adviser` context where there is one, about « la personne » or the relative named. */
export function audienceOptions(audience: Audience, t: TFunction, relation?: Relation): { context?: 'adviser' } & Partial<PersonWords> {
  return audience === 'adviser' ? { context: 'adviser', ...personWords(t, relation) } : {};
}

/** Renders one explanation: criteria keys become labels, the kind its name. */
export function renderExplanation(t: TFunction, explanation: Explanation, audience: Audience = 'person', relation?: Relation): string {
  const { criteria, kind, ...rest } = explanation.params;
  return t(explanation.key, {
    ...audienceOptions(audience, t, relation),
    ...rest,
    ...(kind ? { kind: t(`eligibility:kinds.${kind}`) } : {}),
    ...(criteria ? { criteria: criteria.map((k) => criterionLabel(t, k)).join(', ') } : {}),
  });
}

/** Every explanation of a result rendered in a language (what the HTTP API returns); advisers get the third person. */
export function describeEligibility(result: EligibilityResult, locale: Locale, audience: Audience = 'person', relation?: Relation): DescribedEligibility {
  const t = translator(locale);
  return {
    rulesVersion: result.rulesVersion,
    asOf: result.asOf,
    counted: [...result.counted],
    derived: [...result.derived],
    ignored: result.ignored.map((i) => ({ ...i, text: t(`eligibility:ignored.${i.reason}`, { criterion: criterionLabel(t, i.key) }) })),
    results: result.results.map((r) => ({
      kind: r.kind,
      kindLabel: t(`eligibility:kinds.${r.kind}`),
      eligible: r.eligible,
      level1: [...r.level1],
      level2: [...r.level2],
      missing: r.missing,
      explanation: renderExplanation(t, r.explanation, audience, relation),
    })),
    prescriber: {
      canConfirmAllKinds: true,
      diagnosisMonths: result.prescriber.diagnosisMonths,
      explanation: renderExplanation(t, result.prescriber.explanation, audience, relation),
    },
    proofs: result.proofs.map((p) => ({
      criterion: p.criterion,
      label: criterionLabel(t, p.criterion),
      maxAge: p.maxAge,
      text: t(p.proofKey),
      maxAgeText: proofAgeText(t, p.maxAge),
    })),
    durations: { ...result.durations },
  };
}
