import type { SiaeKind, StructureKind } from '../kinds';

/**
 * Invented activities for the Martinique demo SIAE (names are built as "<activity> – <commune>").
 * None of them designates a real structure; no street, e-mails only on `.example` (partners: see DemoPartner).
 */
export interface DemoActivity {
  name: string;
  /** Slug of the invented e-mail domain `<slug>.demo.example`. */
  slug: string;
  sectors: string[];
}

export const DEMO_ACTIVITIES: Record<SiaeKind, readonly DemoActivity[]> = {
  ACI: [
    { name: 'Chantier Jardins partagés', slug: 'jardins-partages', sectors: ['espaces verts'] },
    { name: 'Atelier Bois et Menuiserie', slug: 'atelier-bois', sectors: ['menuiserie'] },
    { name: 'Chantier Rivières propres', slug: 'rivieres-propres', sectors: ['entretien des rivières', 'environnement'] },
    { name: 'Atelier Couture solidaire', slug: 'couture-solidaire', sectors: ['couture'] },
    { name: 'Chantier Patrimoine bâti', slug: 'patrimoine-bati', sectors: ['rénovation du patrimoine', 'BTP second œuvre'] },
    { name: 'Ressourcerie du quartier', slug: 'ressourcerie', sectors: ['recyclage', 'vente d’objets de réemploi'] },
    { name: 'Chantier Sentiers et Mornes', slug: 'sentiers-mornes', sectors: ['entretien des sentiers', 'espaces verts'] },
    { name: 'Atelier Vélo solidaire', slug: 'velo-solidaire', sectors: ['réparation de vélos'] },
    { name: 'Jardin maraîcher d’insertion', slug: 'jardin-maraicher', sectors: ['maraîchage', 'agriculture'] },
    { name: 'Chantier Littoral', slug: 'chantier-littoral', sectors: ['nettoyage du littoral', 'environnement'] },
    { name: 'Atelier Cuisine partagée', slug: 'cuisine-partagee', sectors: ['restauration'] },
    { name: 'Chantier Second œuvre', slug: 'second-oeuvre', sectors: ['BTP second œuvre'] },
    { name: 'Atelier Informatique réemploi', slug: 'informatique-reemploi', sectors: ['reconditionnement informatique', 'recyclage'] },
    { name: 'Chantier Mangrove', slug: 'chantier-mangrove', sectors: ['protection de la mangrove', 'environnement'] },
    { name: 'Atelier Vannerie et artisanat', slug: 'vannerie', sectors: ['artisanat'] },
    { name: 'Chantier Espaces publics', slug: 'espaces-publics', sectors: ['entretien des espaces publics', 'espaces verts'] },
    { name: 'Épicerie solidaire d’insertion', slug: 'epicerie-solidaire', sectors: ['commerce de proximité'] },
    { name: 'Chantier Peinture et façades', slug: 'peinture-facades', sectors: ['peinture', 'BTP second œuvre'] },
    { name: 'Atelier Textile recyclé', slug: 'textile-recycle', sectors: ['recyclage textile'] },
    { name: 'Chantier Forêt', slug: 'chantier-foret', sectors: ['entretien forestier'] },
    { name: 'Atelier Filets et pêche', slug: 'filets-peche', sectors: ['pêche artisanale'] },
    { name: 'Chantier Agriculture bio', slug: 'agriculture-bio', sectors: ['agriculture'] },
    { name: 'Atelier Mobilier récupéré', slug: 'mobilier-recupere', sectors: ['recyclage de meubles', 'menuiserie'] },
    { name: 'Chantier Plages', slug: 'chantier-plages', sectors: ['nettoyage des plages', 'environnement'] },
    { name: 'Atelier Apiculture', slug: 'atelier-apiculture', sectors: ['apiculture', 'agriculture'] },
    { name: 'Chantier Bâtiment durable', slug: 'batiment-durable', sectors: ['BTP second œuvre'] },
    { name: 'Atelier Blanchisserie', slug: 'atelier-blanchisserie', sectors: ['blanchisserie'] },
    { name: 'Chantier Compostage', slug: 'chantier-compostage', sectors: ['déchets verts', 'recyclage'] },
    { name: 'Atelier Imprimerie solidaire', slug: 'imprimerie-solidaire', sectors: ['imprimerie'] },
    { name: 'Chantier Jardins créoles', slug: 'jardins-creoles', sectors: ['agriculture', 'espaces verts'] },
  ],
  EI: [
    { name: 'Propreté Insertion', slug: 'proprete-insertion', sectors: ['nettoyage de locaux'] },
    { name: 'Bâti Services Insertion', slug: 'bati-services', sectors: ['BTP second œuvre'] },
    { name: 'Recyclage Solidaire', slug: 'recyclage-solidaire', sectors: ['recyclage'] },
    { name: 'Traiteur d’insertion', slug: 'traiteur-insertion', sectors: ['restauration'] },
    { name: 'Vert Services Insertion', slug: 'vert-services', sectors: ['espaces verts'] },
    { name: 'Logistique Solidaire', slug: 'logistique-solidaire', sectors: ['logistique', 'manutention'] },
    { name: 'Blanchisserie Insertion', slug: 'blanchisserie-insertion', sectors: ['blanchisserie'] },
    { name: 'Déménagement Solidaire', slug: 'demenagement-solidaire', sectors: ['déménagement', 'manutention'] },
    { name: 'Garage Solidaire', slug: 'garage-solidaire', sectors: ['mécanique automobile'] },
    { name: 'Second Œuvre Insertion', slug: 'second-oeuvre-insertion', sectors: ['plâtrerie', 'peinture'] },
    { name: 'Collecte et Tri Insertion', slug: 'collecte-tri', sectors: ['gestion des déchets', 'recyclage'] },
    { name: 'Cantine Solidaire', slug: 'cantine-solidaire', sectors: ['restauration collective'] },
    { name: 'Serres et Plants Insertion', slug: 'serres-plants', sectors: ['horticulture', 'agriculture'] },
    { name: 'Peinture Insertion', slug: 'peinture-insertion', sectors: ['peinture'] },
    { name: 'Propreté Urbaine Insertion', slug: 'proprete-urbaine', sectors: ['propreté urbaine'] },
    { name: 'Électricité Services Insertion', slug: 'electricite-services', sectors: ['électricité du bâtiment'] },
    { name: 'Réemploi Emballages', slug: 'reemploi-emballages', sectors: ['réemploi', 'recyclage'] },
    { name: 'Fruits Transformés Insertion', slug: 'fruits-transformes', sectors: ['agroalimentaire'] },
    { name: 'Bois et Charpente Insertion', slug: 'bois-charpente', sectors: ['menuiserie', 'charpente'] },
    { name: 'Numérisation Solidaire', slug: 'numerisation-solidaire', sectors: ['saisie et numérisation'] },
  ],
  AI: [
    { name: 'Association intermédiaire Coup de pouce', slug: 'ai-coup-de-pouce', sectors: ['services à la personne', 'ménage'] },
    { name: 'Association intermédiaire Services de proximité', slug: 'ai-services-proximite', sectors: ['services à la personne', 'jardinage'] },
    { name: 'Association intermédiaire Entraide Emploi', slug: 'ai-entraide-emploi', sectors: ['manutention', 'nettoyage'] },
    { name: 'Association intermédiaire Relais Emploi', slug: 'ai-relais-emploi', sectors: ['services aux entreprises', 'nettoyage'] },
    { name: 'Association intermédiaire Bras solidaires', slug: 'ai-bras-solidaires', sectors: ['jardinage', 'petits travaux'] },
    { name: 'Association intermédiaire Services aux familles', slug: 'ai-services-familles', sectors: ['services à la personne', 'garde d’enfants'] },
    { name: 'Association intermédiaire Main tendue', slug: 'ai-main-tendue', sectors: ['services à la personne', 'ménage'] },
    { name: 'Association intermédiaire Proxi Services', slug: 'ai-proxi-services', sectors: ['restauration', 'service en salle'] },
    { name: 'Association intermédiaire Travail et Partage', slug: 'ai-travail-partage', sectors: ['agriculture', 'manutention'] },
    { name: 'Association intermédiaire Solidarité Emploi', slug: 'ai-solidarite-emploi', sectors: ['nettoyage', 'services à la personne'] },
  ],
  ETTI: [{ name: 'Intérim d’insertion', slug: 'interim-insertion', sectors: ['intérim', 'BTP', 'logistique'] }],
  EITI: [],
};

/**
 * Invented partner records (France Travail, Missions Locales, Cap Emploi, PLIE, Collectivité), with
 * example phone numbers taken from the range ARCEP keeps for fiction (01 99 00 xx xx: they reach
 * nobody) and example opening hours, so the way to a person can be shown; still marked as examples.
 */
export interface DemoPartner {
  id: string;
  kind: StructureKind;
  name: string;
  /** INSEE code of the commune. */
  insee: string;
  description: string;
  /** Example number in the fiction range 01 99 00 xx xx. */
  phone: string;
  /** Example opening hours (OSM opening_hours syntax, as data·inclusion gives them). */
  openingHours: string;
}

export const DEMO_PARTNERS: readonly DemoPartner[] = [
  { id: 'demo:972-ft-01', kind: 'FT', name: 'France Travail – agence de Fort-de-France', insee: '97209', description: 'Inscription, offres d’emploi, conseil et PASS IAE.', phone: '01 99 00 11 21', openingHours: 'Mo-Fr 08:30-12:30,13:30-16:30' },
  { id: 'demo:972-ft-02', kind: 'FT', name: 'France Travail – agence du Lamentin', insee: '97213', description: 'Inscription, offres d’emploi, conseil et PASS IAE.', phone: '01 99 00 12 22', openingHours: 'Mo-Fr 08:30-12:30,13:30-16:30' },
  { id: 'demo:972-ft-03', kind: 'FT', name: 'France Travail – agence de La Trinité', insee: '97230', description: 'Inscription, offres d’emploi, conseil et PASS IAE.', phone: '01 99 00 13 23', openingHours: 'Mo-Fr 08:30-12:30,13:30-16:30' },
  { id: 'demo:972-ft-04', kind: 'FT', name: 'France Travail – agence de Saint-Pierre', insee: '97225', description: 'Inscription, offres d’emploi, conseil et PASS IAE.', phone: '01 99 00 14 24', openingHours: 'Mo-Fr 08:30-12:30,13:30-16:30' },
  { id: 'demo:972-ft-05', kind: 'FT', name: 'France Travail – agence de Rivière-Salée', insee: '97221', description: 'Inscription, offres d’emploi, conseil et PASS IAE.', phone: '01 99 00 15 25', openingHours: 'Mo-Fr 08:30-12:30,13:30-16:30' },
  { id: 'demo:972-ft-06', kind: 'FT', name: 'France Travail – agence du Marin', insee: '97217', description: 'Inscription, offres d’emploi, conseil et PASS IAE.', phone: '01 99 00 16 26', openingHours: 'Mo-Fr 08:30-12:30,13:30-16:30' },
  { id: 'demo:972-ml-01', kind: 'ML', name: 'Mission Locale du Nord de la Martinique', insee: '97228', description: 'Accompagnement des jeunes de 16 à 25 ans : emploi, formation, logement, santé.', phone: '01 99 00 17 27', openingHours: 'Mo-Fr 08:00-12:00,13:30-17:00' },
  { id: 'demo:972-ml-02', kind: 'ML', name: 'Mission Locale du Centre de la Martinique', insee: '97209', description: 'Accompagnement des jeunes de 16 à 25 ans : emploi, formation, logement, santé.', phone: '01 99 00 18 28', openingHours: 'Mo-Fr 08:00-12:00,13:30-17:00' },
  { id: 'demo:972-ml-03', kind: 'ML', name: 'Mission Locale du Sud de la Martinique', insee: '97221', description: 'Accompagnement des jeunes de 16 à 25 ans : emploi, formation, logement, santé.', phone: '01 99 00 19 29', openingHours: 'Mo-Fr 08:00-12:00,13:30-17:00' },
  { id: 'demo:972-cap-emploi-01', kind: 'CAP_EMPLOI', name: 'Cap Emploi Martinique', insee: '97213', description: 'Emploi des personnes en situation de handicap (RQTH).', phone: '01 99 00 20 30', openingHours: 'Mo-Th 08:00-12:00,13:30-16:30; Fr 08:00-12:00' },
  { id: 'demo:972-plie-01', kind: 'PLIE', name: 'PLIE du Centre de la Martinique', insee: '97209', description: 'Parcours vers l’emploi avec un référent unique.', phone: '01 99 00 21 31', openingHours: 'Mo-Fr 08:00-12:30' },
  { id: 'demo:972-dept-01', kind: 'DEPT', name: 'Collectivité Territoriale de Martinique – service insertion', insee: '97209', description: 'Insertion des bénéficiaires du RSA.', phone: '01 99 00 22 32', openingHours: 'Mo-Fr 07:30-13:00' },
];
