// Shared helpers of the oracle scripts: the corpus paths and graphql-js's verdict
// on one document.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { GraphQLError, Source, assertValidSchema, buildSchema, parse, validate } from 'graphql';

export const ORACLE_DIR = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = join(ORACLE_DIR, 'corpus');
export const DEFAULT_SCHEMA = join(CORPUS_DIR, 'schema.graphql');
export const DEFAULT_DOCUMENTS = join(CORPUS_DIR, 'documents');

/** The options of getIntrospectionQuery that the C++ engine is asked to answer. */
export const INTROSPECTION_OPTIONS = Object.freeze({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
});

/** Builds and checks a schema from an SDL file. */
export function loadSchema(path) {
  const schema = buildSchema(new Source(readFileSync(path, 'utf8'), path));
  assertValidSchema(schema);
  return schema;
}

/** The .graphql files of a folder, sorted by name (code-point order). */
export function listDocuments(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function errorJson(error) {
  return {
    message: error.message,
    locations: (error.locations ?? []).map(({ line, column }) => ({ line, column })),
  };
}

/**
 * graphql-js's verdict on one executable document: parse, then every rule of
 * `specifiedRules` (what `validate` runs by default). A syntax error makes the
 * document invalid with that one error.
 */
export function verdict(schema, text, name = 'document.graphql') {
  let document;
  try {
    document = parse(new Source(text, name));
  } catch (error) {
    if (error instanceof GraphQLError) {
      return { valid: false, errors: [errorJson(error)] };
    }
    throw error;
  }
  let errors;
  try {
    errors = validate(schema, document);
  } catch (error) {
    // graphql-js itself failed on this document (a bug of the reference, e.g. a
    // variable in @include at a subscription's root in 16.x): no verdict to trust.
    return { valid: false, errors: [errorJson(error)], crashed: true };
  }
  return { valid: errors.length === 0, errors: errors.map(errorJson) };
}

/** Parses the command line: positional arguments and --name value / --flag options. */
export function parseArgs(argv, { flags = [], options = [] } = {}) {
  const positional = [];
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const key = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (flags.includes(key)) {
        opts[key] = true;
      } else if (options.includes(key)) {
        if (eq >= 0) {
          opts[key] = arg.slice(eq + 1);
        } else if (i + 1 < argv.length) {
          opts[key] = argv[++i];
        } else {
          throw new Error(`option --${key} needs a value`);
        }
      } else {
        throw new Error(`unknown option ${arg}`);
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, opts };
}
