/**
 * The components MDX chapters use, re-exported from one place. Chapters import them with
 * `import { Cite } from '../../components/index.ts';`.
 */
export { default as Cite } from './Cite.astro';
export { default as Bibliography } from './Bibliography.astro';
export { default as RuntimeCheck } from './runtime/RuntimeCheck.astro';
