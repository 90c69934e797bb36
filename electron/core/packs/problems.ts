// Builds the PackProblem values every pack check reports (the type itself is shared with the renderer).
import type { PackErrorCode, PackProblem } from '../../shared/pack-types';

export type { PackErrorCode, PackProblem };

export function problem(code: PackErrorCode, path: string, message: string): PackProblem {
  return { code, path, message };
}
