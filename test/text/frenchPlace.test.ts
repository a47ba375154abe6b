import { elidesBefore, frenchPlace, splitArticle } from '../../knowledge/text/frenchPlace';
import { communesOf, resolveInsee, servedPlace } from '../../knowledge/territory';

/**
 * French elision and contraction with place names (issue 12, §7): « à moins de 25 km du Lamentin »,
 * never « de Le Lamentin ». Every commune of the served territory (Martinique, 972), as INSEE names it.
 */
describe('frenchPlace: the 34 communes of Martinique', () => {
  // [INSEE name, after « de », after « à »]
  const MARTINIQUE: Array<[string, string, string]> = [
    ["L'Ajoupa-Bouillon", "de L'Ajoupa-Bouillon", "à L'Ajoupa-Bouillon"],
    ["Les Anses-d'Arlet", "des Anses-d'Arlet", "aux Anses-d'Arlet"],
    ['Basse-Pointe', 'de Basse-Pointe', 'à Basse-Pointe'],
    ['Le Carbet', 'du Carbet', 'au Carbet'],
    ['Case-Pilote', 'de Case-Pilote', 'à Case-Pilote'],
    ['Le Diamant', 'du Diamant', 'au Diamant'],
    ['Ducos', 'de Ducos', 'à Ducos'],
    ['Fonds-Saint-Denis', 'de Fonds-Saint-Denis', 'à Fonds-Saint-Denis'],
    ['Fort-de-France', 'de Fort-de-France', 'à Fort-de-France'],
    ['Le François', 'du François', 'au François'],
    ["Grand'Rivière", "de Grand'Rivière", "à Grand'Rivière"],
    ['Gros-Morne', 'de Gros-Morne', 'à Gros-Morne'],
    ['Le Lamentin', 'du Lamentin', 'au Lamentin'],
    ['Le Lorrain', 'du Lorrain', 'au Lorrain'],
    ['Macouba', 'de Macouba', 'à Macouba'],
    ['Le Marigot', 'du Marigot', 'au Marigot'],
    ['Le Marin', 'du Marin', 'au Marin'],
    ['Le Morne-Rouge', 'du Morne-Rouge', 'au Morne-Rouge'],
    ['Le Prêcheur', 'du Prêcheur', 'au Prêcheur'],
    ['Rivière-Pilote', 'de Rivière-Pilote', 'à Rivière-Pilote'],
    ['Rivière-Salée', 'de Rivière-Salée', 'à Rivière-Salée'],
    ['Le Robert', 'du Robert', 'au Robert'],
    ['Saint-Esprit', 'de Saint-Esprit', 'à Saint-Esprit'],
    ['Saint-Joseph', 'de Saint-Joseph', 'à Saint-Joseph'],
    ['Saint-Pierre', 'de Saint-Pierre', 'à Saint-Pierre'],
    ['Sainte-Anne', 'de Sainte-Anne', 'à Sainte-Anne'],
    ['Sainte-Luce', 'de Sainte-Luce', 'à Sainte-Luce'],
    ['Sainte-Marie', 'de Sainte-Marie', 'à Sainte-Marie'],
    ['Schœlcher', 'de Schœlcher', 'à Schœlcher'],
    ['La Trinité', 'de La Trinité', 'à La Trinité'],
    ['Les Trois-Îlets', 'des Trois-Îlets', 'aux Trois-Îlets'],
    ['Le Vauclin', 'du Vauclin', 'au Vauclin'],
    ['Le Morne-Vert', 'du Morne-Vert', 'au Morne-Vert'],
    ['Bellefontaine', 'de Bellefontaine', 'à Bellefontaine'],
  ];

  it('the table is the served territory, every commune once (TERRITORY=972)', () => {
    const served = servedPlace('972')!;
    const names = communesOf(served).map((code) => resolveInsee(code)?.label ?? code);
    expect(names.sort()).toEqual(MARTINIQUE.map(([name]) => name).sort());
  });

  test.each(MARTINIQUE)('%s: « %s », « %s »', (name, of, at) => {
    expect(frenchPlace(name)).toEqual({ name, of, at });
  });

  it('keeps what follows the name (the département shown with a commune)', () => {
    expect(frenchPlace('Le Lamentin (972)')).toEqual({ name: 'Le Lamentin (972)', of: 'du Lamentin (972)', at: 'au Lamentin (972)' });
    expect(frenchPlace('Les Trois-Îlets (972)').of).toBe('des Trois-Îlets (972)');
  });
});

describe('frenchPlace: the tricky cases', () => {
  test.each([
    // an article in lower case, as people type it, or a common noun's
    ['le lamentin', 'du lamentin', 'au lamentin'],
    ['les trois ilets', 'des trois ilets', 'aux trois ilets'],
    ['la Trinité', 'de la Trinité', 'à la Trinité'],
    // a typographic apostrophe
    ['L’Ajoupa-Bouillon', "de L'Ajoupa-Bouillon", "à L'Ajoupa-Bouillon"],
    // no article: elision before a vowel (also accented) and a mute h only
    ['Ajoupa-Bouillon', "d'Ajoupa-Bouillon", 'à Ajoupa-Bouillon'],
    ['Évry-Courcouronnes', "d'Évry-Courcouronnes", 'à Évry-Courcouronnes'],
    ['Yvetot', "d'Yvetot", 'à Yvetot'],
    ['Hyères', "d'Hyères", 'à Hyères'],
    ['Haguenau', 'de Haguenau', 'à Haguenau'],
    // names that only start like an article
    ['Lens', 'de Lens', 'à Lens'],
    ['Lesneven', 'de Lesneven', 'à Lesneven'],
    ['Laval', 'de Laval', 'à Laval'],
    ['Le Havre', 'du Havre', 'au Havre'],
    ['Les Abymes', 'des Abymes', 'aux Abymes'],
    // structures and organisations follow the same rule
    ['LE RELAIS MARTINIQUE', 'du RELAIS MARTINIQUE', 'au RELAIS MARTINIQUE'],
    ['France Travail Le Lamentin', 'de France Travail Le Lamentin', 'à France Travail Le Lamentin'],
  ])('%s: « %s », « %s »', (name, of, at) => {
    expect(frenchPlace(name)).toMatchObject({ of, at });
  });

  test.each([
    // départements and régions: the article INSEE keeps apart (type de nom en clair)
    ['Martinique', 'de_la', 'de la Martinique', 'en Martinique'],
    ['Guadeloupe', 'de_la', 'de la Guadeloupe', 'en Guadeloupe'],
    ['Rhône', 'du', 'du Rhône', 'dans le Rhône'],
    ['Ain', 'de_l', "de l'Ain", "dans l'Ain"],
    ['Bouches-du-Rhône', 'des', 'des Bouches-du-Rhône', 'dans les Bouches-du-Rhône'],
    ['Eure-et-Loir', 'd', "d'Eure-et-Loir", 'en Eure-et-Loir'],
    ['Île-de-France', 'd', "d'Île-de-France", 'en Île-de-France'],
    ['Mayotte', 'de', 'de Mayotte', 'à Mayotte'],
    ['La Réunion', 'de', 'de La Réunion', 'à La Réunion'],
  ] as const)('area %s (%s): « %s », « %s »', (name, liaison, of, at) => {
    expect(frenchPlace(name, { kind: 'area', liaison })).toMatchObject({ of, at });
  });

  test.each([
    ['la zone Martinique Nord (CAP Nord)', 'de la zone Martinique Nord (CAP Nord)', 'dans la zone Martinique Nord (CAP Nord)'],
    ['la CA du Pays Nord Martinique', 'de la CA du Pays Nord Martinique', 'dans la CA du Pays Nord Martinique'],
    ['le code postal 97200 (Fort-de-France, Schœlcher)', 'du code postal 97200 (Fort-de-France, Schœlcher)', 'dans le code postal 97200 (Fort-de-France, Schœlcher)'],
    ["l'agglomération", "de l'agglomération", "dans l'agglomération"],
    ['la Espace Sud', "de l'Espace Sud", "dans l'Espace Sud"],
    ['la Eurométropole de Strasbourg', "de l'Eurométropole de Strasbourg", "dans l'Eurométropole de Strasbourg"],
  ])('an area said with its common noun: %s', (name, of, at) => {
    expect(frenchPlace(name, { kind: 'area' })).toMatchObject({ of, at });
  });

  it('reads the article and the elision apart', () => {
    expect(splitArticle("L'Ajoupa-Bouillon")).toEqual({ article: "l'", written: "L'", rest: 'Ajoupa-Bouillon' });
    expect(splitArticle('Lesneven').article).toBe('none');
    expect(elidesBefore('Oyonnax')).toBe(true);
    expect(elidesBefore('Honfleur')).toBe(true);
    expect(elidesBefore('Hazebrouck')).toBe(false);
  });

  it('never writes « de Le », « à Les » nor a double space', () => {
    for (const name of ['Le  Lamentin', ' Les Trois-Îlets ', 'La Trinité']) {
      const { of, at } = frenchPlace(name);
      for (const text of [of, at]) {
        expect(text).not.toMatch(/\b(de|à) (Le|Les|le|les)\b/);
        expect(text).not.toMatch(/\s{2}/);
      }
    }
  });
});
