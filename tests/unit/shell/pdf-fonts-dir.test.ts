import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFontsDir } from '../../../electron/main/shell/app-paths';

const REPO = path.resolve(__dirname, '../../..');

describe('where the shell finds the PDF fonts', () => {
  it('uses the project’s resources/fonts in development, and that folder holds the fonts', () => {
    const dir = pdfFontsDir({ appPath: REPO, resourcesPath: '/nowhere', isPackaged: false });
    expect(dir).toBe(path.join(REPO, 'resources', 'fonts'));
    expect(fs.existsSync(path.join(dir, 'noto', 'NotoSans-Regular.ttf'))).toBe(true);
  });

  it('uses <resources>/fonts when packaged, where electron-builder.yml copies resources/fonts/**', () => {
    expect(pdfFontsDir({ appPath: '/app.asar', resourcesPath: '/opt/Chartbook/resources', isPackaged: true })).toBe(
      path.join('/opt/Chartbook/resources', 'fonts'),
    );
    const builder = fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8');
    // extraResources: from "resources" to "." with a "fonts/**" filter keeps the folder name.
    expect(builder).toMatch(/- from: resources\s+to: \.\s+filter: \[[^\]]*['"]fonts\/\*\*['"]/);
  });
});
