// Types for build/eslint-layers.mjs, so the tests can read the layer table under strict TypeScript.
import type { ESLint, Linter } from 'eslint';

export declare const NODE: 'node';
export declare const ELECTRON: 'electron';

export interface Layer {
  name: string;
  paths: string[];
  mayImport: string[];
}

export declare const LAYERS: readonly Layer[];
export declare const LAYERED_ROOTS: readonly string[];
export declare function layerOf(relPath: string): Layer | undefined;
export declare const layersPlugin: ESLint.Plugin;
export declare const layersConfig: Linter.Config;
