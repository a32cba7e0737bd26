// zod as every contract file uses it. In a page (the renderer, the preload) zod's JIT would
// probe `new Function` while building the first object schema, and the strict CSP reports that
// probe as a violation even though zod catches it; there zod runs without the JIT. Main, the
// CLI and the workers keep it, since they parse the bulk of the data.
import { z } from 'zod';

if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
