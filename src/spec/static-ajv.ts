/**
 * Imported for its effect: hands Ajv, imported statically, to ajv-library.ts, so that a custom document
 * compiles where nothing can be loaded synchronously at run time (a browser bundle of the fetch adapter).
 */
import { provideAjvLibrary } from './ajv-library.js';
import { STATIC_AJV } from './ajv.js';

provideAjvLibrary(STATIC_AJV);
