import { z } from 'zod';
import { isPartnerKind, PARTNER_KINDS, type StructureKind } from '../directory/kinds';
import { CRITERION_KEYS, type CriterionKey } from '../eligibility/criterionKeys';
import routingFile from './data/routing.json';
import { ageOn } from '../calendar';

/**
 * Routing of a request to a prescriber organisation. The rule is data (data/routing.json); the code
 * only evaluates a rule's conditions and picks the nearest candidate.
 */
const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/),
    when: z
      .object({
        /** Age strictly under this on the day of the request. */
        ageUnder: z.number().int().min(1).max(120).optional(),
        /** Every one of these criteria is declared. */
        criteria: z.array(z.enum(CRITERION_KEYS)).min(1).optional(),
      })
      .strict(),
    kinds: z.array(z.enum(PARTNER_KINDS)).min(1),
  })
  .strict();

const fileSchema = z
  .object({
    $comment: z.string(),
    measureFrom: z.literal('chosen_structure_else_commune'),
    rules: z
      .array(ruleSchema)
      .min(1)
      .refine((rules) => Object.keys(rules.at(-1)!.when).length === 0, 'the last rule must match everyone')
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
    /** A request started from a structure's card: to the structure when it has advisers, else to the prescriber with the structure as a wish. */
    candidature: z
      .object({
        ruleId: z.string().regex(/^[a-z0-9_-]{1,40}$/),
        sendToStructureWhen: z.literal('advisers_registered'),
        otherwise: z.literal('prescriber_with_wish'),
      })
      .strict(),
  })
  .strict()
  .refine((file) => !file.rules.some((r) => r.id === file.candidature.ruleId), 'the candidature rule id must differ from the prescriber rules');

export type RoutingRule = z.infer<typeof ruleSchema>;
const ROUTING = fileSchema.parse(routingFile);
export const ROUTING_RULES: readonly RoutingRule[] = ROUTING.rules;
export const CANDIDATURE_ROUTING = ROUTING.candidature;

export interface RoutingProfile {
  birthDate: string;
  criteria: readonly CriterionKey[];
  /** The day of the request (ISO date, Europe/Paris). */
  today: string;
}

export function matches(rule: RoutingRule, profile: RoutingProfile): boolean {
  const { ageUnder, criteria } = rule.when;
  if (ageUnder !== undefined && !(ageOn(profile.birthDate, profile.today) < ageUnder)) return false;
  if (criteria && !criteria.every((c) => profile.criteria.includes(c))) return false;
  return true;
}

/** The first rule that fits the person: its id and the kinds to look for, in order of preference. */
export function routingRuleFor(profile: RoutingProfile): RoutingRule {
  const rule = ROUTING_RULES.find((r) => matches(r, profile));
  // The file schema guarantees a catch-all last rule.
  if (!rule) throw new Error('Routing: no rule matched');
  return { ...rule, kinds: [...rule.kinds] };
}

/** A candidate organisation from the directory, with its distance from the routing anchor. */
export interface RoutingCandidate {
  structure: { id: string; kind: StructureKind; acceptsApplications?: boolean };
  distanceKm: number;
}

export interface RoutingDecision {
  organisationId: string;
  kind: StructureKind;
  ruleId: string;
  distanceKm: number;
}

/**
 * The organisation that receives the request: the nearest candidate of the rule's first kind that
 * has one (ties by id), skipping structures that do not take applications. Undefined when no
 * candidate fits (the dialog then widens the search or says so).
 */
export function chooseOrganisation(profile: RoutingProfile, candidates: readonly RoutingCandidate[]): RoutingDecision | undefined {
  const rule = routingRuleFor(profile);
  for (const kind of rule.kinds) {
    const best = candidates
      .filter((c) => c.structure.kind === kind && c.structure.acceptsApplications !== false && Number.isFinite(c.distanceKm))
      .sort((a, b) => a.distanceKm - b.distanceKm || (a.structure.id < b.structure.id ? -1 : a.structure.id > b.structure.id ? 1 : 0))[0];
    if (best) return { organisationId: best.structure.id, kind, ruleId: rule.id, distanceKm: best.distanceKm };
  }
  return undefined;
}

/** The structure whose card the request started from, and whether it receives requests here. */
export interface ChosenStructure {
  id: string;
  kind: StructureKind;
  /** Advisers of this structure are registered (stores/requests adviser registry). */
  hasAdvisers: boolean;
}

/**
 * Where a request goes, and why. `to: 'structure'`: a candidature received by the chosen structure
 * itself. `to: 'prescriber'`: a request for a diagnosis; `wish` names the structure the person
 * chose, when there is one, so that the prescriber knows it.
 */
export type Destination = RoutingDecision & ({ to: 'structure' } | { to: 'prescriber'; wish?: string });

export function chooseDestination(profile: RoutingProfile, candidates: readonly RoutingCandidate[], chosen?: ChosenStructure): Destination | undefined {
  // sendToStructureWhen: advisers_registered (the only value the file allows).
  if (chosen && chosen.hasAdvisers && !isPartnerKind(chosen.kind)) {
    return { organisationId: chosen.id, kind: chosen.kind, ruleId: CANDIDATURE_ROUTING.ruleId, distanceKm: 0, to: 'structure' };
  }
  const decision = chooseOrganisation(profile, candidates);
  if (!decision) return undefined;
  return { ...decision, to: 'prescriber', ...(chosen ? { wish: chosen.id } : {}) };
}

/** A stored request is a candidature when the organisation that received it is the structure the person chose. */
export function isCandidature(request: { organisationId: string; structureId?: string }): boolean {
  return request.structureId !== undefined && request.organisationId === request.structureId;
}

export interface Point {
  lat: number;
  lng: number;
}

/** Where distances are measured from: the chosen structure's location when there is one, else the commune's point. */
export function routingAnchor(commune: Point | undefined, chosenStructure?: { location: Point }): Point | undefined {
  if (chosenStructure) return { lat: chosenStructure.location.lat, lng: chosenStructure.location.lng };
  return commune ? { lat: commune.lat, lng: commune.lng } : undefined;
}
