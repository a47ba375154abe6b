import type { SiaeKind } from '../../knowledge/directory/kinds';
import type { Answers, GroupedQuestion, Relation } from '../../knowledge/eligibility';

/** The eligibility check under way, kept in the conversation session: its answers, mode and open question. */
export interface EligibilityCheckState {
  adviser: boolean;
  /** Asked by a relative or a friend (« ma fille… »): the adviser's third person, not their professional wording. */
  relative?: boolean;
  /** That relative, named in the questions and the result (« votre fille »); undefined: « la personne ». */
  relation?: Relation;
  targetKind?: SiaeKind;
  answers: Answers;
  question?: GroupedQuestion;
}
