// The export formats, apart from the rest of export.ts so that the command line checks
// `--format` without building every schema of the contract (docs/benchmarks.md, "Cold command line").
import { z } from './zod';

export const EXPORT_FORMATS = ['md', 'txt', 'jsonl', 'csv', 'opensearch'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS, {
  error: `must be one of ${EXPORT_FORMATS.join(', ')}`,
});
export type ExportFormat = z.infer<typeof exportFormatSchema>;
