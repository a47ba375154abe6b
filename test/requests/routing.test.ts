import { CANDIDATURE_ROUTING, chooseDestination, chooseOrganisation, isCandidature, ROUTING_RULES, routingAnchor, routingRuleFor, type RoutingCandidate } from '../../knowledge/requests/routing';
import type { CriterionKey } from '../../knowledge/eligibility/criterionKeys';

const TODAY = '2026-11-16';

describe('routing rules (data/routing.json)', () => {
  it('end with a rule for everyone and send only to authorised prescribers', () => {
    expect(ROUTING_RULES.at(-1)).toMatchObject({ id: 'default', when: {}, kinds: ['FT'] });
    for (const rule of ROUTING_RULES) for (const kind of rule.kinds) expect(['FT', 'ML', 'CAP_EMPLOI']).toContain(kind);
  });

  test.each<[string, string, CriterionKey[], string, string[]]>([
    ['25 and 364 days', '2000-11-17', [], 'under26', ['ML', 'FT']],
    ['26 on the day', '2000-11-16', [], 'default', ['FT']],
    ['under 26 with RQTH (Mission Locale first, as orientation does)', '2004-01-01', ['TH'], 'under26', ['ML', 'FT']],
    ['40 with RQTH', '1986-01-01', ['TH', 'RSA'], 'rqth', ['CAP_EMPLOI', 'FT']],
    ['40 on RSA', '1986-01-01', ['RSA'], 'default', ['FT']],
    ['55, long-term jobseeker', '1971-03-03', ['SENIOR', 'DETLD'], 'default', ['FT']],
  ])('%s → %s', (_name, birthDate, criteria, ruleId, kinds) => {
    const rule = routingRuleFor({ birthDate, criteria, today: TODAY });
    expect(rule.id).toBe(ruleId);
    expect(rule.kinds).toEqual(kinds);
  });
});

describe('choosing the organisation', () => {
  const candidates: RoutingCandidate[] = [
    { structure: { id: 'demo:ft-far', kind: 'FT' }, distanceKm: 12 },
    { structure: { id: 'demo:ft-near', kind: 'FT' }, distanceKm: 3 },
    { structure: { id: 'demo:ml-closed', kind: 'ML', acceptsApplications: false }, distanceKm: 1 },
    { structure: { id: 'demo:ml-b', kind: 'ML' }, distanceKm: 4 },
    { structure: { id: 'demo:ml-a', kind: 'ML' }, distanceKm: 4 },
    { structure: { id: 'demo:aci', kind: 'ACI' }, distanceKm: 0.5 },
  ];
  const adult = { birthDate: '1980-01-01', criteria: [] as CriterionKey[], today: TODAY };
  const young = { birthDate: '2005-01-01', criteria: [] as CriterionKey[], today: TODAY };
  const rqth = { birthDate: '1980-01-01', criteria: ['TH'] as CriterionKey[], today: TODAY };

  it('takes the nearest of the first kind, skipping structures that do not take applications, ties by id', () => {
    expect(chooseOrganisation(adult, candidates)).toEqual({ organisationId: 'demo:ft-near', kind: 'FT', ruleId: 'default', distanceKm: 3 });
    expect(chooseOrganisation(young, candidates)).toEqual({ organisationId: 'demo:ml-a', kind: 'ML', ruleId: 'under26', distanceKm: 4 });
  });

  it('falls back to the next kind of the rule, and says when nothing fits', () => {
    expect(chooseOrganisation(rqth, candidates)?.organisationId).toBe('demo:ft-near');
    expect(chooseOrganisation(adult, candidates.filter((c) => c.structure.kind !== 'FT'))).toBeUndefined();
  });

  it('measures from the chosen structure when there is one, else from the commune', () => {
    expect(routingAnchor({ lat: 14.6, lng: -61.07 }, { location: { lat: 14.7, lng: -61.0 } })).toEqual({ lat: 14.7, lng: -61.0 });
    expect(routingAnchor({ lat: 14.6, lng: -61.07 })).toEqual({ lat: 14.6, lng: -61.07 });
    expect(routingAnchor(undefined)).toBeUndefined();
  });
});

describe('a candidature from a structure card (data/routing.json, candidature)', () => {
  const candidates: RoutingCandidate[] = [{ structure: { id: 'demo:ft-near', kind: 'FT' }, distanceKm: 3 }];
  const adult = { birthDate: '1980-01-01', criteria: [] as CriterionKey[], today: TODAY };

  it('goes to the structure itself when it has advisers registered', () => {
    expect(chooseDestination(adult, candidates, { id: 'demo:aci', kind: 'ACI', hasAdvisers: true })).toEqual({
      organisationId: 'demo:aci',
      kind: 'ACI',
      ruleId: CANDIDATURE_ROUTING.ruleId,
      distanceKm: 0,
      to: 'structure',
    });
  });

  it('otherwise goes to the prescriber, with the structure kept as the wish', () => {
    expect(chooseDestination(adult, candidates, { id: 'demo:aci', kind: 'ACI', hasAdvisers: false })).toEqual({
      organisationId: 'demo:ft-near',
      kind: 'FT',
      ruleId: 'default',
      distanceKm: 3,
      to: 'prescriber',
      wish: 'demo:aci',
    });
  });

  it('without a chosen structure it is a request for a diagnosis; a partner is never a candidature', () => {
    expect(chooseDestination(adult, candidates)).toMatchObject({ organisationId: 'demo:ft-near', to: 'prescriber' });
    expect(chooseDestination(adult, candidates)).not.toHaveProperty('wish');
    expect(chooseDestination(adult, candidates, { id: 'demo:ml', kind: 'ML', hasAdvisers: true })).toMatchObject({ organisationId: 'demo:ft-near', to: 'prescriber' });
    expect(chooseDestination(adult, [], { id: 'demo:aci', kind: 'ACI', hasAdvisers: false })).toBeUndefined();
  });

  it('a stored request is a candidature when its organisation is the chosen structure', () => {
    expect(isCandidature({ organisationId: 'demo:aci', structureId: 'demo:aci' })).toBe(true);
    expect(isCandidature({ organisationId: 'demo:ft-near', structureId: 'demo:aci' })).toBe(false);
    expect(isCandidature({ organisationId: 'demo:ft-near' })).toBe(false);
  });
});
