import { readFileSync } from 'node:fs';
import { ConfigError, configSchema, loadConfig, servedTerritoryOf } from '../../bot/config';
import { projectPath } from '../../knowledge/projectFiles';

describe('configuration', () => {
  it('starts with safe defaults and no variable at all', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3978, NODE_ENV: 'development', MONGODB_DB: 'guichet_iae', WEBCHAT_ENABLED: true });
    expect(config.MONGODB_URI).toBeUndefined();
  });

  it('treats empty values as not set', () => {
    expect(loadConfig({ MONGODB_URI: '', MicrosoftAppId: '  ' }).MicrosoftAppId).toBeUndefined();
  });

  it('refuses to start in production without a Microsoft app id', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId: is required when NODE_ENV=production/);
  });

  it('accepts production with complete SingleTenant credentials', () => {
    const env = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant', SUBJECT_KEY_SECRET: 'a-long-production-secret' };
    expect(loadConfig(env).MicrosoftAppType).toBe('SingleTenant');
  });

  it('refuses production without the subject key secret, and a short one anywhere', () => {
    const env = { NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant' };
    expect(() => loadConfig(env)).toThrow(/SUBJECT_KEY_SECRET/);
    expect(() => loadConfig({ SUBJECT_KEY_SECRET: 'short' })).toThrow(/SUBJECT_KEY_SECRET: must have at least 16 characters/);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WEBCHAT_ENABLED: 'yes' }, 'WEBCHAT_ENABLED'],
    [{ MicrosoftAppId: 'app' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'app', MicrosoftAppPassword: 'x' }, 'MicrosoftAppTenantId'],
  ])('names the bad key in %j', (env, key) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`${key}:`));
  });

  it('is mirrored by .env.example, key for key', () => {
    const example = readFileSync(projectPath('.env.example'), 'utf8');
    const keys = example
      .split('\n')
      .filter((line) => /^[A-Za-z_]+=/.test(line))
      .map((line) => line.split('=')[0]);
    expect(keys.sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(() => loadConfig(Object.fromEntries(example.split('\n').filter((l) => /^[A-Za-z_]+=/.test(l)).map((l) => l.split('='))))).not.toThrow();
  });

  it('documents every key', () => {
    for (const [key, schema] of Object.entries(configSchema.shape)) {
      expect([key, (schema as { description?: string }).description]).toEqual([key, expect.any(String)]);
    }
  });

  describe('TERRITORY', () => {
    it('is the demo territory (972) when unset with the demo data, national without it or when empty', () => {
      expect(servedTerritoryOf(loadConfig({}))).toBe('972');
      expect(servedTerritoryOf(loadConfig({ DEMO_DATA: 'false' }))).toBeUndefined();
      expect(servedTerritoryOf(loadConfig({ TERRITORY: '' }))).toBeUndefined();
      expect(servedTerritoryOf(loadConfig({ TERRITORY: 'FR' }))).toBeUndefined();
    });

    it.each(['972', '974', '2A', '200041788', '972-NORD', 'region:02'])('accepts %s', (code) => {
      expect(servedTerritoryOf(loadConfig({ TERRITORY: code, DEMO_DATA: 'false' }))).toBe(code);
    });

    it.each(['Martinique', '999', '97209', 'commune:97209', '14.6,-61.07', 'region:99'])('refuses %s at start, naming the key', (code) => {
      expect(() => loadConfig({ TERRITORY: code })).toThrow(/TERRITORY: must be a département/);
    });
  });
});
