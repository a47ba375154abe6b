import { warmUnderstanding } from '../../knowledge/understanding/understand';
import { textOf } from '../support/botDriver';
import { martiniqueBot, play } from '../support/probeBot';
import { useDemoBot } from '../support/demoBot';

const demo = useDemoBot({ today: '2026-11-22', warm: true });
beforeAll(() => warmUnderstanding());

const newBot = () => martiniqueBot(demo);

describe('a professional who introduces themselves', () => {
  it('« je suis conseiller France Travail, … les ACI du Marin »: the ACI are looked for, France Travail is not said back as a structure', async () => {
    const said = textOf(await play(newBot(), 'Bonjour, je suis conseiller France Travail, pouvez-vous me lister les ACI du Marin ?'));
    expect(said).toMatch(/Structure : chantier d'insertion\n/);
    expect(said).not.toMatch(/Structure : France Travail/);
    expect(said).toMatch(/chantiers d'insertion\) à moins de 25 km du Marin/);
  });

  it('« je suis conseillère Cap Emploi : monsieur 54 ans… »: the answer speaks of « la personne », Cap Emploi is no structure asked for', async () => {
    const said = textOf(await play(newBot(), 'Je suis conseillère Cap Emploi : monsieur 54 ans, RQTH, AAH, vit à Sainte-Marie. Il peut être recruté en ACI ?'));
    // The kind asked (ACI) answered for itself.
    expect(said).toMatch(/\(ACI\) : oui, cette structure peut embaucher la personne/);
    expect(said).not.toMatch(/vous embaucher/);
    expect(said).not.toMatch(/Cap Emploi, chantier/);
  });

  it('someone who names a former job (« agent d’entretien ») is still spoken to as « vous »', async () => {
    const said = textOf(await play(newBot(), "je suis agent d'entretien au chômage depuis 2 ans, je touche le RSA, suis-je éligible ?"));
    expect(said).toMatch(/vous embaucher/);
  });

  it('a Mission Locale looked for is still one', async () => {
    const said = textOf(await play(newBot(), 'je cherche la mission locale du Robert'));
    expect(said).toMatch(/Structure : Mission Locale/);
  });
});
