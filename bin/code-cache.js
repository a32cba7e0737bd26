// A V8 code cache for the built command line (out/main), so that a fresh process does not
// parse and compile the same bundle again: scripts call the CLI once per keystroke, and
// compiling took a fifth of a cold `list` (docs/benchmarks.md, "Cold command line"). Node 22
// has module.enableCompileCache(); on older Node this does the same for our files only.
//
// The cache lives in a folder of the user's own under the temp folder (mode 0700; used only
// when it is a real folder owned by this user, so no one else can plant compiled code), one
// file per bundle file keyed by a hash of its source (V8 itself checks only the source's
// length, its own version and its flags; SHA-1 is enough to tell builds apart, and hashed the
// sources 2.5 times quicker than SHA-256). Anything that goes wrong means compiling as usual.
// ARCHIVE_READER_CODE_CACHE=0 turns it off.
/* eslint-disable @typescript-eslint/no-require-imports -- the bin shim is plain CommonJS */
'use strict';
const Module = require('node:module');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

/**
 * Caches the compiled code of the modules under `roots` (folder paths with no trailing slash):
 * the build, and the folders its packages load from (lunr's stemmers were a tenth of a cold
 * `search`, compiled anew each time).
 */
function enableCodeCache(roots) {
  if (process.env.ARCHIVE_READER_CODE_CACHE === '0') return;
  const dir = cacheDir();
  if (dir === null) return;
  const prefixes = (Array.isArray(roots) ? roots : [roots]).map((root) => root + path.sep);
  const cached = (filename) =>
    typeof filename === 'string' && prefixes.some((prefix) => filename.startsWith(prefix));
  const compile = Module.prototype._compile;
  const fresh = [];
  Module.prototype._compile = function compileCached(content, filename) {
    if (!cached(filename)) {
      return compile.call(this, content, filename);
    }
    let script;
    let file;
    try {
      const key = createHash('sha1').update(content).digest('hex');
      file = path.join(dir, `${key}.bin`);
      const cachedData = readOrNull(file);
      script = new vm.Script(Module.wrap(content), {
        filename,
        ...(cachedData ? { cachedData } : {}),
      });
      if (!cachedData || script.cachedDataRejected) fresh.push({ script, file });
    } catch {
      // A cache that cannot be read or used: compile as Node would.
      return compile.call(this, content, filename);
    }
    const run = script.runInThisContext({ displayErrors: true });
    return run.call(
      this.exports,
      this.exports,
      requireFor(this),
      this,
      filename,
      path.dirname(filename),
    );
  };
  // Written at exit, after the command ran: the cache then holds the functions it compiled
  // lazily too, not only the top level.
  process.on('exit', () => {
    if (fresh.length === 0) return;
    for (const { script, file } of fresh) writeQuietly(file, script.createCachedData());
    prune(dir);
  });
}

// Each build leaves its own files; past this many, the least recently written go.
const KEPT_FILES = 512;

/** Deletes the oldest cache files beyond KEPT_FILES (after a new build was cached). */
function prune(dir) {
  try {
    const names = fs.readdirSync(dir);
    if (names.length <= KEPT_FILES) return;
    const aged = names.map((name) => {
      const file = path.join(dir, name);
      return { file, at: fs.statSync(file).mtimeMs };
    });
    aged.sort((a, b) => a.at - b.at);
    for (const { file } of aged.slice(0, aged.length - KEPT_FILES)) fs.unlinkSync(file);
  } catch {
    // Another process pruned at the same time, or the folder went away: nothing to do.
  }
}

/** The `require` a module compiled here gets, as Node makes it. */
function requireFor(mod) {
  const req = (id) => mod.require(id);
  req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  req.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  req.main = require.main;
  req.cache = Module._cache;
  req.extensions = Module._extensions;
  return req;
}

/** The cache folder for this user and this V8, or null when it cannot be trusted or made. */
function cacheDir() {
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const top = path.join(tmpdir(), `archive-reader-code-cache-${uid ?? 'user'}`);
    fs.mkdirSync(top, { recursive: true, mode: 0o700 });
    const info = fs.lstatSync(top);
    if (!info.isDirectory()) return null;
    if (uid !== null && (info.uid !== uid || (info.mode & 0o077) !== 0)) return null;
    const dir = path.join(top, `${process.versions.v8}-${process.arch}`);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  } catch {
    return null;
  }
}

function readOrNull(file) {
  try {
    return fs.readFileSync(file);
  } catch {
    // Not cached yet.
    return null;
  }
}

/** Writes through a temp name and a rename, so a concurrent reader never sees half a file. */
function writeQuietly(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data, { mode: 0o600 });
    fs.renameSync(temp, file);
  } catch {
    // A full or read-only temp folder only means compiling again next time.
    try {
      fs.unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
  }
}

module.exports = { enableCodeCache };
