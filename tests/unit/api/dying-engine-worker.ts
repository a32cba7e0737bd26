// Test-only engine worker: the real one (main/core/host/engine-worker.ts) over engines that
// can be told to die (dying-library.ts, imported first so the worker opens through it).
import './dying-library';
import '../../../main/core/host/engine-worker';
