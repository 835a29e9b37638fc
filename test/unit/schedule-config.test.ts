// The schedule config: defaults, paths read from the config's folder, and every bad field named by its path.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { UserError } from '../../src/errors.ts';
import { loadConfig, parseConfig } from '../../src/schedule/config.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'schedule-config-'));
const file = path.join(dir, 'feeds.yaml');

function configProblem(raw: unknown): string {
  try {
    parseConfig(raw, file);
  } catch (error) {
    assert.ok(error instanceof UserError);
    return error.message;
  }
  assert.fail('the config was accepted');
}

describe('schedule config', () => {
  it("fills the defaults and reads relative paths from the config file's folder", () => {
    const config = parseConfig({ feeds: [{ url: 'https://example.com/rss.xml' }] }, file);
    assert.deepEqual(config.feeds, [{ url: 'https://example.com/rss.xml', format: ['landscape'], maxItems: 5, maxAgeHours: 48 }]);
    assert.equal(config.cron, '0 7 * * *');
    assert.equal(config.output, path.join(dir, 'videos'));
    assert.deepEqual(config.queue, { kind: 'sqlite', file: path.join(dir, 'jobs.db') });
    assert.equal(config.allowPrivateNetworks, false);
    assert.equal(config.media, 'article');
    assert.equal(parseConfig({ feeds: [{ url: 'https://example.com/rss.xml' }], media: 'lead' }, file).media, 'lead');
    assert.deepEqual(config.retry, { maxAttempts: 3, backoffSeconds: 60 });
  });

  it('takes a list of formats, a redis queue and a time zone', () => {
    const config = parseConfig(
      {
        feeds: [{ url: 'http://example.com/a', format: ['vertical', 'square', 'vertical'], voice: 'ef_dora' }],
        queue: 'redis://10.0.0.5:6379',
        cron: '*/15 6-22 * * *',
        timezone: 'Europe/Madrid',
      },
      file,
    );
    assert.deepEqual(config.feeds[0]!.format, ['vertical', 'square']);
    assert.deepEqual(config.queue, { kind: 'redis', url: 'redis://10.0.0.5:6379' });
    assert.equal(config.timezone, 'Europe/Madrid');
  });

  it("takes a feed's length and music bed, the music file read from the config file's folder", () => {
    const config = parseConfig(
      {
        feeds: [
          { url: 'https://e.com/a', maxSeconds: 60, music: 'music/bed.mp3' },
          { url: 'https://e.com/b', music: { file: '/srv/bed.ogg', level: -14 } },
        ],
      },
      file,
    );
    assert.equal(config.feeds[0]!.maxSeconds, 60);
    assert.deepEqual(config.feeds[0]!.music, { file: path.join(dir, 'music/bed.mp3'), levels: { levelDb: -10, duckDb: 18 } });
    assert.deepEqual(config.feeds[1]!.music, { file: '/srv/bed.ogg', levels: { levelDb: -14, duckDb: 18 } });
  });

  const bad: [string, unknown, RegExp][] = [
    ['a music level over 0', { feeds: [{ url: 'https://e.com/f', music: { file: 'a.mp3', level: 3 } }] }, /feeds\[0\]\.music\.level/],
    ['a maxSeconds too short for a video', { feeds: [{ url: 'https://e.com/f', maxSeconds: 4 }] }, /feeds\[0\]\.maxSeconds/],
    ['no feeds', {}, /feeds: /],
    ['an empty feed list', { feeds: [] }, /feeds: must list at least one feed/],
    ['a feed URL that is not http(s)', { feeds: [{ url: 'ftp://example.com/rss' }] }, /feeds\[0\]\.url: must be an http\(s\) URL/],
    ['an unknown format', { feeds: [{ url: 'https://e.com/f', format: 'portrait' }] }, /feeds\[0\]\.format/],
    ['a maxItems of 0', { feeds: [{ url: 'https://e.com/f', maxItems: 0 }] }, /feeds\[0\]\.maxItems/],
    ['a misspelt field', { feeds: [{ url: 'https://e.com/f', maxitems: 3 }] }, /feeds\[0\]: Unrecognized key: "maxitems"/],
    ['a bad cron pattern', { feeds: [{ url: 'https://e.com/f' }], cron: 'every morning' }, /cron: must be a cron pattern/],
    ['an unknown time zone', { feeds: [{ url: 'https://e.com/f' }], timezone: 'Mars/Olympus' }, /timezone: must be an IANA time zone/],
    ['an unknown queue', { feeds: [{ url: 'https://e.com/f' }], queue: 'postgres://db' }, /queue: must be sqlite:<file> or redis:\/\/host:port/],
    ['an unknown media choice', { feeds: [{ url: 'https://e.com/f' }], media: 'all' }, /media: .*"article"\|"lead"\|"none"/],
    ['a string for a boolean', { feeds: [{ url: 'https://e.com/f' }], allowPrivateNetworks: 'yes' }, /allowPrivateNetworks/],
  ];
  for (const [what, raw, problem] of bad) {
    it(`names the field and the fix for ${what}`, () => {
      const message = configProblem(raw);
      assert.match(message, problem);
      assert.match(message, /feeds\.example\.yaml/);
    });
  }

  it('points at the line of a YAML syntax error', async () => {
    writeFileSync(file, 'feeds:\n  - url: https://e.com/f\n    format: [vertical\n');
    await assert.rejects(loadConfig(file), (error: Error) => error instanceof UserError && /not valid YAML at line \d/.test(error.message));
  });

  it('says when the file cannot be read', async () => {
    await assert.rejects(
      loadConfig(path.join(dir, 'missing.yaml')),
      (error: Error) => error instanceof UserError && /cannot be read \(ENOENT\)/.test(error.message),
    );
  });
});
