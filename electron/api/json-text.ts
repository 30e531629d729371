/**
 * Parsing JSON typed or exported by people: when the text is not JSON, say
 * where (line and column) in French, which the engine's message does not do
 * on every Node version.
 */
import type { Problem } from '../../shared/model/portfolio';
import { DocumentError } from '../documents/document-error';
import { checkJsonShape } from '../documents/limits';

export type JsonParse = { ok: true; value: unknown } | { ok: false; problem: Problem };

export function parseJsonText(text: string): JsonParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    checkJsonShape(body, 'Le fichier');
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    return { ok: false, problem: { path: '', message: error.message } };
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const offset = findSyntaxError(body);
    const { line, column } = lineAndColumn(body, offset);
    const what =
      offset >= body.length
        ? 'le texte s’arrête avant la fin du document'
        : `caractère inattendu « ${body.slice(offset, offset + 1)} »`;
    return {
      ok: false,
      problem: {
        path: '',
        message: `Le fichier n’est pas du JSON valide : ${what} (ligne ${line}, colonne ${column}).`,
      },
    };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Offset of the first character that makes `text` invalid JSON (its length
 * when the text ends too early). Only called once `JSON.parse` has failed.
 */
export function findSyntaxError(text: string): number {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(readonly at: number) {}
  }
  const fail = (at: number): never => {
    throw new Stop(at);
  };
  const ws = () => {
    while (i < n && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) fail(i);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= n) fail(n);
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail(i);
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === undefined) fail(n);
        if (e === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          i += 5;
        } else if ('"\\/bfnrt'.includes(e!)) i++;
        else fail(i);
      } else i++;
    }
  };
  const digits = () => {
    const start = i;
    while (i < n && text[i]! >= '0' && text[i]! <= '9') i++;
    if (i === start) fail(i);
  };
  const number = () => {
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      digits();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      digits();
    }
  };
  const value = (depth: number): void => {
    if (depth > 10_000) fail(i);
    ws();
    if (i >= n) fail(n);
    const c = text[i]!;
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (i >= n) fail(n);
        if (text[i] !== '"') fail(i);
        string();
        ws();
        if (i >= n) fail(n);
        if (text[i] !== ':') fail(i);
        i++;
        value(depth + 1);
        ws();
        if (i >= n) fail(n);
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail(i);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (i >= n) fail(n);
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail(i);
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail(i);
  };
  try {
    value(0);
    ws();
    return i < n ? i : n;
  } catch (error) {
    if (error instanceof Stop) return Math.min(error.at, n);
    return 0;
  }
}
