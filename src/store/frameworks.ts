import { loadFrameworkOrThrow } from '../core/framework/load.js';
import type { Framework } from '../core/framework/schema.js';
import { readTextFile, referenceFrameworkPath } from './files.js';

export interface FrameworkFile {
  file: string;
  framework: Framework;
}

/** Reads and validates a framework file; the reference framework when no path is given. */
export function readFramework(path?: string): FrameworkFile {
  const file = path ?? referenceFrameworkPath;
  return { file, framework: loadFrameworkOrThrow(readTextFile(file), path ?? 'frameworks/reference.yaml') };
}
