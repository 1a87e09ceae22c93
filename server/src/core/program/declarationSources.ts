import * as path from 'node:path';
import { ts } from '@ts-morph/common';

/**
 * The source a workspace package's built declaration file was emitted from, read from the declaration map
 * beside it (`dist/index.d.ts.map`, written with `"declarationMap": true`): its `sources`, relative to the
 * map's folder and its `sourceRoot`. A monorepo's package B imports package A by name, through A's
 * `dist/*.d.ts`; the declarations have no bodies, so A's wrappers can only be inferred from its source,
 * as TypeScript's editor follows project references to their source. Undefined when the declaration lies
 * in a real node_modules folder (a published package, not the workspace's), has no map, or its source is
 * not there.
 */
export function declarationSource(declarationFile: string, files: { readFile(fileName: string): string | undefined; fileExists(fileName: string): boolean }): string | undefined {
  if (!/\.d\.[mc]?ts$/.test(declarationFile) || /[\\/]node_modules[\\/]/.test(declarationFile)) return undefined;
  const mapText = files.readFile(`${declarationFile}.map`);
  if (mapText === undefined) return undefined;
  let map: { sources?: unknown; sourceRoot?: unknown };
  try {
    map = JSON.parse(mapText);
  } catch {
    return undefined;
  }
  if (!Array.isArray(map.sources)) return undefined;
  const root = path.resolve(path.dirname(declarationFile), typeof map.sourceRoot === 'string' ? map.sourceRoot : '');
  for (const source of map.sources) {
    if (typeof source !== 'string' || !/\.[mc]?tsx?$/.test(source) || /\.d\.[mc]?ts$/.test(source)) continue;
    const fileName = path.resolve(root, source).replace(/\\/g, '/');
    if (!/[\\/]node_modules[\\/]/.test(fileName) && files.fileExists(fileName)) return fileName;
  }
  return undefined;
}

/** A module resolution redirected from a workspace package's declaration file to the source it was built from. */
export function redirectToSource(resolution: ts.ResolvedModuleWithFailedLookupLocations, source: string): ts.ResolvedModuleWithFailedLookupLocations {
  const extension = source.endsWith('.tsx') ? ts.Extension.Tsx : source.endsWith('.mts') ? ts.Extension.Mts : source.endsWith('.cts') ? ts.Extension.Cts : ts.Extension.Ts;
  return { ...resolution, resolvedModule: { ...resolution.resolvedModule!, resolvedFileName: source, extension, isExternalLibraryImport: false } };
}
