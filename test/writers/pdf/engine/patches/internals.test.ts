import { readFileSync } from 'node:fs';
import { reportError } from '../../../../../src/cli/errors.js';
import { installPatches, PatchError } from '../../../../../src/writers/pdf/engine/patches/index.js';
import {
  checkVersions,
  installedVersions,
  internalPrototype,
  PINNED,
} from '../../../../../src/writers/pdf/engine/patches/internals.js';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('the versions the patches are written for', () => {
  test('are pinned exactly in package.json, pdfkit also as an override of the range pdfmake asks for', () => {
    const manifest = json('../../../../../package.json') as {
      dependencies: Record<string, string>;
      overrides: Record<string, string>;
    };
    expect({ pdfmake: manifest.dependencies.pdfmake, pdfkit: manifest.dependencies.pdfkit }).toEqual(PINNED);
    expect(manifest.overrides.pdfkit).toBe(PINNED.pdfkit);
  });

  test('are the locked and installed ones (the pdfkit that pdfmake itself loads)', () => {
    const lock = json('../../../../../package-lock.json') as {
      packages: Record<string, { version?: string } | undefined>;
    };
    const locked = (name: string): string | undefined =>
      (lock.packages[`node_modules/pdfmake/node_modules/${name}`] ?? lock.packages[`node_modules/${name}`])?.version;
    expect({ pdfmake: locked('pdfmake'), pdfkit: locked('pdfkit') }).toEqual(PINNED);
    expect(installedVersions()).toEqual(PINNED);
  });
});

describe('when a patch cannot apply, no PDF is made and the message says why, in Dutch', () => {
  test('another version of pdfmake or pdfkit', () => {
    expect(() => checkVersions(PINNED)).not.toThrow();
    expect(() => checkVersions({ ...PINNED, pdfkit: '0.19.2' })).toThrow(PatchError);
    expect(() => checkVersions({ ...PINNED, pdfkit: '0.19.2' })).toThrow(
      'De PDF kan niet gemaakt worden: geïnstalleerd zijn pdfmake 0.3.11 en pdfkit 0.19.2, niet pdfmake 0.3.11 en pdfkit 0.19.1.',
    );
    expect(() => checkVersions({ pdfmake: '0.3.12', pdfkit: undefined })).toThrow(
      /pdfmake 0\.3\.12 en pdfkit onbekend/,
    );
    expect(() => installPatches([], { ...PINNED, pdfmake: '0.4.0' })).toThrow(/Installeer de vastgelegde versies/);
  });

  test('is an error of the installation, not a bug: the CLI says it in Dutch and exits 1, without a stack trace', () => {
    let stderr = '';
    const io = {
      stdout: () => undefined,
      stderr: (text: string) => void (stderr += text),
      cwd: '.',
      interactive: false,
    };
    let error: unknown;
    try {
      checkVersions({ ...PINNED, pdfmake: '0.3.12' });
    } catch (caught) {
      error = caught;
    }
    expect(reportError(error, io)).toBe(1);
    expect(stderr).toMatch(/^Fout: De PDF kan niet gemaakt worden: geïnstalleerd zijn pdfmake 0\.3\.12/);
    expect(stderr).toContain('npm ci');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('an internal class or method that is gone', () => {
    expect(() => internalPrototype('Renderer.js', ['renderPages', 'renderParagraphs'])).toThrow(
      'De PDF kan niet gemaakt worden: pdfmake heeft in js/Renderer.js geen methode renderParagraphs meer.',
    );
    expect(() => internalPrototype('Weg.js', [])).toThrow('pdfmake heeft geen klasse meer in js/Weg.js');
  });
});
