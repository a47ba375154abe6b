import type { SiaeKind } from '../../knowledge/directory/kinds';
import type { Answers, GroupedQuestion } from '../../knowledge/eligibility';

/** The eligibility check under way, kept in the conversation session: its answers, mode and open question. */
export interface EligibilityCheckState {
  adviser: boolean;
  /** Asked by a relative or a friend (« ma fille… »): the adviser's third person, not their professional wording. */
  relative?: boolean;
  targetKind?: SiaeKind;
  answers: Answers;
  question?: GroupedQuestion;
}
