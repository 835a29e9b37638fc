// The page locale: <html lang>, then og:locale, then the domain's country; es-ES when none says more.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageLocale, parseLocaleOption, SUPPORTED_LOCALES } from '../../src/article/locale.ts';
import { UserError } from '../../src/errors.ts';

describe('page locale', () => {
  it('takes <html lang> first', () => assert.equal(pageLocale({ htmlLang: 'es-AR', ogLocale: 'es_MX', url: 'https://elpais.com/x' }), 'es-AR'));
  it('takes og:locale when lang names no country', () => assert.equal(pageLocale({ htmlLang: 'es', ogLocale: 'es_MX' }), 'es-MX'));
  it('takes the domain country last', () => {
    assert.equal(pageLocale({ htmlLang: 'es', url: 'https://www.clarin.com.ar/politica/nota.html' }), 'es-AR');
    assert.equal(pageLocale({ url: 'elcomercio.pe' }), 'es-PE');
    assert.equal(pageLocale({ url: 'https://www.eltiempo.com.co/' }), 'es-CO');
  });
  it('defaults to es-ES', () => {
    assert.equal(pageLocale({}), 'es-ES');
    assert.equal(pageLocale({ htmlLang: 'es', url: 'https://elpais.com/' }), 'es-ES');
    assert.equal(pageLocale({ htmlLang: 'en-US', url: 'https://example.com/' }), 'es-ES');
    assert.equal(pageLocale({ url: 'not a url' }), 'es-ES');
  });
  it('ignores countries it has no profile for', () => assert.equal(pageLocale({ htmlLang: 'es-FR', url: 'https://example.de/' }), 'es-ES'));
  it('lists the supported locales, es-ES first', () => {
    assert.equal(SUPPORTED_LOCALES[0], 'es-ES');
    for (const tag of ['es-MX', 'es-AR', 'es-CO', 'es-CL', 'es-US']) assert.ok(SUPPORTED_LOCALES.includes(tag), tag);
  });
  it('validates --locale', () => {
    assert.equal(parseLocaleOption('es_mx'), 'es-MX');
    assert.equal(parseLocaleOption('ES-AR'), 'es-AR');
    assert.throws(
      () => parseLocaleOption('fr-FR'),
      (error: unknown) => error instanceof UserError && /unknown locale "fr-FR".*es-ES/.test(error.message),
    );
    assert.throws(() => parseLocaleOption('es'), UserError);
  });
});
