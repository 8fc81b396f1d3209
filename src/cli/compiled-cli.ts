/**
 * The command line as the compiled CommonJS file holds it (scripts/bundle.mjs, run by compiled.ts): cli.ts, and a way
 * to hand that file's copy of cache/store.ts the cache the starting modules already opened.
 */
export * from './cli.js';
export { useCache } from '../cache/store.js';
