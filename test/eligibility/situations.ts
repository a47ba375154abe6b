import type { CriterionKey } from '../../knowledge/eligibility/criterionKeys';
import type { Situation } from '../../knowledge/eligibility';
import type { SiaeKind } from '../../knowledge/directory/kinds';

/** Builds situations by what they are, so a table of cases reads like the rules document. */
export class SituationBuilder {
  constructor(private readonly situation: Situation = { criteria: [] }) {}

  with(...keys: CriterionKey[]): SituationBuilder {
    return new SituationBuilder({ ...this.situation, criteria: [...this.situation.criteria, ...keys] });
  }

  bornOn(birthDate: string): SituationBuilder {
    return new SituationBuilder({ ...this.situation, birthDate });
  }

  registeredFor(registrationMonths: number): SituationBuilder {
    return new SituationBuilder({ ...this.situation, registrationMonths });
  }

  forKind(kind: SiaeKind): SituationBuilder {
    return new SituationBuilder({ ...this.situation, kind });
  }

  build(): Situation {
    return { ...this.situation, criteria: [...this.situation.criteria] };
  }
}

export const aSituation = {
  nobodyInParticular: () => new SituationBuilder(),
  rsaBeneficiary: () => new SituationBuilder().with('RSA'),
  assRecipient: () => new SituationBuilder().with('ASS'),
  aahRecipient: () => new SituationBuilder().with('AAH'),
  /** Registered at France Travail for 30 months (DETLD). */
  veryLongTermJobseeker: () => new SituationBuilder().registeredFor(30),
  /** Registered at France Travail for 18 months (DELD). */
  longTermJobseeker: () => new SituationBuilder().registeredFor(18),
  jobseekerRegisteredFor: (months: number) => new SituationBuilder().registeredFor(months),
  /** Born 2004-06-01: under 26 on every supported date up to mid-2030. */
  youngPerson: () => new SituationBuilder().bornOn('2004-06-01'),
  /** Born 1965-01-10: 50 or over on every supported date. */
  seniorPerson: () => new SituationBuilder().bornOn('1965-01-10'),
  /** Born 1990-07-01: between 26 and 49 on every supported date. */
  middleAgedPerson: () => new SituationBuilder().bornOn('1990-07-01'),
  bornOn: (birthDate: string) => new SituationBuilder().bornOn(birthDate),
  sayingOnly: (...keys: CriterionKey[]) => new SituationBuilder().with(...keys),
};
