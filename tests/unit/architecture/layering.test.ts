import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

/** The layering in docs/ARCHITECTURE.md is kept by lint; these prove the lint rules bite. */
describe('import boundaries', () => {
  it('shared/ may not import electron/, renderer/ or Node', async () => {
    expect(
      await importErrors('shared/x.ts', "import { startCore } from '../electron/main/core';\nexport { startCore };"),
    ).toHaveLength(1);
    expect(await importErrors('shared/x.ts', "import fs from 'node:fs';\nexport { fs };")).toHaveLength(1);
    expect(
      await importErrors('shared/x.ts', "import { call } from '../renderer/src/api/client';\nexport { call };"),
    ).toHaveLength(1);
  });

  it('the renderer may not import main, Electron, Node or the database', async () => {
    for (const spec of ["'../../electron/main/core'", "'electron'", "'node:fs'", "'better-sqlite3'"]) {
      expect(await importErrors('renderer/src/x.ts', `import * as m from ${spec};\nexport { m };`), spec).toHaveLength(
        1,
      );
    }
  });

  it('only the shell imports electron; services stay plain Node', async () => {
    expect(
      await importErrors('electron/main/services/x.ts', "import { app } from 'electron';\nexport { app };"),
    ).toHaveLength(1);
    expect(
      await importErrors('electron/main/shell/x.ts', "import { app } from 'electron';\nexport { app };"),
    ).toHaveLength(0);
  });

  it('allowed imports pass', async () => {
    expect(
      await importErrors(
        'renderer/src/x.ts',
        "import { contract } from '../../shared/contract';\nexport { contract };",
      ),
    ).toHaveLength(0);
    expect(
      await importErrors(
        'electron/main/x.ts',
        "import { contract } from '../../shared/contract';\nexport { contract };",
      ),
    ).toHaveLength(0);
  });
});

describe("Electron's main thread", () => {
  it('never loads the database, services or PDF building: those run in the core thread', async () => {
    for (const spec of [
      "'../core'",
      "'../db/connection'",
      "'../ipc/dispatcher'",
      "'../patients/patient-service'",
      "'../printing/render-pdf'",
      "'better-sqlite3'",
      "'pdfmake'",
    ]) {
      expect(
        await importErrors('electron/main/shell/x.ts', `import * as m from ${spec};\nexport { m };`),
        spec,
      ).toHaveLength(1);
      expect(
        await importErrors('electron/main/core-thread/core-client.ts', `import * as m from ${spec};\nexport { m };`),
        spec,
      ).toHaveLength(1);
    }
    expect(
      await importErrors('electron/main/index.ts', "import { startCore } from './core';\nexport { startCore };"),
    ).toHaveLength(1);
  });

  it('may use the core client and the printer port', async () => {
    const code =
      "import { startCoreWorker } from '../core-thread/core-client';\nimport type { PdfPrinter } from '../printing/pdf-printer';\nexport { startCoreWorker, type PdfPrinter };";
    expect(await importErrors('electron/main/shell/x.ts', code)).toHaveLength(0);
  });

  it('the core client stays free of Electron', async () => {
    expect(
      await importErrors(
        'electron/main/core-thread/core-client.ts',
        "import { app } from 'electron';\nexport { app };",
      ),
    ).toHaveLength(1);
  });
});
