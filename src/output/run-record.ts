// The run record in narration.json: which run made these files, from what source, with which model file and
// product version, so two runs can be told apart and one reproduced.
import { randomUUID } from 'node:crypto';
import packageJson from '../../package.json' with { type: 'json' };
import { RunRecordSchema, type RunRecord, type SourceKind } from '../contract/narration.ts';

export const PRODUCT_VERSION = packageJson.version;

export function newRunRecord(sourceKind: SourceKind, location: string | null, model: { file: string; sha256: string }): RunRecord {
  return RunRecordSchema.parse({
    id: randomUUID(),
    createdAt: new Date().toISOString(),
    source: { kind: sourceKind, location },
    model,
    productVersion: PRODUCT_VERSION,
  });
}
