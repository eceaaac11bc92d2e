#!/usr/bin/env node
// Writes the validation oracle corpus: corpus/documents/*.graphql, one document per
// file, from the hand-written cases (corpus-handwritten.mjs) and the systematic
// families below (literal coercion, variable positions, directive locations,
// variable defaults, overlapping field pairs). The generated files are committed;
// run this again after changing a case or corpus/schema.graphql.
//
//   node generate-corpus.mjs            write the files, then check each hand-written
//                                       case's expected verdict against graphql-js
//   node generate-corpus.mjs --clean    first delete every .graphql in documents/
//
// Exits 1 if graphql-js disagrees with a hand-written case's expected verdict.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { getIntrospectionQuery } from 'graphql';

import { handwritten } from './corpus-handwritten.mjs';
import { DEFAULT_DOCUMENTS, DEFAULT_SCHEMA, listDocuments, loadSchema, parseArgs, verdict } from './lib.mjs';

const { opts } = parseArgs(process.argv.slice(2), { flags: ['clean'] });

/** @type {{name: string, expect: 'valid'|'invalid'|undefined, source: string}[]} */
const docs = [];
const add = (name, expect, source) => docs.push({ name, expect, source });

for (const [name, expect, source] of handwritten) add(name, expect, source);

// --- the introspection queries clients send ----------------------------------------
add('introspection-get-introspection-query-default', 'valid', getIntrospectionQuery());
add(
  'introspection-get-introspection-query-all-options',
  'valid',
  getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  }),
);
add('introspection-get-introspection-query-no-descriptions', 'valid', getIntrospectionQuery({ descriptions: false }));

// --- literal coercion: every input type against every kind of literal ---------------
// [slug, type, selection with the literal in place of @]
const literalPositions = [
  ['int', 'Int', 'complicatedArgs { intArgField(intArg: @) }'],
  ['non-null-int', 'Int!', 'complicatedArgs { nonNullIntArgField(nonNullIntArg: @) }'],
  ['float', 'Float', 'complicatedArgs { floatArgField(floatArg: @) }'],
  ['string', 'String', 'complicatedArgs { stringArgField(stringArg: @) }'],
  ['boolean', 'Boolean', 'complicatedArgs { booleanArgField(booleanArg: @) }'],
  ['id', 'ID', 'complicatedArgs { idArgField(idArg: @) }'],
  ['enum', 'FurColor', 'complicatedArgs { enumArgField(enumArg: @) }'],
  ['string-list', '[String]', 'complicatedArgs { stringListArgField(stringListArg: @) }'],
  ['non-null-string-items-list', '[String!]', 'complicatedArgs { stringListNonNullArgField(stringListNonNullArg: @) }'],
  ['non-null-string-list', '[String]!', 'complicatedArgs { nonNullStringListArgField(nonNullStringListArg: @) }'],
  ['int-list-list', '[[Int!]]', 'complicatedArgs { intListListArgField(intListListArg: @) }'],
  ['custom-scalar', 'DateTime', 'complicatedArgs { dateTimeArgField(dateTimeArg: @) }'],
  ['input-object', 'ComplexInput', 'complicatedArgs { complexArgField(complexArg: @) }'],
];
const literals = [
  ['zero', '0'],
  ['negative-int', '-1'],
  ['max-int', '2147483647'],
  ['int-overflow', '2147483648'],
  ['float', '1.5'],
  ['integral-float', '1.0'],
  ['exponent-float', '1e3'],
  ['string', '"str"'],
  ['numeric-string', '"123"'],
  ['empty-string', '""'],
  ['block-string', '"""block"""'],
  ['true', 'true'],
  ['false', 'false'],
  ['null', 'null'],
  ['enum-value', 'BROWN'],
  ['lowercase-enum-value', 'brown'],
  ['enum-value-of-other-enum', 'SIT'],
  ['list-of-int', '[1]'],
  ['list-of-string', '["a"]'],
  ['list-of-null', '[null]'],
  ['empty-list', '[]'],
  ['list-of-list-of-int', '[[1]]'],
  ['mixed-list', '[1, "a"]'],
  ['empty-object', '{}'],
  ['object-with-required-field', '{requiredField: true}'],
  ['object-with-unknown-field', '{a: 1}'],
];
for (const [pslug, , selection] of literalPositions) {
  for (const [lslug, literal] of literals) {
    add(`coercion-literal-${pslug}-arg-with-${lslug}`, undefined, `{ ${selection.replace('@', literal)} }\n`);
  }
}

// --- variables in positions: every variable type against every location type -------
const variableTypes = [
  ['int', 'Int'],
  ['non-null-int', 'Int!'],
  ['int-with-default', 'Int = 1'],
  ['int-with-null-default', 'Int = null'],
  ['int-list', '[Int]'],
  ['non-null-int-items-list', '[Int!]'],
  ['non-null-int-list', '[Int]!'],
  ['non-null-list-of-non-null-int', '[Int!]!'],
  ['float', 'Float'],
  ['id', 'ID'],
  ['string', 'String'],
  ['custom-scalar', 'JSON'],
  ['non-null-boolean', 'Boolean!'],
];
const variableLocations = [
  ['int-arg', 'complicatedArgs { intArgField(intArg: $v) }'],
  ['non-null-int-arg', 'complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) }'],
  ['non-null-int-arg-with-default', 'complicatedArgs { nonNullFieldWithDefault(arg: $v) }'],
  ['int-arg-with-default', 'complicatedArgs { multipleOpts(opt1: $v) }'],
  ['float-arg', 'complicatedArgs { floatArgField(floatArg: $v) }'],
  ['id-arg', 'complicatedArgs { idArgField(idArg: $v) }'],
  ['int-list-list-arg', 'complicatedArgs { intListListArgField(intListListArg: $v) }'],
  ['int-list-list-inner-list', 'complicatedArgs { intListListArgField(intListListArg: [$v]) }'],
  ['int-list-list-item', 'complicatedArgs { intListListArgField(intListListArg: [[$v]]) }'],
  ['input-object-int-field', 'complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: $v}) }'],
  ['directive-required-int-arg', 'dog @withArgs(required: $v) { name }'],
  ['directive-int-list-arg', 'dog @withArgs(required: 1, list: $v) { name }'],
  ['directive-int-list-item', 'dog @withArgs(required: 1, list: [$v]) { name }'],
  ['custom-scalar-arg', 'echo(json: $v)'],
  ['include-if', 'dog @include(if: $v) { name }'],
];
for (const [tslug, type] of variableTypes) {
  for (const [lslug, selection] of variableLocations) {
    add(`variable-position-${tslug}-into-${lslug}`, undefined, `query Q($v: ${type}) { ${selection} }\n`);
  }
}

// --- variable default values: every variable type against every kind of default ----
// [slug, type, selection that uses $v where that type is allowed]
const defaultTypes = [
  ['int', 'Int', 'complicatedArgs { intArgField(intArg: $v) }'],
  ['non-null-int', 'Int!', 'complicatedArgs { nonNullIntArgField(nonNullIntArg: $v) }'],
  ['float', 'Float', 'complicatedArgs { floatArgField(floatArg: $v) }'],
  ['string', 'String', 'complicatedArgs { stringArgField(stringArg: $v) }'],
  ['boolean', 'Boolean', 'complicatedArgs { booleanArgField(booleanArg: $v) }'],
  ['enum', 'FurColor', 'complicatedArgs { enumArgField(enumArg: $v) }'],
  ['id', 'ID', 'complicatedArgs { idArgField(idArg: $v) }'],
  ['string-list', '[String]', 'complicatedArgs { stringListArgField(stringListArg: $v) }'],
  ['non-null-list-of-non-null-string', '[String!]!', 'complicatedArgs { stringListArgField(stringListArg: $v) }'],
  ['input-object', 'ComplexInput', 'complicatedArgs { complexArgField(complexArg: $v) }'],
  ['custom-scalar', 'DateTime', 'complicatedArgs { dateTimeArgField(dateTimeArg: $v) }'],
];
const defaults = [
  ['int', '1'],
  ['float', '1.5'],
  ['string', '"s"'],
  ['boolean', 'true'],
  ['null', 'null'],
  ['enum-value', 'BROWN'],
  ['list-of-string', '["a"]'],
  ['empty-list', '[]'],
  ['object-with-required-field', '{requiredField: true}'],
];
for (const [tslug, type, selection] of defaultTypes) {
  for (const [dslug, literal] of defaults) {
    add(`default-value-${tslug}-variable-with-${dslug}`, undefined, `query Q($v: ${type} = ${literal}) { ${selection} }\n`);
  }
}

// --- directives in every executable location -----------------------------------------
const directivesToPlace = [
  ['on-query', '@onQuery'],
  ['on-mutation', '@onMutation'],
  ['on-subscription', '@onSubscription'],
  ['on-field', '@onField'],
  ['on-fragment-definition', '@onFragmentDefinition'],
  ['on-fragment-spread', '@onFragmentSpread'],
  ['on-inline-fragment', '@onInlineFragment'],
  ['on-variable-definition', '@onVariableDefinition'],
  ['on-any-executable', '@onAnyExecutable'],
  ['skip', '@skip(if: false)'],
  ['include', '@include(if: true)'],
  ['deprecated', '@deprecated'],
  ['specified-by', '@specifiedBy(url: "https://example.com")'],
  ['one-of', '@oneOf'],
  ['on-object', '@onObject'],
  ['on-field-definition', '@onFieldDefinition'],
  ['repeatable-tag', '@tag(name: "t")'],
  ['with-args', '@withArgs(required: 1)'],
];
const directiveLocations = [
  ['query', (d) => `query Q ${d} { dog { name } }`],
  ['mutation', (d) => `mutation M ${d} { deleteDog(id: 1) }`],
  ['subscription', (d) => `subscription S ${d} { dogBarked { name } }`],
  ['field', (d) => `{ dog ${d} { name } }`],
  ['fragment-definition', (d) => `{ dog { ...F } }\nfragment F on Dog ${d} { name }`],
  ['fragment-spread', (d) => `{ dog { ...F ${d} } }\nfragment F on Dog { name }`],
  ['inline-fragment', (d) => `{ dog { ... on Dog ${d} { name } } }`],
  ['variable-definition', (d) => `query Q($v: Boolean ${d}) { dog { isHouseTrained(atOtherHomes: $v) } }`],
];
for (const [dslug, directive] of directivesToPlace) {
  for (const [lslug, make] of directiveLocations) {
    add(`directive-location-${dslug}-directive-on-${lslug}`, undefined, `${make(directive)}\n`);
  }
}

// --- overlapping fields: every pair of a family of selections, in several contexts --
// [slug, selection on Dog, the same selection on Cat (for the exclusive context)]
const selections = [
  ['name', 'name', 'name'],
  ['name-surname-true', 'name(surname: true)', 'name(surname: true)'],
  ['name-surname-false', 'name(surname: false)', 'name(surname: false)'],
  ['name-surname-variable', 'name(surname: $s)', 'name(surname: $s)'],
  ['name-aliasing-nickname', 'name: nickname', 'name: nickname'],
  ['name-with-include', 'name @include(if: true)', 'name @include(if: true)'],
  ['name-aliasing-boolean-field', 'name: barks', 'name: meows'],
  ['name-aliasing-object-field', 'name: mother { name }', null],
  ['name-aliasing-typename', 'name: __typename', 'name: __typename'],
];
const overlapContexts = [
  ['same-selection-set', (a, b) => `dog { ${a} ${b} }`],
  ['field-and-inline-fragment', (a, b) => `dog { ${a} ... on Dog { ${b} } }`],
  ['two-fragments', (a, b) => `dog { ...A ...B } }\nfragment A on Dog { ${a} }\nfragment B on Dog { ${b}`],
  ['nested-under-same-field', (a, b) => `dog { mother { ${a} } mother { ${b} } }`],
];
for (let i = 0; i < selections.length; i++) {
  for (let j = i; j < selections.length; j++) {
    const [aslug, a, aCat] = selections[i];
    const [bslug, b, bCat] = selections[j];
    const usesVariable = `${a} ${b}`.includes('$s');
    const wrap = (body) => `${usesVariable ? 'query Q($s: Boolean) ' : ''}{ ${body} }\n`;
    for (const [cslug, make] of overlapContexts) {
      add(`overlap-pair-${cslug}-${aslug}-vs-${bslug}`, undefined, wrap(make(a, b)));
    }
    if (aCat !== null && bCat !== null) {
      add(
        `overlap-pair-exclusive-dog-and-cat-${aslug}-vs-${bslug}`,
        undefined,
        wrap(`pet { ... on Dog { ${a} } ... on Cat { ${bCat} } }`),
      );
    }
  }
}

// --- write ---------------------------------------------------------------------------
const seen = new Set();
for (const { name } of docs) {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`bad document name: ${name}`);
  if (seen.has(name)) throw new Error(`duplicate document name: ${name}`);
  seen.add(name);
}

mkdirSync(DEFAULT_DOCUMENTS, { recursive: true });
if (opts.clean) {
  for (const file of listDocuments(DEFAULT_DOCUMENTS)) rmSync(join(DEFAULT_DOCUMENTS, file));
}
let written = 0;
for (const { name, source } of docs) {
  const path = join(DEFAULT_DOCUMENTS, `${name}.graphql`);
  if (existsSync(path) && readFileSync(path, 'utf8') === source) continue;
  writeFileSync(path, source);
  written++;
}

// --- check the hand-written expectations against graphql-js ------------------------------
const schema = loadSchema(DEFAULT_SCHEMA);
let valid = 0;
let checked = 0;
const surprises = [];
for (const { name, expect, source } of docs) {
  const result = verdict(schema, source, `${name}.graphql`);
  if (result.valid) valid++;
  if (result.crashed) {
    surprises.push(`${name}.graphql: graphql-js threw during validation: ${result.errors[0].message}`);
    continue;
  }
  if (expect === undefined) continue;
  checked++;
  if ((expect === 'valid') !== result.valid) {
    surprises.push(`${name}.graphql: expected ${expect}, graphql-js says ${result.valid ? 'valid' : 'invalid'}` +
      (result.errors.length ? `\n    ${result.errors.map((e) => e.message).join('\n    ')}` : ''));
  }
}
const onDisk = listDocuments(DEFAULT_DOCUMENTS).length;
console.error(`generate-corpus: ${docs.length} documents (${valid} valid, ${docs.length - valid} invalid), ` +
  `${written} written, ${onDisk} .graphql files in corpus/documents`);
console.error(`generate-corpus: ${checked} hand-written expectations checked, ${surprises.length} surprises`);
for (const s of surprises) console.error(`  ${s}`);
process.exit(surprises.length ? 1 : 0);
