// SPDX-License-Identifier: MIT
// Not part of the public API; may change without notice.
// The translation path of QObject.tr() and QCoreApplication.translate(): the translators installed
// with QCoreApplication.installTranslator() (newest first, as Qt's QCoreApplicationPrivate keeps
// them), then the source text, with Qt's %n substitution.
import { describe } from './describe.js';
import { checkInteger } from './args.js';
import type { QCoreApplication } from '../QCoreApplication.js';

type Translator = QCoreApplication.Translator;

/** The installed translators, the most recently installed first (Qt prepends). */
const translators: Translator[] = [];

/**
 * Puts a translator in front of the list (Qt prepends, even when it is already there).
 * @internal
 */
export function addTranslator(t: Translator): void {
  translators.unshift(t);
}

/**
 * Removes every occurrence of a translator (Qt's removeAll).
 * @returns whether it was installed
 * @internal
 */
export function dropTranslator(t: object): boolean {
  let found = false;
  for (let i = translators.length - 1; i >= 0; i--) {
    if (translators[i] === t) {
      translators.splice(i, 1);
      found = true;
    }
  }
  return found;
}

/**
 * Forgets every translator (the application object is gone).
 * @internal
 */
export function clearTranslators(): void {
  translators.length = 0;
}

/**
 * Asks the translators, newest first, until one returns a string (an empty string counts, as a
 * non-null empty QString stops Qt's search).
 */
function lookUp(context: string, sourceText: string, disambiguation: string | null, n: number): string | null {
  if (translators.length === 0) return null;
  for (const t of translators.slice()) {
    const r = t.translate(context, sourceText, disambiguation, n);
    if (typeof r === 'string') return r;
  }
  return null;
}

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
 * Checks the arguments of a translation call and returns the translation (or the source text) with
 * `%n` replaced.
 * @param where - `Class.method` for error messages
 * @param context - the context to look the text up in; undefined skips the translators
 * @internal
 */
export function translateText(where: string, sourceText: unknown, disambiguation: unknown, n: unknown, context?: string): string {
  if (typeof sourceText !== 'string') throw new TypeError(`${where}: sourceText must be a string, got ${describe(sourceText)}`);
  if (disambiguation !== null && disambiguation !== undefined && typeof disambiguation !== 'string') {
    throw new TypeError(`${where}: disambiguation must be a string or null, got ${describe(disambiguation)}`);
  }
  const count = checkInteger(where, 'n', n);
  const found = context === undefined ? null : lookUp(context, sourceText, disambiguation ?? null, count);
  return replacePercentN(found ?? sourceText, count);
}
