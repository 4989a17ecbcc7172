// Load and validate a large generated framework, against a bare YAML parse of the same text.
import jsyaml from 'js-yaml';
import { loadFramework } from '../src/core/framework/load.js';
import { generateFramework } from './generate.js';
import { measure, report } from './measure.js';

export default function run(): void {
  const [tracks, levels, competencies] = [50, 20, 100];
  const text = generateFramework(tracks, levels, competencies);
  console.log(
    `framework: ${tracks} tracks × ${levels} levels × ${competencies} competencies, ` +
      `${tracks * levels * competencies} expectations, ${(text.length / 1e6).toFixed(1)} MB of YAML`,
  );
  const bare = measure('bare YAML parse (baseline)', () => jsyaml.load(text));
  const load = measure('load and validate', () => {
    const result = loadFramework(text, 'generated.yaml');
    if (!result.framework || result.problems.length > 0)
      throw new Error('the generated framework must be valid');
  });
  report(load, bare, { maxMs: 200, maxRatio: 3 });
}
