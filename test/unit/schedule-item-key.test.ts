// Job keys of feed items, and how a job stored under the key of older releases (`guid:<guid>`) is recognised.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isLegacyJobOf, itemKey, legacyKey } from '../../src/schedule/item-key.ts';

const FEED = 'https://diario.example/rss.xml';
const LINK = 'https://diario.example/a.html';

describe('item keys', () => {
  it('keys a GUID within its feed, and an item without one by its link', () => {
    assert.equal(itemKey(FEED, 'urn:1', LINK), `guid:${FEED}#urn:1`);
    assert.notEqual(itemKey(FEED, 'urn:1', LINK), itemKey('https://otro.example/rss.xml', 'urn:1', LINK));
    assert.equal(itemKey(FEED, undefined, LINK), `url:${LINK}`);
  });

  it('names the key older releases gave an item with a GUID', () => {
    assert.equal(legacyKey({ guid: 'urn:1' }), 'guid:urn:1');
    assert.equal(legacyKey({ guid: null }), null);
  });

  it('takes a job under the old key as this item only when it came from the same feed or has the same link', () => {
    const item = { feedUrl: FEED, itemUrl: LINK };
    assert.equal(isLegacyJobOf({ feedUrl: FEED, itemUrl: 'https://diario.example/moved.html' }, item), true);
    assert.equal(isLegacyJobOf({ feedUrl: 'https://atom.example/feed', itemUrl: LINK }, item), true);
    assert.equal(isLegacyJobOf({ feedUrl: 'https://otro.example/rss.xml', itemUrl: 'https://otro.example/b.html' }, item), false);
    assert.equal(isLegacyJobOf('not a spec', item), false);
    assert.equal(isLegacyJobOf(null, item), false);
  });
});
