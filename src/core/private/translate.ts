// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
// The translation path of QObject.tr() and QCoreApplication.translate(): tsqt has no translators,
// so the source text is the translation, with Qt's %n substitution.
import { describe } from './describe.js';

/**
 * Qt's replacePercentN(): when `n >= 0`, each `%n` becomes `n` and each `%Ln` becomes `n` in the
 * default locale's digit grouping; a `%` followed by anything else is left alone and the scan
 * goes on from the next character.
 */
function replacePercentN(text: string, n: number): string {
  if (n < 0) return text;
  let result = text;
  let pos = 0;
  let len = 0;
  while ((pos = result.indexOf('%', pos + len)) !== -1) {
    len = 1;
    if (pos + len === result.length) break;
    let localized = false;
    if (result[pos + len] === 'L') {
      len++;
      if (pos + len === result.length) break;
      localized = true;
    }
    if (result[pos + len] === 'n') {
      const num = localized ? n.toLocaleString() : String(n);
      len++;
      result = result.slice(0, pos) + num + result.slice(pos + len);
      len = num.length;
    }
  }
  return result;
}

/**
 * Checks the arguments of a translation call and returns the source text with `%n` replaced.
 * @param where - `Class.method` for error messages
 * @internal
 */
export function translateText(where: string, sourceText: unknown, disambiguation: unknown, n: unknown): string {
  if (typeof sourceText !== 'string') throw new TypeError(`${where}: sourceText must be a string, got ${describe(sourceText)}`);
  if (disambiguation !== null && disambiguation !== undefined && typeof disambiguation !== 'string') {
    throw new TypeError(`${where}: disambiguation must be a string or null, got ${describe(disambiguation)}`);
  }
  if (typeof n !== 'number' || !Number.isInteger(n)) throw new TypeError(`${where}: n must be an integer, got ${describe(n)}`);
  return replacePercentN(sourceText, n);
}
