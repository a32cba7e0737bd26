// The layering rule: every source file belongs to a layer by its path, and each of its imports
// (relative, absolute or a package; type-only imports too) must be allowed for that layer.
// An allow-list, modelled on VS Code's `code-layering`: a new folder or package is forbidden
// until the table says otherwise, so a hole cannot open by accident.
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pseudo-layer for Node's built-in modules (`node:fs`, `path`, …). */
export const NODE = 'node';
/** Pseudo-layer for the `electron` package and its subpaths. */
export const ELECTRON = 'electron';

/**
 * The layers, once. `paths` are relative to the project root (a folder ends in `/`); `mayImport`
 * names the other layers (and the NODE/ELECTRON pseudo-layers) a file of the layer may import.
 * A layer may always import itself; other npm packages are allowed everywhere.
 */
export const LAYERS = [
  // Shared by every process, and compiled into the renderer: no Node, nothing of ours.
  { name: 'contract', paths: ['main/contract/'], mayImport: [] },
  { name: 'core', paths: ['main/core/'], mayImport: ['contract', NODE] },
  { name: 'api', paths: ['main/api/'], mayImport: ['core', 'contract', NODE] },
  { name: 'cli', paths: ['main/cli/'], mayImport: ['core', 'contract', NODE] },
  {
    name: 'shell',
    paths: ['main/shell/'],
    mayImport: ['api', 'core', 'contract', ELECTRON, NODE],
  },
  // The Electron entry only hands control to the shell.
  { name: 'entry', paths: ['main/index.ts'], mayImport: ['shell', 'core', NODE] },
  // A sandboxed preload has no Node modules.
  { name: 'preload', paths: ['preload/'], mayImport: ['contract', ELECTRON] },
  { name: 'renderer', paths: ['renderer/'], mayImport: ['contract'] },
];

/** Folders whose every source file must belong to a layer. */
export const LAYERED_ROOTS = ['main/', 'preload/', 'renderer/'];

// Tests sit beside renderer components but are not shipped; they are not layered.
const UNLAYERED_FILE = /\.test\.[cm]?[jt]sx?$/;
const SOURCE_EXTENSION = /\.[cm]?[jt]sx?$/;

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function toPosix(p) {
  return p.split(path.sep).join('/');
}

function ownPaths(layer, relPath) {
  const bare = relPath.replace(SOURCE_EXTENSION, '');
  return layer.paths.some((p) =>
    p.endsWith('/') ? relPath.startsWith(p) : bare === p.replace(SOURCE_EXTENSION, ''),
  );
}

/** The layer owning a path relative to the project root, or undefined. */
export function layerOf(relPath) {
  return LAYERS.find((layer) => ownPaths(layer, relPath));
}

// What an import specifier points at: a layer (ours), a pseudo-layer, another package, or a
// file of ours outside every layer.
function classify(specifier, fromFile) {
  const source = specifier.replace(/[?#].*$/, '');
  if (source.startsWith('.') || path.isAbsolute(source)) {
    const rel = toPosix(path.relative(PROJECT_ROOT, path.resolve(path.dirname(fromFile), source)));
    return { kind: 'ours', rel, layer: layerOf(rel)?.name };
  }
  if (source === 'electron' || source.startsWith('electron/'))
    return { kind: 'layer', layer: ELECTRON };
  if (source.startsWith('node:') || isBuiltin(source)) return { kind: 'layer', layer: NODE };
  return { kind: 'package' };
}

function moduleSource(node) {
  switch (node.type) {
    case 'ImportDeclaration':
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration':
    case 'ImportExpression':
    case 'TSImportType':
      return node.source;
    case 'TSExternalModuleReference':
      return node.expression;
    case 'CallExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'require'
        ? node.arguments[0]
        : undefined;
    default:
      return undefined;
  }
}

const codeLayering = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only the layers the table allows' },
    schema: [],
    messages: {
      forbidden:
        "Layer '{{layer}}' may not import '{{what}}' ({{target}}); it may import: {{allowed}}.",
      unowned: "'{{file}}' is in no layer; add its folder to LAYERS in build/eslint-layers.mjs.",
    },
  },
  create(context) {
    const file = context.filename;
    const rel = toPosix(path.relative(PROJECT_ROOT, file));
    if (!LAYERED_ROOTS.some((root) => rel.startsWith(root)) || UNLAYERED_FILE.test(rel)) return {};
    const layer = layerOf(rel);
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'unowned', data: { file: rel } });
        },
      };
    }
    const allowed = new Set([layer.name, ...layer.mayImport]);

    function check(node) {
      const source = moduleSource(node);
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = classify(source.value, file);
      if (target.kind === 'package') return;
      if (target.layer !== undefined && allowed.has(target.layer)) return;
      context.report({
        node: source,
        messageId: 'forbidden',
        data: {
          layer: layer.name,
          what: target.kind === 'ours' ? target.rel : source.value,
          target: target.layer === undefined ? 'in no layer' : `layer '${target.layer}'`,
          allowed: layer.mayImport.length > 0 ? layer.mayImport.join(', ') : 'packages only',
        },
      });
    }

    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      TSImportType: check,
      TSExternalModuleReference: check,
      CallExpression: check,
    };
  },
};

/** The ESLint plugin holding the rule. */
export const layersPlugin = { rules: { 'code-layering': codeLayering } };

/** Flat-config block that turns the rule on for every source file under the layered roots. */
export const layersConfig = {
  files: LAYERED_ROOTS.map((root) => `${root}**/*.{ts,tsx,mts,cts,js,mjs,cjs,jsx}`),
  plugins: { layers: layersPlugin },
  rules: { 'layers/code-layering': 'error' },
};
