/** The architecture's folder boundaries are enforced by lint; these cases prove the rules bite. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/x.ts', "import { app } from 'electron';"],
    ['shared/x.ts', "import Database from 'better-sqlite3';"],
    ['electron/backend/x.ts', "import { app } from 'electron';"],
    ['electron/backend/x.ts', "import { useState } from 'react';"],
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { Kysely } from 'kysely';"],
    ['renderer/src/x.ts', "import { openBackend } from '../../electron/backend/app';"],
    ['electron/preload/x.ts', "import { openBackend } from '../backend/app';"],
    ['electron/backend/persons/x.ts', "import { loadStay } from '../shelter/queries';"],
    ['electron/backend/persons/x.ts', "import { HIDDEN } from '../complaints/confidential';"],
    ['electron/backend/persons/x.ts', "import { app } from 'electron';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['shared/x.ts', "import { z } from 'zod';"],
    ['electron/backend/x.ts', "import { readFileSync } from 'node:fs';"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['electron/main/x.ts', "import { app } from 'electron';"],
    ['electron/backend/shelter/x.ts', "import { loadSummaries } from '../persons/store';"],
    ['electron/backend/persons/x.ts', "import { regionRefs } from '../regions/refs';"],
  ])('%s may: %s', async (file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toEqual([]);
  });
});
