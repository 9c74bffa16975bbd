/**
 * Rooms stay small (docs/architecture.md): no source file over 600 lines, no function, method or
 * component over 150. Counted with the TypeScript parser over src/, so a room that grows past its
 * size fails here, not in a review months later.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const MAX_FILE_LINES = 600;
const MAX_FUNCTION_LINES = 150;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

interface Measured {
  where: string;
  lines: number;
}

/** Every function-like node of `source` with its length in lines, named by file, line and name. */
export function functionLengths(fileName: string, source: string): Measured[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const out: Measured[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const named = (node as ts.FunctionLikeDeclaration).name;
      let name = named && ts.isIdentifier(named) ? named.text : '';
      if (!name && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)) {
        name = node.parent.name.text;
      }
      out.push({ where: `${fileName}:${start + 1} ${name || '(anonymous)'}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('rooms stay small', () => {
  const files = sourceFiles(join(ROOT, 'src')).map((path) => ({
    name: relative(ROOT, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it(`has no source file over ${MAX_FILE_LINES} lines`, () => {
    const big = files
      .map((f) => ({ where: f.name, lines: f.text.split('\n').length }))
      .filter((f) => f.lines > MAX_FILE_LINES);
    expect(big).toEqual([]);
  });

  it(`has no function, method or component over ${MAX_FUNCTION_LINES} lines`, () => {
    const long = files.flatMap((f) => functionLengths(f.name, f.text)).filter((m) => m.lines > MAX_FUNCTION_LINES);
    expect(long).toEqual([]);
  });

  it('counts a long function, so the check can fail', () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES + 5 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const measured = functionLengths('probe.ts', `export const probe = () => {\n${body}\n};\n`);
    expect(measured).toEqual([{ where: 'probe.ts:1 probe', lines: MAX_FUNCTION_LINES + 7 }]);
  });
});
