// Hand-written documents of the validation oracle corpus, one family per validation
// rule (the specification's rules as graphql-js 16 implements them) plus syntax.
// Each entry is [file name without .graphql, expected verdict, document text]; the
// expected verdict is the author's and generate-corpus.mjs checks it against
// graphql-js, so a surprise in the reference shows up when the corpus is generated.
//
// The cases are inspired by graphql-js's own validation tests and written out anew
// against corpus/schema.graphql.

const V = 'valid';
const I = 'invalid';

// ----------------------------------------------------------------------------------
// Syntax: documents that do not parse (invalid), and unusual ones that do.
// ----------------------------------------------------------------------------------
const syntax = [
  ['syntax-empty-document', I, ''],
  ['syntax-only-comments', I, '# nothing here\n# at all\n'],
  ['syntax-only-whitespace-and-commas', I, ' ,,, \n\t ,\n'],
  ['syntax-unclosed-selection-set', I, '{ dog { name }\n'],
  ['syntax-unclosed-root-selection-set', I, 'query Q {\n  dog {\n    name\n  }\n'],
  ['syntax-empty-selection-set', I, '{ dog { } }'],
  ['syntax-empty-root-selection-set', I, '{ }'],
  ['syntax-extra-closing-brace', I, '{ dog { name } } }'],
  ['syntax-spread-without-name', I, '{ dog { ... } }'],
  ['syntax-fragment-named-on', I, 'fragment on on Dog { name }\n{ dog { ...on } }'],
  ['syntax-fragment-missing-on', I, 'fragment F Dog { name }\n{ dog { ...F } }'],
  ['syntax-fragment-missing-type-condition', I, 'fragment F on { name }\n{ dog { ...F } }'],
  ['syntax-fragment-without-selection-set', I, 'fragment F on Dog\n{ dog { ...F } }'],
  ['syntax-inline-fragment-missing-type-name', I, '{ dog { ... on { name } } }'],
  ['syntax-inline-fragment-without-selection-set', I, '{ pet { ... on Dog } }'],
  ['syntax-argument-without-value', I, '{ dog { isHouseTrained(atOtherHomes: ) } }'],
  ['syntax-argument-without-colon', I, '{ dog { isHouseTrained(atOtherHomes true) } }'],
  ['syntax-empty-argument-list', I, '{ dog() { name } }'],
  ['syntax-empty-variable-definitions', I, 'query Q() { dog { name } }'],
  ['syntax-unclosed-argument-list', I, '{ dog { isHouseTrained(atOtherHomes: true { name } }'],
  ['syntax-unterminated-string', I, '{ complicatedArgs { stringArgField(stringArg: "abc) } }'],
  ['syntax-string-with-newline', I, '{ complicatedArgs { stringArgField(stringArg: "line\nbreak") } }'],
  ['syntax-string-bad-escape', I, '{ complicatedArgs { stringArgField(stringArg: "bad \\x escape") } }'],
  ['syntax-string-short-unicode-escape', I, '{ complicatedArgs { stringArgField(stringArg: "\\u12") } }'],
  ['syntax-string-non-hex-unicode-escape', I, '{ complicatedArgs { stringArgField(stringArg: "\\uXYZW") } }'],
  ['syntax-string-lone-high-surrogate-escape', I, '{ complicatedArgs { stringArgField(stringArg: "\\uD800") } }'],
  ['syntax-string-lone-low-surrogate-escape', I, '{ complicatedArgs { stringArgField(stringArg: "\\uDC00x") } }'],
  ['syntax-string-unicode-escape-out-of-range', I, '{ complicatedArgs { stringArgField(stringArg: "\\u{110000}") } }'],
  ['syntax-valid-string-control-character', V, '{ complicatedArgs { stringArgField(stringArg: "bell\u0007") } }'],
  ['syntax-unterminated-block-string', I, '{ complicatedArgs { stringArgField(stringArg: """never closed) } }'],
  ['syntax-number-trailing-dot', I, '{ complicatedArgs { floatArgField(floatArg: 1.) } }'],
  ['syntax-number-leading-dot', I, '{ complicatedArgs { floatArgField(floatArg: .5) } }'],
  ['syntax-number-leading-zero', I, '{ complicatedArgs { intArgField(intArg: 01) } }'],
  ['syntax-number-negative-leading-zero', I, '{ complicatedArgs { intArgField(intArg: -01) } }'],
  ['syntax-number-exponent-without-digits', I, '{ complicatedArgs { floatArgField(floatArg: 1e) } }'],
  ['syntax-number-hex', I, '{ complicatedArgs { intArgField(intArg: 0x1F) } }'],
  ['syntax-number-two-dots', I, '{ complicatedArgs { floatArgField(floatArg: 1.2.3) } }'],
  ['syntax-number-lone-minus', I, '{ complicatedArgs { intArgField(intArg: -) } }'],
  ['syntax-number-with-underscore', I, '{ complicatedArgs { intArgField(intArg: 1_000) } }'],
  ['syntax-number-followed-by-name', I, '{ complicatedArgs { intArgField(intArg: 123abc) } }'],
  ['syntax-float-followed-by-name', I, '{ complicatedArgs { floatArgField(floatArg: 1.5e3x) } }'],
  ['syntax-number-followed-by-dot-name', I, '{ complicatedArgs { floatArgField(floatArg: 1.e) } }'],
  ['syntax-unexpected-question-mark', I, '{ dog { name } } ?'],
  ['syntax-unexpected-ampersand', I, '{ dog { name & nickname } }'],
  ['syntax-lone-dollar', I, '{ dog { isHouseTrained(atOtherHomes: $) } }'],
  ['syntax-non-ascii-name', I, '{ dog { n\u00e4me } }'],
  ['syntax-two-dots', I, '{ dog { ..F } }\nfragment F on Dog { name }'],
  ['syntax-four-dots', I, '{ dog { ....F } }\nfragment F on Dog { name }'],
  ['syntax-variable-without-type', I, 'query Q($a) { dog { name } }'],
  ['syntax-variable-without-dollar', I, 'query Q(a: Int) { dog { name } }'],
  ['syntax-variable-in-default-value', I, 'query Q($a: Int = $b, $b: Int) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['syntax-variable-in-const-list-default', I, 'query Q($a: [String] = ["x", $b], $b: String) { complicatedArgs { stringListArgField(stringListArg: $a) } }'],
  ['syntax-variable-in-const-object-default', I, 'query Q($a: ComplexInput = {requiredField: $b}, $b: Boolean!) { complicatedArgs { complexArgField(complexArg: $a) } }'],
  ['syntax-variable-in-variable-directive', I, 'query Q($a: Int @withArgs(required: $a)) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['syntax-double-non-null', I, 'query Q($a: Int!!) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['syntax-unclosed-list-type', I, 'query Q($a: [Int) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['syntax-non-null-before-type', I, 'query Q($a: !Int) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['syntax-directive-without-name', I, '{ dog @ { name } }'],
  ['syntax-valid-directive-with-space-before-name', V, '{ dog @ skip(if: true) { name } }'],
  ['syntax-unknown-operation-keyword', I, 'subscriptions S { dogBarked { name } }'],
  ['syntax-uppercase-operation-keyword', I, 'Query Q { dog { name } }'],
  ['syntax-alias-without-field', I, '{ dog { alias: } }'],
  ['syntax-double-alias', I, '{ a: b: dog { name } }'],
  ['syntax-object-field-without-colon', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField true}) } }'],
  ['syntax-unclosed-object-value', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true) } }'],
  ['syntax-unclosed-list-value', I, '{ complicatedArgs { stringListArgField(stringListArg: ["a", "b") } }'],
  ['syntax-list-value-trailing-garbage', I, '{ complicatedArgs { stringListArgField(stringListArg: ["a" "b" :]) } }'],
  ['syntax-operation-name-is-string', I, 'query "Q" { dog { name } }'],
  ['syntax-selection-is-number', I, '{ dog { 42 } }'],
  ['syntax-selection-is-string', I, '{ dog { "name" } }'],
  ['syntax-fragment-spread-with-arguments', I, '{ dog { ...F(x: 1) } }\nfragment F on Dog { name }'],
  ['syntax-fragment-variables-not-enabled', I, '{ dog { ...F } }\nfragment F($x: Int) on Dog { name }'],
  ['syntax-field-arguments-after-selection-set', I, '{ dog { name } (x: 1) }'],
  ['syntax-directive-before-alias', I, '{ @skip(if: true) a: dog { name } }'],
  ['syntax-anonymous-mutation-without-braces', I, 'mutation'],
  ['syntax-query-keyword-only', I, 'query'],
  ['syntax-query-name-only', I, 'query Q'],
  ['syntax-unicode-escape-braces-unclosed', I, '{ complicatedArgs { stringArgField(stringArg: "\\u{1F600") } }'],
  // Descriptions on executable definitions (graphql-js 16.15 parses them, as the
  // specification's 2025 edition allows) but never on a shorthand query.
  ['syntax-description-on-operation', V, '"A described query"\nquery Q { dog { name } }'],
  ['syntax-block-description-on-mutation', V, '"""\nDeletes a dog.\n"""\nmutation M { deleteDog(id: 1) }'],
  ['syntax-description-on-fragment', V, '{ dog { ...F } }\n"Dog basics"\nfragment F on Dog { name }'],
  ['syntax-description-on-variable-definition', V, 'query Q("how loud" $v: Int = 1) { dogBarked: dog { isAtLocation(x: $v) } }'],
  ['syntax-description-on-shorthand-query', I, '"A shorthand query"\n{ dog { name } }'],
  ['syntax-description-on-selection', I, '{ dog { "the name" name } }'],
  ['syntax-description-on-extension', I, '"described"\nextend type Dog { x: Int }\n{ dog { name } }'],
  ['syntax-block-string-in-const-position-unterminated-quote', I, '{ complicatedArgs { stringArgField(stringArg: """a\\""") } }'],
  ['syntax-type-extension-without-body', I, 'extend type Dog\n{ dog { name } }'],
  ['syntax-schema-definition-empty', I, 'schema { }\n{ dog { name } }'],
  ['syntax-variable-definition-in-shorthand', I, '($a: Int) { dog { name } }'],
  ['syntax-pipe-outside-union', I, '{ dog { name | nickname } }'],
  ['syntax-equals-in-argument', I, '{ dog { isHouseTrained(atOtherHomes = true) } }'],
  ['syntax-nested-dollar', I, '{ dog { isHouseTrained(atOtherHomes: $$a) } }'],

  // Unusual but well-formed.
  ['syntax-valid-commas-everywhere', V, ',{,dog,{,name,,,nickname,},},'],
  ['syntax-valid-no-whitespace', V, '{dog{name nickname barks}cat{name}}'],
  ['syntax-valid-crlf-line-endings', V, 'query Q {\r\n  dog {\r\n    name\r\n  }\r\n}\r\n'],
  ['syntax-valid-cr-line-endings', V, 'query Q {\r  dog {\r    name\r  }\r}\r'],
  ['syntax-valid-tabs', V, 'query Q {\n\tdog {\n\t\tname\n\t}\n}\n'],
  ['syntax-valid-byte-order-mark', V, '\ufeff{ dog { name } }'],
  ['syntax-valid-comments-everywhere', V, '# leading\nquery Q # after name\n{ # open\n  dog # field\n  { name # leaf\n  } # close\n} # end\n# trailing'],
  ['syntax-valid-keywords-as-aliases', V, '{ query: dog { on: name fragment: nickname true: barks false: barkVolume null: isHouseTrained mutation: barks subscription: name } }'],
  ['syntax-valid-keywords-as-operation-names', V, 'query query { dog { name } }\nquery fragment { dog { name } }\nquery mutation { dog { name } }\nquery true { dog { name } }'],
  ['syntax-valid-keywords-as-fragment-names', V, '{ dog { ...query ...fragment ...null ...true } }\nfragment query on Dog { name }\nfragment fragment on Dog { name }\nfragment null on Dog { name }\nfragment true on Dog { name }'],
  ['syntax-valid-keyword-variable-names', V, 'query Q($query: Boolean, $on: Boolean, $null: Boolean, $true: Boolean) { dog { a: isHouseTrained(atOtherHomes: $query) b: isHouseTrained(atOtherHomes: $on) c: isHouseTrained(atOtherHomes: $null) d: isHouseTrained(atOtherHomes: $true) } }'],
  ['syntax-valid-string-escapes', V, '{ complicatedArgs { stringArgField(stringArg: "quote \\" backslash \\\\ slash \\/ b \\b f \\f n \\n r \\r t \\t u \\u00e9") } }'],
  ['syntax-valid-surrogate-pair-escape', V, '{ complicatedArgs { stringArgField(stringArg: "\\uD83D\\uDE00") } }'],
  ['syntax-valid-variable-width-unicode-escape', V, '{ complicatedArgs { stringArgField(stringArg: "\\u{1F600} \\u{0041} \\u{10FFFF}") } }'],
  ['syntax-valid-raw-unicode-in-string', V, '{ complicatedArgs { stringArgField(stringArg: "caf\u00e9 \u65e5\u672c \ud83d\ude00 tab\there") } }'],
  ['syntax-valid-block-string', V, '{ complicatedArgs { stringArgField(stringArg: """\n    A block string\n      with indentation,\n    "quotes", \\n no escapes\n    and an escaped triple quote: \\"""\n  """) } }'],
  ['syntax-valid-empty-block-string', V, '{ complicatedArgs { stringArgField(stringArg: """""") } }'],
  ['syntax-valid-empty-string', V, '{ complicatedArgs { stringArgField(stringArg: "") } }'],
  ['syntax-valid-number-forms', V, '{ complicatedArgs { a: floatArgField(floatArg: -0) b: floatArgField(floatArg: 0.0) c: floatArgField(floatArg: 1e10) d: floatArgField(floatArg: 1E-5) e: floatArgField(floatArg: -1.5e+3) f: floatArgField(floatArg: 123456789.123456789) g: intArgField(intArg: -0) h: intArgField(intArg: 0) } }'],
  ['syntax-valid-name-forms', V, '{ _a: dog { __typename _b: name a_1: nickname A1_b2: barks } }'],
  ['syntax-valid-long-name', V, `{ ${'a'.repeat(300)}: dog { name } }`],
  ['syntax-valid-directive-arguments-multiline', V, '{\n  dog\n    @include(\n      if: true\n    )\n  {\n    name\n  }\n}'],
  ['syntax-valid-all-definitions-kinds', V, 'query Q($v: Boolean = true @onVariableDefinition) @onQuery { dog @onField { ...F @onFragmentSpread ... on Dog @onInlineFragment { barks } ... @include(if: $v) { nickname } } }\nmutation M @onMutation { deleteDog(id: 1) }\nsubscription S @onSubscription { dogBarked { name } }\nfragment F on Dog @onFragmentDefinition { name }'],
  ['syntax-valid-shorthand-query', V, '{ __typename }'],
  ['syntax-valid-nested-list-literal', V, '{ complicatedArgs { intListListArgField(intListListArg: [[1, 2], [], [3]]) } }'],
  ['syntax-valid-null-literals', V, '{ complicatedArgs { intArgField(intArg: null) stringListArgField(stringListArg: [null, "a"]) } }'],
  ['syntax-valid-ignored-unicode-bom-between-tokens', V, '{ dog \ufeff{ name } }'],
];

// ----------------------------------------------------------------------------------
// ExecutableDefinitionsRule
// ----------------------------------------------------------------------------------
const executableDefinitions = [
  ['executable-definitions-only-operation', V, 'query Foo { dog { name } }'],
  ['executable-definitions-operation-and-fragment', V, 'query Foo { dog { ...Frag } }\nfragment Frag on Dog { name }'],
  ['executable-definitions-type-definition', I, 'query Foo { dog { name } }\ntype Cow { name: String }\nextend type Dog { color: String }'],
  ['executable-definitions-schema-definition', I, 'schema { query: QueryRoot }\nquery Foo { dog { name } }'],
  ['executable-definitions-schema-extension', I, 'extend schema @onSchema\nquery Foo { dog { name } }'],
  ['executable-definitions-scalar-definition', I, 'scalar Date\n{ dog { name } }'],
  ['executable-definitions-directive-definition', I, 'directive @foo on FIELD\n{ dog { name @foo } }'],
  ['executable-definitions-interface-and-union-definitions', I, 'interface Thing { id: ID }\nunion Stuff = Dog | Cat\n{ dog { name } }'],
  ['executable-definitions-enum-and-input-definitions', I, 'enum Mood { HAPPY }\ninput Filter { mood: Mood }\n{ dog { name } }'],
  ['executable-definitions-described-type-definition', I, '"""A cow."""\ntype Cow { name: String }\n{ dog { name } }'],
  ['executable-definitions-only-type-definitions', I, 'type Query { hello: String }'],
];

// ----------------------------------------------------------------------------------
// UniqueOperationNamesRule, LoneAnonymousOperationRule
// ----------------------------------------------------------------------------------
const operations = [
  ['unique-operation-names-single-anonymous', V, '{ dog { name } }'],
  ['unique-operation-names-single-named', V, 'query Foo { dog { name } }'],
  ['unique-operation-names-multiple-distinct', V, 'query Foo { dog { name } }\nquery Bar { dog { name } }'],
  ['unique-operation-names-distinct-kinds', V, 'query Foo { dog { name } }\nmutation Bar { deleteDog(id: "1") }\nsubscription Baz { dogBarked { name } }'],
  ['unique-operation-names-fragment-and-operation-same-name', V, 'query Foo { dog { ...Foo } }\nfragment Foo on Dog { name }'],
  ['unique-operation-names-two-queries-same-name', I, 'query Foo { dog { name } }\nquery Foo { cat { name } }'],
  ['unique-operation-names-query-and-mutation-same-name', I, 'query Foo { dog { name } }\nmutation Foo { deleteDog(id: "1") }'],
  ['unique-operation-names-query-and-subscription-same-name', I, 'query Foo { dog { name } }\nsubscription Foo { dogBarked { name } }'],
  ['unique-operation-names-three-same-name', I, 'query Foo { dog { name } }\nquery Foo { cat { name } }\nquery Foo { human { name } }'],
  ['unique-operation-names-case-sensitive', V, 'query foo { dog { name } }\nquery Foo { dog { name } }\nquery FOO { dog { name } }'],
  ['lone-anonymous-operation-with-fragment', V, '{ dog { ...F } }\nfragment F on Dog { name }'],
  ['lone-anonymous-operation-two-anonymous', I, '{ dog { name } }\n{ cat { name } }'],
  ['lone-anonymous-operation-anonymous-and-named', I, '{ dog { name } }\nquery Foo { cat { name } }'],
  ['lone-anonymous-operation-anonymous-query-keyword-and-named', I, 'query { dog { name } }\nquery Foo { cat { name } }'],
  ['lone-anonymous-operation-anonymous-and-mutation', I, '{ dog { name } }\nmutation Foo { deleteDog(id: 1) }'],
  ['lone-anonymous-operation-anonymous-and-subscription', I, '{ dog { name } }\nsubscription Foo { dogBarked { name } }'],
  ['lone-anonymous-operation-anonymous-mutation-alone', V, 'mutation { deleteDog(id: 1) }'],
  ['lone-anonymous-operation-anonymous-subscription-alone', V, 'subscription { dogBarked { name } }'],
  ['lone-anonymous-operation-anonymous-mutation-and-query', I, 'mutation { deleteDog(id: 1) }\nquery { dog { name } }'],
  ['operation-mutation-root-fields', V, 'mutation M($name: String!) { createDog(input: {name: $name}) { name barkVolume } renameDog(id: "1", name: $name) { name } deleteDog(id: 2) adoptPet(petId: "3") { name } }'],
  ['operation-mutation-unknown-root-field', I, 'mutation M { dog { name } }'],
  ['operation-subscription-query-field', I, 'subscription S { dog { name } }'],
  ['operation-query-on-mutation-field', I, '{ deleteDog(id: 1) }'],
];

// ----------------------------------------------------------------------------------
// SingleFieldSubscriptionsRule
// ----------------------------------------------------------------------------------
const subscriptions = [
  ['single-field-subscriptions-one-field', V, 'subscription S { dogBarked { name barkVolume } }'],
  ['single-field-subscriptions-one-field-with-arguments', V, 'subscription S($id: ID!) { humanChanged(id: $id) { name iq } }'],
  ['single-field-subscriptions-one-field-aliased', V, 'subscription S { barking: dogBarked(volumeAtLeast: 3) { name } }'],
  ['single-field-subscriptions-one-field-via-fragment', V, 'subscription S { ...Sub }\nfragment Sub on SubscriptionRoot { dogBarked { name } }'],
  ['single-field-subscriptions-one-field-via-inline-fragment', V, 'subscription S { ... on SubscriptionRoot { newPet { name } } }'],
  ['single-field-subscriptions-same-field-twice-merged', V, 'subscription S { dogBarked { name } ...Sub }\nfragment Sub on SubscriptionRoot { dogBarked { barkVolume } }'],
  ['single-field-subscriptions-two-fields', I, 'subscription S { dogBarked { name } catMeowed { name } }'],
  ['single-field-subscriptions-three-fields', I, 'subscription S { dogBarked { name } catMeowed { name } newPet { name } }'],
  ['single-field-subscriptions-same-field-two-aliases', I, 'subscription S { a: dogBarked { name } b: dogBarked { name } }'],
  ['single-field-subscriptions-second-field-via-fragment', I, 'subscription S { dogBarked { name } ...Sub }\nfragment Sub on SubscriptionRoot { catMeowed { name } }'],
  ['single-field-subscriptions-second-field-via-inline-fragment', I, 'subscription S { dogBarked { name } ... on SubscriptionRoot { catMeowed { name } } }'],
  ['single-field-subscriptions-two-fields-in-fragment', I, 'subscription S { ...Sub }\nfragment Sub on SubscriptionRoot { dogBarked { name } catMeowed { name } }'],
  ['single-field-subscriptions-anonymous-two-fields', I, 'subscription { dogBarked { name } catMeowed { name } }'],
  ['single-field-subscriptions-typename-only', I, 'subscription S { __typename }'],
  ['single-field-subscriptions-typename-and-field', I, 'subscription S { dogBarked { name } __typename }'],
  ['single-field-subscriptions-typename-via-fragment', I, 'subscription S { ...Sub }\nfragment Sub on SubscriptionRoot { __typename }'],
  ['single-field-subscriptions-schema-field', I, 'subscription S { __schema { queryType { name } } }'],
  ['single-field-subscriptions-nested-typename-allowed', V, 'subscription S { newPet { __typename name } }'],
  ['single-field-subscriptions-two-operations-one-field-each', V, 'subscription A { dogBarked { name } }\nsubscription B { catMeowed { name } }'],
  ['single-field-subscriptions-two-operations-one-bad', I, 'subscription A { dogBarked { name } }\nsubscription B { catMeowed { name } newPet { name } }'],
  ['single-field-subscriptions-skip-literal-on-second-field', V, 'subscription S { dogBarked { name } catMeowed @skip(if: true) { name } }'],
  // (No variable in @skip/@include at a subscription's root: graphql-js 16's rule
  // evaluates the directive without variable values and throws.)
  ['single-field-subscriptions-include-literal-false-on-second-field', V, 'subscription S { dogBarked { name } catMeowed @include(if: false) { name } }'],
  ['single-field-subscriptions-include-literal-true-on-second-field', I, 'subscription S { dogBarked { name } catMeowed @include(if: true) { name } }'],
  ['single-field-subscriptions-unknown-root-field', I, 'subscription S { unknownEvent { name } }'],
];

// ----------------------------------------------------------------------------------
// KnownTypeNamesRule, FragmentsOnCompositeTypesRule, VariablesAreInputTypesRule
// ----------------------------------------------------------------------------------
const types = [
  ['known-type-names-known-types', V, 'query Q($a: Int, $b: [String!]!, $c: ComplexInput, $d: FurColor, $e: DateTime, $f: ID, $g: Float, $h: Boolean) { complicatedArgs { intArgField(intArg: $a) stringListNonNullArgField(stringListNonNullArg: $b) complexArgField(complexArg: $c) enumArgField(enumArg: $d) dateTimeArgField(dateTimeArg: $e) idArgField(idArg: $f) floatArgField(floatArg: $g) booleanArgField(booleanArg: $h) } }'],
  ['known-type-names-unknown-variable-type', I, 'query Q($a: JumbledUpLetters) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['known-type-names-unknown-wrapped-variable-type', I, 'query Q($a: [Badger!]!) { complicatedArgs { stringListArgField(stringListArg: $a) } }'],
  ['known-type-names-unknown-fragment-type', I, '{ dog { ...F } }\nfragment F on Badger { name }'],
  ['known-type-names-unknown-inline-fragment-type', I, '{ pet { ... on Badger { name } } }'],
  ['known-type-names-misspelled-type-suggestion', I, '{ pet { ... on Dgo { name } } }'],
  ['known-type-names-lowercase-type', I, '{ pet { ... on dog { name } } }'],
  ['known-type-names-introspection-enum-as-variable-known-but-unused', I, 'query Q($k: __TypeKind = OBJECT) { __schema { types { name } } }'],
  ['known-type-names-introspection-type-as-fragment-condition', V, '{ __schema { types { ...T } } }\nfragment T on __Type { name kind }'],
  ['known-type-names-root-type-as-fragment-condition', V, '{ ...Q }\nfragment Q on QueryRoot { dog { name } }'],
  ['known-type-names-unknown-type-in-two-places', I, 'query Q($a: Unknown1) { dog { ... on Unknown2 { name } } }'],
  ['known-type-names-schema-definition-type-not-in-scope', I, 'query Q($a: Query) { dog { name } }'],
  ['fragments-on-composite-types-object', V, '{ dog { ...F } }\nfragment F on Dog { barks }'],
  ['fragments-on-composite-types-interface', V, '{ dog { ...F } }\nfragment F on Pet { name }'],
  ['fragments-on-composite-types-union', V, '{ dog { ...F } }\nfragment F on CatOrDog { __typename }'],
  ['fragments-on-composite-types-inline-object', V, '{ pet { ... on Dog { barks } } }'],
  ['fragments-on-composite-types-inline-without-type-condition', V, '{ dog { ... { name } ... @include(if: true) { barks } } }'],
  ['fragments-on-composite-types-scalar', I, '{ dog { ...F } }\nfragment F on Boolean { bad }'],
  ['fragments-on-composite-types-enum', I, '{ dog { ...F } }\nfragment F on FurColor { bad }'],
  ['fragments-on-composite-types-input-object', I, '{ dog { ...F } }\nfragment F on ComplexInput { stringField }'],
  ['fragments-on-composite-types-custom-scalar', I, '{ dog { ...F } }\nfragment F on DateTime { bad }'],
  ['fragments-on-composite-types-inline-scalar', I, '{ dog { ... on String { bad } } }'],
  ['fragments-on-composite-types-inline-enum', I, '{ cat { furColor { ... on FurColor { bad } } } }'],
  ['variables-are-input-types-scalars-enums-inputs', V, 'query Q($a: String, $b: [String!]!, $c: ComplexInput, $d: DogCommand!) { dog { doesKnowCommand(dogCommand: $d) doesKnowCommands(dogCommands: [$d]) } complicatedArgs { stringArgField(stringArg: $a) stringListArgField(stringListArg: $b) complexArgField(complexArg: $c) } }'],
  ['variables-are-input-types-object-type', I, 'query Q($a: Dog) { dog { name } }'],
  ['variables-are-input-types-wrapped-union', I, 'query Q($a: [[CatOrDog!]]!) { dog { name } }'],
  ['variables-are-input-types-interface', I, 'query Q($a: Pet) { dog { name } }'],
  ['variables-are-input-types-root-type', I, 'query Q($a: QueryRoot!) { dog { name } }'],
  ['variables-are-input-types-introspection-object', I, 'query Q($a: __Type) { dog { name } }'],
  ['variables-are-input-types-three-bad', I, 'query Q($a: Dog, $b: [Cat], $c: Being!) { dog { name } }'],
];

// ----------------------------------------------------------------------------------
// ScalarLeafsRule, FieldsOnCorrectTypeRule
// ----------------------------------------------------------------------------------
const fields = [
  ['scalar-leafs-scalar-selection', V, '{ dog { barks } }'],
  ['scalar-leafs-enum-selection', V, '{ cat { furColor } }'],
  ['scalar-leafs-custom-scalar-selection', V, '{ now dog { birthday } }'],
  ['scalar-leafs-object-without-selection', I, '{ human }'],
  ['scalar-leafs-object-with-args-without-selection', I, '{ human(id: "1") }'],
  ['scalar-leafs-interface-without-selection', I, '{ pet }'],
  ['scalar-leafs-union-without-selection', I, '{ catOrDog }'],
  ['scalar-leafs-list-of-objects-without-selection', I, '{ human { pets } }'],
  ['scalar-leafs-non-null-list-without-selection', I, '{ human { relatives } }'],
  ['scalar-leafs-nested-object-without-selection', I, '{ dog { mother { father } } }'],
  ['scalar-leafs-scalar-with-selection', I, '{ dog { barks { sinceWhen } } }'],
  ['scalar-leafs-enum-with-selection', I, '{ cat { furColor { inHexDec } } }'],
  ['scalar-leafs-scalar-with-args-and-selection', I, '{ dog { doesKnowCommand(dogCommand: SIT) { sinceWhen } } }'],
  ['scalar-leafs-custom-scalar-with-selection', I, '{ now { year } }'],
  ['scalar-leafs-non-null-list-scalar-with-selection', I, '{ dog { tags { length } } }'],
  ['scalar-leafs-typename-with-selection', I, '{ dog { __typename { name } } }'],
  ['scalar-leafs-mutation-scalar-with-selection', I, 'mutation M { deleteDog(id: 1) { ok } }'],
  ['fields-on-correct-type-object-field', V, 'fragment F on Dog { name }\n{ dog { ...F } }'],
  ['fields-on-correct-type-aliased-object-field', V, 'fragment F on Dog { tName: name }\n{ dog { ...F } }'],
  ['fields-on-correct-type-interface-field', V, 'fragment F on Pet { name }\n{ dog { ...F } }'],
  ['fields-on-correct-type-aliased-interface-field', V, 'fragment F on Pet { otherName: name }\n{ dog { ...F } }'],
  ['fields-on-correct-type-typename-everywhere', V, '{ __typename dog { __typename } pet { __typename } catOrDog { __typename } humanOrAlien { t: __typename } }'],
  ['fields-on-correct-type-interface-implementing-interface-field', V, '{ canine { name mother { name father { name } } } mammal { mother { father { __typename } } } }'],
  ['fields-on-correct-type-union-with-inline-fragments', V, '{ catOrDog { ... on Cat { meows } ... on Dog { barks } ... on Pet { name } ... on Being { name } } }'],
  ['fields-on-correct-type-unknown-field-on-object', I, '{ dog { meowVolume } }'],
  ['fields-on-correct-type-unknown-aliased-field', I, '{ dog { volume: mooVolume } }'],
  ['fields-on-correct-type-unknown-field-in-fragment', I, 'fragment F on Dog { meowVolume }\n{ dog { ...F } }'],
  ['fields-on-correct-type-unknown-deep-field', I, '{ dog { unknown_field { deeper_unknown_field } } }'],
  ['fields-on-correct-type-unknown-sub-field', I, '{ dog { mother { unknown_field } } }'],
  ['fields-on-correct-type-unknown-field-in-inline-fragment', I, '{ pet { ... on Dog { unknown_field } } }'],
  ['fields-on-correct-type-unknown-field-in-untyped-inline-fragment', I, '{ dog { ... { unknown_field } } }'],
  ['fields-on-correct-type-unknown-root-field', I, '{ dogs { name } horse { name } }'],
  ['fields-on-correct-type-field-on-union', I, '{ catOrDog { name } }'],
  ['fields-on-correct-type-direct-field-on-union-of-objects-with-field', I, '{ humanOrAlien { name iq } }'],
  ['fields-on-correct-type-implementor-field-on-interface', I, '{ pet { meows } }'],
  ['fields-on-correct-type-implementor-field-on-interface-suggests-types', I, '{ being { barks } }'],
  ['fields-on-correct-type-misspelled-field-suggestion', I, '{ dog { nam } }'],
  ['fields-on-correct-type-case-mismatch', I, '{ dog { Name } }'],
  ['fields-on-correct-type-schema-in-nested-selection', I, '{ dog { __schema { types { name } } } }'],
  ['fields-on-correct-type-type-in-nested-selection', I, '{ dog { __type(name: "Dog") { name } } }'],
  ['fields-on-correct-type-schema-on-mutation-root', I, 'mutation M { __schema { types { name } } }'],
  ['fields-on-correct-type-typename-on-mutation-root', V, 'mutation M { __typename deleteDog(id: 1) }'],
  ['fields-on-correct-type-query-field-in-mutation', I, 'mutation M { human { name } }'],
  ['fields-on-correct-type-many-unknown-fields', I, '{ dog { a b c d e f g h } }'],
  ['fields-on-correct-type-connection-fields', V, '{ connection(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }'],
];

// ----------------------------------------------------------------------------------
// Fragments: UniqueFragmentNames, KnownFragmentNames, NoUnusedFragments,
// PossibleFragmentSpreads, NoFragmentCycles
// ----------------------------------------------------------------------------------
const fragments = [
  ['unique-fragment-names-distinct', V, '{ dog { ...A ...B } }\nfragment A on Dog { name }\nfragment B on Dog { barks }'],
  ['unique-fragment-names-inline-fragments-always-unique', V, '{ dog { ... on Dog { name } ... on Dog { nickname } } }'],
  ['unique-fragment-names-fragment-and-operation-same-name', V, 'query A { dog { ...A } }\nfragment A on Dog { name }'],
  ['unique-fragment-names-duplicate', I, '{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { barks }'],
  ['unique-fragment-names-duplicate-different-types', I, '{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Pet { name }'],
  ['unique-fragment-names-triplicate', I, '{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { nickname }\nfragment A on Dog { barks }'],
  ['known-fragment-names-known', V, '{ human(id: 4) { ...HumanFields1 ... on Human { ...HumanFields2 } ... { name } } }\nfragment HumanFields1 on Human { name ...HumanFields3 }\nfragment HumanFields2 on Human { name }\nfragment HumanFields3 on Human { name }'],
  ['known-fragment-names-unknown', I, 'query Main { human(id: 4) { ...UnknownFragment1 ... on Human { ...UnknownFragment2 } } }\nfragment HumanFields on Human { name ...UnknownFragment3 }\nquery Other { human { ...HumanFields } }'],
  ['known-fragment-names-unknown-in-nested-field', I, '{ dog { mother { ...MotherFields } } }'],
  ['known-fragment-names-case-mismatch', I, '{ dog { ...dogfields } }\nfragment DogFields on Dog { name }'],
  ['no-unused-fragments-all-used', V, 'query A { human(id: 4) { ...HumanFields1 } }\nquery B { human(id: 4) { ...HumanFields3 } }\nfragment HumanFields1 on Human { name ...HumanFields2 }\nfragment HumanFields2 on Human { name }\nfragment HumanFields3 on Human { name }'],
  ['no-unused-fragments-used-by-multiple-operations', V, 'query A { dog { ...F } }\nquery B { dog { ...F } }\nfragment F on Dog { name }'],
  ['no-unused-fragments-one-unused', I, '{ dog { ...Used } }\nfragment Used on Dog { name }\nfragment Unused on Dog { barks }'],
  ['no-unused-fragments-unused-chain', I, '{ dog { name } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }'],
  ['no-unused-fragments-unused-cycle', I, '{ dog { name } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }'],
  ['no-unused-fragments-only-fragment', I, 'fragment F on Dog { name }'],
  ['no-unused-fragments-used-only-by-unknown-fragment', I, '{ dog { ...Unknown } }\nfragment F on Dog { name }'],
  ['no-unused-fragments-used-inside-skipped-field', V, '{ dog @skip(if: true) { ...F } }\nfragment F on Dog { name }'],
  ['possible-fragment-spreads-same-object', V, '{ dog { ...F } }\nfragment F on Dog { barks }'],
  ['possible-fragment-spreads-same-object-inline', V, '{ dog { ... on Dog { barks } } }'],
  ['possible-fragment-spreads-object-into-implemented-interface', V, '{ pet { ...F } }\nfragment F on Dog { barks }'],
  ['possible-fragment-spreads-object-into-containing-union', V, '{ catOrDog { ...F } }\nfragment F on Dog { barks }'],
  ['possible-fragment-spreads-union-into-contained-object', V, '{ dog { ...F } }\nfragment F on CatOrDog { ... on Cat { meows } }'],
  ['possible-fragment-spreads-union-into-overlapping-interface', V, '{ pet { ...F } }\nfragment F on CatOrDog { __typename }'],
  ['possible-fragment-spreads-union-into-overlapping-union', V, '{ catOrDog { ...F } }\nfragment F on DogOrHuman { __typename }'],
  ['possible-fragment-spreads-interface-into-implementing-object', V, '{ dog { ...F } }\nfragment F on Pet { name }'],
  ['possible-fragment-spreads-interface-into-overlapping-interface', V, '{ pet { ...F } }\nfragment F on Canine { name }'],
  ['possible-fragment-spreads-interface-into-overlapping-interface-inline', V, '{ pet { ... on Canine { name } } }'],
  ['possible-fragment-spreads-interface-into-overlapping-union', V, '{ catOrDog { ...F } }\nfragment F on Pet { name }'],
  ['possible-fragment-spreads-interface-into-parent-interface', V, '{ canine { ... on Mammal { mother { __typename } } } mammal { ... on Canine { name } } }'],
  ['possible-fragment-spreads-interfaces-sharing-implementor', V, '{ intelligent { ... on Being { name } } being { ... on Intelligent { iq } } }'],
  ['possible-fragment-spreads-different-object-into-object', I, '{ dog { ...F } }\nfragment F on Cat { meows }'],
  ['possible-fragment-spreads-different-object-into-object-inline', I, '{ dog { ... on Cat { meows } } }'],
  ['possible-fragment-spreads-object-into-not-implementing-interface', I, '{ pet { ...F } }\nfragment F on Human { pets { name } }'],
  ['possible-fragment-spreads-object-into-not-containing-union', I, '{ catOrDog { ...F } }\nfragment F on Human { iq }'],
  ['possible-fragment-spreads-union-into-not-contained-object', I, '{ human { ...F } }\nfragment F on CatOrDog { __typename }'],
  ['possible-fragment-spreads-union-into-non-overlapping-interface', I, '{ pet { ...F } }\nfragment F on HumanOrAlien { __typename }'],
  ['possible-fragment-spreads-union-into-non-overlapping-union', I, '{ catOrDog { ...F } }\nfragment F on HumanOrAlien { __typename }'],
  ['possible-fragment-spreads-interface-into-non-implementing-object', I, '{ cat { ...F } }\nfragment F on Intelligent { iq }'],
  ['possible-fragment-spreads-interface-into-non-overlapping-interface', I, '{ pet { ...F } }\nfragment F on Intelligent { iq }'],
  ['possible-fragment-spreads-interface-into-non-overlapping-interface-inline', I, '{ pet { ... on Intelligent { iq } } }'],
  ['possible-fragment-spreads-interface-into-non-overlapping-union', I, '{ humanOrAlien { ...F } }\nfragment F on Pet { name }'],
  ['possible-fragment-spreads-interface-into-unrelated-interface-via-mammal', I, '{ mammal { ... on Intelligent { iq } } }'],
  ['possible-fragment-spreads-object-into-box-interface', I, '{ someBox { ... on Dog { name } } }'],
  ['possible-fragment-spreads-nested-impossible', I, '{ human { pets { ... on Human { name } } } }'],
  ['possible-fragment-spreads-unknown-type-not-reported-twice', I, '{ dog { ... on Unknown { name } } }'],
  ['no-fragment-cycles-single-reference', V, '{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { name }'],
  ['no-fragment-cycles-spreading-twice', V, '{ dog { ...A } }\nfragment A on Dog { ...B, ...B }\nfragment B on Dog { name }'],
  ['no-fragment-cycles-spreading-twice-indirectly', V, '{ dog { ...A } }\nfragment A on Dog { ...B, ...C }\nfragment B on Dog { ...C }\nfragment C on Dog { name }'],
  ['no-fragment-cycles-double-spread-within-abstract-types', V, '{ pet { ...A } }\nfragment A on Pet { ... on Dog { ...B } ... on Cat { ...B } }\nfragment B on Pet { name }'],
  ['no-fragment-cycles-unknown-fragment-not-a-cycle', I, '{ dog { ...A } }\nfragment A on Dog { ...Unknown }'],
  ['no-fragment-cycles-self', I, '{ dog { ...A } }\nfragment A on Dog { ...A }'],
  ['no-fragment-cycles-self-in-inline-fragment', I, '{ pet { ...A } }\nfragment A on Pet { ... on Dog { ...A } }'],
  ['no-fragment-cycles-self-in-nested-field', I, '{ dog { ...A } }\nfragment A on Dog { mother { ...A } }'],
  ['no-fragment-cycles-self-through-list-field', I, '{ human { ...H } }\nfragment H on Human { name relatives { name ...H } }'],
  ['no-fragment-cycles-two-fragments', I, '{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }'],
  ['no-fragment-cycles-two-fragments-reverse-order', I, '{ dog { ...B } }\nfragment B on Dog { ...A }\nfragment A on Dog { ...B }'],
  ['no-fragment-cycles-three-fragments', I, '{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { ...A }'],
  ['no-fragment-cycles-deep-cycle', I, '{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { ...D }\nfragment D on Dog { ...E }\nfragment E on Dog { ...F }\nfragment F on Dog { ...G }\nfragment G on Dog { ...H }\nfragment H on Dog { ...A }'],
  ['no-fragment-cycles-cycle-in-the-middle', I, '{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...C }\nfragment C on Dog { ...B }'],
  ['no-fragment-cycles-multiple-cycles', I, '{ dog { ...A } }\nfragment A on Dog { ...B ...C ...D }\nfragment B on Dog { ...A }\nfragment C on Dog { ...A }\nfragment D on Dog { ...A }'],
  ['no-fragment-cycles-branching-cycles', I, '{ dog { ...A } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...C ...D }\nfragment C on Dog { ...A }\nfragment D on Dog { ...B }'],
  ['no-fragment-cycles-self-and-two-cycle', I, '{ dog { ...A } }\nfragment A on Dog { ...A ...B }\nfragment B on Dog { ...A }'],
  ['no-fragment-cycles-cycle-not-reachable-from-operation', I, '{ dog { name } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }'],
  ['no-fragment-cycles-two-independent-cycles', I, '{ dog { ...A ...C } }\nfragment A on Dog { ...B }\nfragment B on Dog { ...A }\nfragment C on Dog { ...D }\nfragment D on Dog { ...C }'],
];

// ----------------------------------------------------------------------------------
// Variables: UniqueVariableNames, NoUndefinedVariables, NoUnusedVariables
// ----------------------------------------------------------------------------------
const variables = [
  ['unique-variable-names-distinct', V, 'query A($x: Int, $y: String) { complicatedArgs { intArgField(intArg: $x) stringArgField(stringArg: $y) } }'],
  ['unique-variable-names-same-name-in-two-operations', V, 'query A($x: Int) { complicatedArgs { intArgField(intArg: $x) } }\nquery B($x: Int) { complicatedArgs { intArgField(intArg: $x) } }'],
  ['unique-variable-names-duplicate', I, 'query A($x: Int, $x: Int) { complicatedArgs { intArgField(intArg: $x) } }'],
  ['unique-variable-names-duplicate-different-types', I, 'query A($x: Int, $x: String) { complicatedArgs { intArgField(intArg: $x) } }'],
  ['unique-variable-names-many-duplicates', I, 'query A($x: Int, $x: Int, $x: String, $y: Boolean, $y: Boolean) { complicatedArgs { intArgField(intArg: $x) booleanArgField(booleanArg: $y) } }'],
  ['no-undefined-variables-all-defined', V, 'query Foo($a: String, $b: String, $c: String) { complicatedArgs { a: stringArgField(stringArg: $a) b: stringArgField(stringArg: $b) c: stringArgField(stringArg: $c) } }'],
  ['no-undefined-variables-defined-deeply', V, 'query Foo($a: Boolean) { human { bestFriend { bestFriend { dogs { isHouseTrained(atOtherHomes: $a) } } } } }'],
  ['no-undefined-variables-in-inline-fragment', V, 'query Foo($a: Boolean) { pet { ... on Dog { isHouseTrained(atOtherHomes: $a) } } }'],
  ['no-undefined-variables-in-fragment', V, 'query Foo($a: Boolean) { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-undefined-variables-in-recursively-spread-fragments', V, 'query Foo($a: Boolean, $b: Int) { dog { ...A } }\nfragment A on Dog { isHouseTrained(atOtherHomes: $a) mother { ...B } }\nfragment B on Dog { isAtLocation(x: $b, y: $b) }'],
  ['no-undefined-variables-in-fragment-used-by-two-operations', V, 'query A($a: Boolean) { dog { ...F } }\nquery B($a: Boolean) { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-undefined-variables-in-directive', V, 'query Q($cond: Boolean!) { dog @include(if: $cond) { name } }'],
  ['no-undefined-variables-in-list-and-object-literals', V, 'query Q($s: String, $b: Boolean!) { complicatedArgs { stringListArgField(stringListArg: ["a", $s]) complexArgField(complexArg: {requiredField: $b, stringField: $s, nested: {requiredField: $b}}) } }'],
  ['no-undefined-variables-undefined', I, 'query Foo($a: String) { complicatedArgs { a: stringArgField(stringArg: $a) d: stringArgField(stringArg: $d) } }'],
  ['no-undefined-variables-in-anonymous-query', I, '{ complicatedArgs { stringArgField(stringArg: $a) } }'],
  ['no-undefined-variables-multiple-undefined', I, 'query Foo($b: String) { complicatedArgs { a: stringArgField(stringArg: $a) b: stringArgField(stringArg: $b) c: stringArgField(stringArg: $c) } }'],
  ['no-undefined-variables-undefined-in-fragment', I, 'query Foo { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-undefined-variables-undefined-in-nested-fragment', I, 'query Foo($a: Boolean) { dog { ...A } }\nfragment A on Dog { isHouseTrained(atOtherHomes: $a) ...B }\nfragment B on Dog { isAtLocation(x: $x) }'],
  ['no-undefined-variables-fragment-used-by-operation-lacking-it', I, 'query A($a: Boolean) { dog { ...F } }\nquery B { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-undefined-variables-undefined-in-directive', I, 'query Q { dog @skip(if: $cond) { name } }'],
  ['no-undefined-variables-undefined-in-list-literal', I, 'query Q { complicatedArgs { stringListArgField(stringListArg: ["a", $s]) } }'],
  ['no-undefined-variables-undefined-in-object-literal', I, 'query Q { complicatedArgs { complexArgField(complexArg: {requiredField: $b}) } }'],
  ['no-undefined-variables-defined-in-other-operation', I, 'query A($a: String) { complicatedArgs { stringArgField(stringArg: $a) } }\nquery B { complicatedArgs { stringArgField(stringArg: $a) } }'],
  ['no-undefined-variables-in-mutation', I, 'mutation M { renameDog(id: $id, name: "Rex") { name } }'],
  ['no-unused-variables-all-used', V, 'query Foo($a: String, $b: String, $c: String) { complicatedArgs { a: stringArgField(stringArg: $a) b: stringArgField(stringArg: $b) c: stringArgField(stringArg: $c) } }'],
  ['no-unused-variables-used-in-fragment', V, 'query Foo($a: Boolean) { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-unused-variables-used-in-directive', V, 'query Foo($a: Boolean!) { dog @skip(if: $a) { name } }'],
  ['no-unused-variables-used-in-variable-directive-arguments-elsewhere', V, 'query Foo($a: Int!) { dog @withArgs(required: $a) { name } }'],
  ['no-unused-variables-used-in-nested-list', V, 'query Foo($a: Int!) { complicatedArgs { intListListArgField(intListListArg: [[$a]]) } }'],
  ['no-unused-variables-unused', I, 'query Foo($a: String, $b: String) { complicatedArgs { stringArgField(stringArg: $a) } }'],
  ['no-unused-variables-multiple-unused', I, 'query Foo($a: String, $b: String, $c: Int) { complicatedArgs { stringArgField(stringArg: $b) } }'],
  ['no-unused-variables-anonymous-unused', I, 'query ($a: String) { dog { name } }'],
  ['no-unused-variables-unused-in-one-of-two-operations', I, 'query A($a: Boolean) { dog { ...F } }\nquery B($a: Boolean, $b: Boolean) { dog { ...F } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-unused-variables-only-used-in-unused-fragment', I, 'query A($a: Boolean) { dog { name } }\nfragment F on Dog { isHouseTrained(atOtherHomes: $a) }'],
  ['no-unused-variables-used-only-by-own-directive-is-unused', I, 'query A($a: Int @onVariableDefinition) { dog { name } }'],
  ['no-unused-variables-introspection-enum-variable', V, 'query Q($includeDeprecated: Boolean = false) { __type(name: "Dog") { fields(includeDeprecated: $includeDeprecated) { name } } }'],
];

// ----------------------------------------------------------------------------------
// Directives: KnownDirectives, UniqueDirectivesPerLocation
// ----------------------------------------------------------------------------------
const directives = [
  ['known-directives-no-directives', V, 'query Foo { name: __typename ...Frag }\nfragment Frag on QueryRoot { dog { name } }'],
  ['known-directives-skip-and-include', V, 'query Q($a: Boolean!) { dog @include(if: true) { name } human @skip(if: false) { name } cat @include(if: $a) @skip(if: $a) { name } }'],
  ['known-directives-well-placed-custom', V, 'query Foo($var: Boolean @onVariableDefinition) @onQuery { name: __typename @onField ...Frag @onFragmentSpread ... @onInlineFragment { __typename } dog { isHouseTrained(atOtherHomes: $var) } }\nmutation Bar @onMutation { deleteDog(id: 1) @onField }\nsubscription Baz @onSubscription { dogBarked { name } }\nfragment Frag on QueryRoot @onFragmentDefinition { dog { name } }'],
  ['known-directives-any-executable-everywhere', V, 'query Foo($v: Boolean @onAnyExecutable) @onAnyExecutable { dog @onAnyExecutable { ...F @onAnyExecutable ... on Dog @onAnyExecutable { isHouseTrained(atOtherHomes: $v) } } }\nfragment F on Dog @onAnyExecutable { name }'],
  ['known-directives-with-arguments', V, 'query Q @withArgs(required: 1, optional: "x", list: [1, 2], color: TAN, input: {requiredField: true}) { dog @withArgs(required: 2) { name } }'],
  ['known-directives-unknown', I, '{ dog @unknown(directive: "value") { name } }'],
  ['known-directives-many-unknown', I, '{ dog @unknown(directive: "value") { name } human @unknown(directive: "value") { name pets @unknown(directive: "value") { name } } }'],
  ['known-directives-misspelled', I, '{ dog @inclde(if: true) { name } }'],
  ['known-directives-case-mismatch', I, '{ dog @Skip(if: true) { name } }'],
  ['known-directives-include-on-query', I, 'query Foo @include(if: true) { name: __typename }'],
  ['known-directives-skip-on-mutation', I, 'mutation Bar @skip(if: true) { deleteDog(id: 1) }'],
  ['known-directives-include-on-fragment-definition', I, '{ dog { ...F } }\nfragment F on Dog @include(if: true) { name }'],
  ['known-directives-skip-on-variable-definition', I, 'query Q($a: Boolean @skip(if: true)) { dog { isHouseTrained(atOtherHomes: $a) } }'],
  ['known-directives-on-query-on-field', I, '{ dog @onQuery { name } }'],
  ['known-directives-on-field-on-fragment-spread', I, '{ dog { ...F @onField } }\nfragment F on Dog { name }'],
  ['known-directives-on-field-on-inline-fragment', I, '{ dog { ... on Dog @onField { name } } }'],
  ['known-directives-on-inline-fragment-on-fragment-spread', I, '{ dog { ...F @onInlineFragment } }\nfragment F on Dog { name }'],
  ['known-directives-on-fragment-spread-on-fragment-definition', I, '{ dog { ...F } }\nfragment F on Dog @onFragmentSpread { name }'],
  ['known-directives-on-mutation-on-subscription', I, 'subscription S @onMutation { dogBarked { name } }'],
  ['known-directives-on-query-on-mutation', I, 'mutation M @onQuery { deleteDog(id: 1) }'],
  ['known-directives-deprecated-on-field', I, '{ dog { name @deprecated } }'],
  ['known-directives-specified-by-on-field', I, '{ now @specifiedBy(url: "x") }'],
  ['known-directives-type-system-directive-on-field', I, '{ dog @onObject { name @onFieldDefinition } }'],
  ['known-directives-type-system-directive-on-operation', I, 'query Q @onSchema { dog { name } }'],
  ['known-directives-misplaced-everywhere', I, 'query Foo($var: Boolean @onQuery) @onField { name @onQuery ...Frag @onQuery ... @onQuery { __typename } dog { isHouseTrained(atOtherHomes: $var) } }\nmutation Bar @onQuery { deleteDog(id: 1) @onQuery }\nsubscription Baz @onQuery { dogBarked { name } }\nfragment Frag on QueryRoot @onQuery { dog { name } }'],
  ['unique-directives-per-location-none', V, 'fragment F on Dog { name }\n{ dog { ...F } }'],
  ['unique-directives-per-location-distinct', V, '{ dog @onField @onAnyExecutable @include(if: true) { name } }'],
  ['unique-directives-per-location-same-on-different-locations', V, 'query Q @onAnyExecutable { dog @onAnyExecutable { ...F @onAnyExecutable } }\nfragment F on Dog @onAnyExecutable { name @onAnyExecutable }'],
  ['unique-directives-per-location-same-on-similar-fields', V, '{ dog { name @onField name @onField } }'],
  ['unique-directives-per-location-repeatable-twice', V, '{ dog @tag(name: "a") @tag(name: "b") @tag { name } }'],
  ['unique-directives-per-location-repeatable-on-query', V, 'query Q @tag(name: "a") @tag(name: "a") { dog { name } }'],
  ['unique-directives-per-location-duplicate-skip', I, '{ dog @skip(if: true) @skip(if: false) { name } }'],
  ['unique-directives-per-location-duplicate-include-same-args', I, '{ dog @include(if: true) @include(if: true) { name } }'],
  ['unique-directives-per-location-many-duplicates', I, '{ dog @onField @onField @onField { name } }'],
  ['unique-directives-per-location-different-duplicates', I, '{ dog @onField @onAnyExecutable @onField @onAnyExecutable { name } }'],
  ['unique-directives-per-location-duplicate-on-operation', I, 'query Q @onQuery @onQuery { dog { name } }'],
  ['unique-directives-per-location-duplicate-on-fragment-definition', I, '{ dog { ...F } }\nfragment F on Dog @onFragmentDefinition @onFragmentDefinition { name }'],
  ['unique-directives-per-location-duplicate-on-fragment-spread', I, '{ dog { ...F @onFragmentSpread @onFragmentSpread } }\nfragment F on Dog { name }'],
  ['unique-directives-per-location-duplicate-on-inline-fragment', I, '{ dog { ... on Dog @onInlineFragment @onInlineFragment { name } } }'],
  ['unique-directives-per-location-duplicate-on-variable-definition', I, 'query Q($a: Boolean @onVariableDefinition @onVariableDefinition) { dog { isHouseTrained(atOtherHomes: $a) } }'],
  ['unique-directives-per-location-duplicate-unknown-directive', I, '{ dog @unknown @unknown { name } }'],
  ['unique-directives-per-location-repeatable-mixed-with-duplicate', I, '{ dog @tag @onField @tag @onField { name } }'],
];

// ----------------------------------------------------------------------------------
// Arguments: KnownArgumentNames, UniqueArgumentNames, ProvidedRequiredArguments
// ----------------------------------------------------------------------------------
const args = [
  ['known-argument-names-single', V, 'fragment F on Dog { doesKnowCommand(dogCommand: SIT) }\n{ dog { ...F } }'],
  ['known-argument-names-multiple', V, 'fragment F on Dog { isAtLocation(x: 1, y: 2) }\n{ dog { ...F } }'],
  ['known-argument-names-multiple-reverse-order', V, 'fragment F on Dog { isAtLocation(y: 2, x: 1) }\n{ dog { ...F } }'],
  ['known-argument-names-no-args-on-optional', V, '{ dog { isHouseTrained } }'],
  ['known-argument-names-on-interface-field', V, '{ pet { name(surname: true) } being { name(surname: false) } }'],
  ['known-argument-names-on-directives', V, '{ dog @skip(if: true) { name @include(if: false) } }'],
  ['known-argument-names-args-on-unknown-field-not-reported', I, '{ dog { unknownField(unknownArg: 1) } }'],
  ['known-argument-names-unknown-on-field', I, '{ dog { doesKnowCommand(unknown: true) } }'],
  ['known-argument-names-misspelled-on-field', I, '{ dog { doesKnowCommand(DogCommand: SIT) } }'],
  ['known-argument-names-misspelled-suggestion', I, '{ dog { doesKnowCommand(dogCommandd: SIT) } }'],
  ['known-argument-names-unknown-among-known', I, '{ dog { isAtLocation(x: 1, z: 3, y: 2) } }'],
  ['known-argument-names-unknown-on-field-without-args', I, '{ dog { name barks(loudly: true) } }'],
  ['known-argument-names-unknown-deep', I, '{ dog { doesKnowCommand(unknown: true) } human { pets { ... on Dog { doesKnowCommand(unknown: true) } } } }'],
  ['known-argument-names-unknown-on-directive', I, '{ dog @skip(unless: true) { name } }'],
  ['known-argument-names-misspelled-on-directive', I, '{ dog @skip(iff: true) { name } }'],
  ['known-argument-names-on-typename', I, '{ dog { __typename(full: true) } }'],
  ['known-argument-names-unknown-on-root-field', I, '{ human(name: "Bob") { name } }'],
  ['known-argument-names-unknown-on-introspection-field', I, '{ __type(name: "Dog", kind: OBJECT) { name } }'],
  ['unique-argument-names-none', V, '{ dog { name } }'],
  ['unique-argument-names-single', V, '{ dog { isHouseTrained(atOtherHomes: true) } }'],
  ['unique-argument-names-same-on-two-fields', V, '{ dog { one: isHouseTrained(atOtherHomes: true) two: isHouseTrained(atOtherHomes: true) } }'],
  ['unique-argument-names-same-on-field-and-directive', V, '{ dog { isHouseTrained(atOtherHomes: true) @skip(if: false) } complicatedArgs { booleanArgField(booleanArg: true) @include(if: true) } }'],
  ['unique-argument-names-same-on-two-directives', V, '{ dog @include(if: true) @skip(if: false) { name } }'],
  ['unique-argument-names-multiple', V, '{ dog { isAtLocation(x: 1, y: 2) } }'],
  ['unique-argument-names-duplicate-field-arguments', I, '{ dog { isHouseTrained(atOtherHomes: true, atOtherHomes: true) } }'],
  ['unique-argument-names-many-duplicate-field-arguments', I, '{ dog { isAtLocation(x: 1, x: 2, x: 3) } }'],
  ['unique-argument-names-duplicate-directive-arguments', I, '{ dog @skip(if: true, if: false) { name } }'],
  ['unique-argument-names-duplicate-directive-arguments-with-other', I, '{ dog @withArgs(required: 1, optional: "a", required: 2) { name } }'],
  ['unique-argument-names-duplicate-on-root-field', I, '{ human(id: 1, id: 2) { name } }'],
  ['provided-required-arguments-ignores-unknown-argument', I, '{ dog { isHouseTrained(unknownArgument: true) } }'],
  ['provided-required-arguments-arg-on-optional', V, '{ dog { isHouseTrained(atOtherHomes: true) } }'],
  ['provided-required-arguments-no-arg-on-optional', V, '{ dog { isHouseTrained } }'],
  ['provided-required-arguments-no-arg-on-non-null-with-default', V, '{ complicatedArgs { nonNullFieldWithDefault } }'],
  ['provided-required-arguments-multiple-args', V, '{ complicatedArgs { multipleReqs(req1: 1, req2: 2) } }'],
  ['provided-required-arguments-multiple-args-reverse-order', V, '{ complicatedArgs { multipleReqs(req2: 2, req1: 1) } }'],
  ['provided-required-arguments-no-args-on-multiple-optional', V, '{ complicatedArgs { multipleOpts } }'],
  ['provided-required-arguments-one-arg-on-multiple-optional', V, '{ complicatedArgs { multipleOpts(opt1: 1) } }'],
  ['provided-required-arguments-second-arg-on-multiple-optional', V, '{ complicatedArgs { multipleOpts(opt2: 1) } }'],
  ['provided-required-arguments-multiple-reqs-on-mixed', V, '{ complicatedArgs { multipleOptAndReq(req1: 3, req2: 4) } }'],
  ['provided-required-arguments-multiple-reqs-and-one-opt', V, '{ complicatedArgs { multipleOptAndReq(req1: 3, req2: 4, opt1: 5) } }'],
  ['provided-required-arguments-all-reqs-and-opts', V, '{ complicatedArgs { multipleOptAndReq(req1: 3, req2: 4, opt1: 5, opt2: 6) } }'],
  ['provided-required-arguments-missing-one-non-null', I, '{ complicatedArgs { multipleReqs(req2: 2) } }'],
  ['provided-required-arguments-missing-multiple-non-null', I, '{ complicatedArgs { multipleReqs } }'],
  ['provided-required-arguments-incorrect-value-and-missing', I, '{ complicatedArgs { multipleReqs(req1: "one") } }'],
  ['provided-required-arguments-missing-on-root-field', I, '{ complicatedArgs { nonNullIntArgField } }'],
  ['provided-required-arguments-missing-on-mutation', I, 'mutation M { renameDog(id: 1) { name } }'],
  ['provided-required-arguments-missing-on-subscription', I, 'subscription S { humanChanged { name } }'],
  ['provided-required-arguments-missing-in-list-field', I, '{ dog { doesKnowCommands } }'],
  ['provided-required-arguments-directive-with-required', V, '{ dog @include(if: true) { name } human @skip(if: false) { name } }'],
  ['provided-required-arguments-include-without-if', I, '{ dog @include { name } }'],
  ['provided-required-arguments-skip-without-if', I, '{ dog @skip { name } }'],
  ['provided-required-arguments-custom-directive-missing-required', I, '{ dog @withArgs(optional: "x") { name } }'],
  ['provided-required-arguments-missing-introspection-type-name', I, '{ __type { name } }'],
  ['provided-required-arguments-required-given-null', I, '{ complicatedArgs { multipleReqs(req1: null, req2: 2) } }'],
];

// ----------------------------------------------------------------------------------
// ValuesOfCorrectTypeRule and UniqueInputFieldNamesRule (the literal matrix in
// generate-corpus.mjs covers every scalar against every kind of literal)
// ----------------------------------------------------------------------------------
const values = [
  ['values-of-correct-type-int-min-and-max', V, '{ complicatedArgs { a: intArgField(intArg: 2147483647) b: intArgField(intArg: -2147483648) } }'],
  ['values-of-correct-type-int-overflow', I, '{ complicatedArgs { intArgField(intArg: 2147483648) } }'],
  ['values-of-correct-type-int-underflow', I, '{ complicatedArgs { intArgField(intArg: -2147483649) } }'],
  ['values-of-correct-type-int-huge', I, '{ complicatedArgs { intArgField(intArg: 123456789012345678901234567890) } }'],
  ['values-of-correct-type-float-huge-exponent', V, '{ complicatedArgs { floatArgField(floatArg: 1e400) } }'],
  ['values-of-correct-type-float-huge-integer', V, '{ complicatedArgs { floatArgField(floatArg: 123456789012345678901234567890) } }'],
  ['values-of-correct-type-float-tiny', V, '{ complicatedArgs { floatArgField(floatArg: 1e-400) } }'],
  ['values-of-correct-type-int-into-float', V, '{ complicatedArgs { floatArgField(floatArg: 1) } }'],
  ['values-of-correct-type-int-into-id', V, '{ complicatedArgs { idArgField(idArg: 1) } }'],
  ['values-of-correct-type-string-into-id', V, '{ complicatedArgs { idArgField(idArg: "someIdString") } }'],
  ['values-of-correct-type-block-string-into-id', V, '{ complicatedArgs { idArgField(idArg: """abc""") } }'],
  ['values-of-correct-type-float-into-id', I, '{ complicatedArgs { idArgField(idArg: 1.0) } }'],
  ['values-of-correct-type-boolean-into-id', I, '{ complicatedArgs { idArgField(idArg: true) } }'],
  ['values-of-correct-type-enum-into-id', I, '{ complicatedArgs { idArgField(idArg: SOMETHING) } }'],
  ['values-of-correct-type-enum-value', V, '{ dog { doesKnowCommand(dogCommand: SIT) } }'],
  ['values-of-correct-type-deprecated-enum-value', V, '{ dog { doesKnowCommand(dogCommand: ROLL_OVER) } }'],
  ['values-of-correct-type-enum-null', V, '{ dog { doesKnowCommand(dogCommand: null) } }'],
  ['values-of-correct-type-enum-as-string', I, '{ dog { doesKnowCommand(dogCommand: "SIT") } }'],
  ['values-of-correct-type-enum-lowercase', I, '{ dog { doesKnowCommand(dogCommand: sit) } }'],
  ['values-of-correct-type-enum-unknown-value', I, '{ dog { doesKnowCommand(dogCommand: JUGGLE) } }'],
  ['values-of-correct-type-enum-int', I, '{ dog { doesKnowCommand(dogCommand: 2) } }'],
  ['values-of-correct-type-enum-boolean', I, '{ dog { doesKnowCommand(dogCommand: true) } }'],
  ['values-of-correct-type-enum-from-other-enum', I, '{ dog { doesKnowCommand(dogCommand: BROWN) } }'],
  ['values-of-correct-type-enum-list', V, '{ dog { doesKnowCommands(dogCommands: [SIT, HEEL, DOWN]) } }'],
  ['values-of-correct-type-enum-list-single-value-coerced', V, '{ dog { doesKnowCommands(dogCommands: SIT) } }'],
  ['values-of-correct-type-enum-list-with-null-item', I, '{ dog { doesKnowCommands(dogCommands: [SIT, null]) } }'],
  ['values-of-correct-type-non-null-list-null', I, '{ dog { doesKnowCommands(dogCommands: null) } }'],
  ['values-of-correct-type-empty-list-into-non-null-list', V, '{ dog { doesKnowCommands(dogCommands: []) } }'],
  ['values-of-correct-type-list-of-strings', V, '{ complicatedArgs { stringListArgField(stringListArg: ["one", null, "two"]) } }'],
  ['values-of-correct-type-list-with-wrong-item', I, '{ complicatedArgs { stringListArgField(stringListArg: ["one", 2]) } }'],
  ['values-of-correct-type-list-single-string-coerced', V, '{ complicatedArgs { stringListArgField(stringListArg: "one") } }'],
  ['values-of-correct-type-list-single-wrong-value', I, '{ complicatedArgs { stringListArgField(stringListArg: 1) } }'],
  ['values-of-correct-type-non-null-items-with-null', I, '{ complicatedArgs { stringListNonNullArgField(stringListNonNullArg: ["one", null]) } }'],
  ['values-of-correct-type-non-null-list-of-nullable-items-with-null-item', V, '{ complicatedArgs { nonNullStringListArgField(nonNullStringListArg: [null]) } }'],
  ['values-of-correct-type-nested-list', V, '{ complicatedArgs { intListListArgField(intListListArg: [[1], [2, 3]]) } }'],
  ['values-of-correct-type-nested-list-flat-coerced', V, '{ complicatedArgs { intListListArgField(intListListArg: [1, 2, 3]) } }'],
  ['values-of-correct-type-nested-list-single-coerced', V, '{ complicatedArgs { intListListArgField(intListListArg: 1) } }'],
  ['values-of-correct-type-nested-list-too-deep', I, '{ complicatedArgs { intListListArgField(intListListArg: [[[1]]]) } }'],
  ['values-of-correct-type-nested-list-null-inner-list', V, '{ complicatedArgs { intListListArgField(intListListArg: [null, [1]]) } }'],
  ['values-of-correct-type-nested-list-null-inner-item', I, '{ complicatedArgs { intListListArgField(intListListArg: [[1, null]]) } }'],
  ['values-of-correct-type-input-object-required-only', V, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true}) } }'],
  ['values-of-correct-type-input-object-all-fields', V, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nonNullField: true, intField: 4, stringField: "s", booleanField: false, stringListField: ["a"], enumField: SPOTTED, nested: {requiredField: false}, oldField: 1}) } }'],
  ['values-of-correct-type-input-object-fields-any-order', V, '{ complicatedArgs { complexArgField(complexArg: {stringListField: ["one", "two"], requiredField: true}) } }'],
  ['values-of-correct-type-input-object-missing-required', I, '{ complicatedArgs { complexArgField(complexArg: {intField: 4}) } }'],
  ['values-of-correct-type-input-object-required-null', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: null}) } }'],
  ['values-of-correct-type-input-object-non-null-with-default-null', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nonNullField: null}) } }'],
  ['values-of-correct-type-input-object-wrong-field-type', I, '{ complicatedArgs { complexArgField(complexArg: {stringListField: ["one", 2], requiredField: true}) } }'],
  ['values-of-correct-type-input-object-unknown-field', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, invalidField: "value"}) } }'],
  ['values-of-correct-type-input-object-misspelled-field', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, strinField: "value"}) } }'],
  ['values-of-correct-type-input-object-nested-missing-required', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nested: {nested: {intField: 1}}}) } }'],
  ['values-of-correct-type-input-object-deeply-nested', V, `{ complicatedArgs { complexArgField(complexArg: ${'{requiredField: true, nested: '.repeat(20)}{requiredField: false}${'}'.repeat(20)}) } }`],
  ['values-of-correct-type-input-object-as-scalar', I, '{ complicatedArgs { complexArgField(complexArg: "{requiredField: true}") } }'],
  ['values-of-correct-type-input-object-in-list-position', I, '{ complicatedArgs { complexArgField(complexArg: [{requiredField: true}]) } }'],
  ['values-of-correct-type-object-into-scalar', I, '{ complicatedArgs { intArgField(intArg: {value: 1}) } }'],
  ['values-of-correct-type-list-into-scalar', I, '{ complicatedArgs { intArgField(intArg: [1]) } }'],
  ['values-of-correct-type-input-object-default-field-omitted', V, '{ complicatedArgs { nonNullComplexArgField(complexArg: {requiredField: false}) } }'],
  ['values-of-correct-type-non-null-input-object-null', I, '{ complicatedArgs { nonNullComplexArgField(complexArg: null) } }'],
  ['values-of-correct-type-location-input-int-into-float-fields', V, '{ complicatedArgs { locationArgField(location: {x: 1, y: 2.5}) } }'],
  ['values-of-correct-type-location-input-string-into-float-field', I, '{ complicatedArgs { locationArgField(location: {x: "1", y: 2}) } }'],
  ['values-of-correct-type-mutation-input', V, 'mutation M { createDog(input: {name: "Rex", commands: [SIT, HEEL], birthday: "2020-01-01T00:00:00Z"}) { name } }'],
  ['values-of-correct-type-mutation-input-missing-name', I, 'mutation M { createDog(input: {nickname: "Rex"}) { name } }'],
  ['values-of-correct-type-mutation-input-wrong-enum-list', I, 'mutation M { createDog(input: {name: "Rex", commands: [SIT, "HEEL"]}) { name } }'],
  ['values-of-correct-type-custom-scalar-accepts-string', V, '{ complicatedArgs { dateTimeArgField(dateTimeArg: "2024-02-29T12:00:00Z") } }'],
  ['values-of-correct-type-custom-scalar-accepts-int', V, '{ complicatedArgs { dateTimeArgField(dateTimeArg: 1700000000) } }'],
  ['values-of-correct-type-custom-scalar-accepts-object', V, '{ echo(json: {a: 1, b: [true, null, "x"], c: {d: ENUM_LIKE}}) }'],
  ['values-of-correct-type-custom-scalar-accepts-list', V, '{ echo(json: [1, "two", 3.0, [false]]) }'],
  ['values-of-correct-type-custom-scalar-accepts-null', V, '{ echo(json: null) }'],
  ['values-of-correct-type-custom-scalar-with-variable-inside', V, 'query Q($v: Int) { echo(json: {a: $v}) }'],
  ['values-of-correct-type-boolean-directive-arg-string', I, '{ dog @include(if: "yes") { name } }'],
  ['values-of-correct-type-boolean-directive-arg-int', I, '{ dog @skip(if: 1) { name } }'],
  ['values-of-correct-type-boolean-directive-arg-null', I, '{ dog @skip(if: null) { name } }'],
  ['values-of-correct-type-directive-input-object-arg', V, '{ dog @withArgs(required: 1, input: {requiredField: true, enumField: BLACK}) { name } }'],
  ['values-of-correct-type-directive-input-object-arg-invalid', I, '{ dog @withArgs(required: 1, input: {enumField: "BLACK"}) { name } }'],
  ['values-of-correct-type-directive-list-arg-invalid', I, '{ dog @withArgs(required: 1, list: [1, null]) { name } }'],
  ['values-of-correct-type-variable-default-valid', V, 'query Q($a: Int = 1, $b: String = "ok", $c: ComplexInput = {requiredField: true, intField: 3}, $d: [String] = ["one"], $e: FurColor = BROWN) { complicatedArgs { intArgField(intArg: $a) stringArgField(stringArg: $b) complexArgField(complexArg: $c) stringListArgField(stringListArg: $d) enumArgField(enumArg: $e) } }'],
  ['values-of-correct-type-variable-default-wrong-type', I, 'query Q($a: Int = "one") { complicatedArgs { intArgField(intArg: $a) } }'],
  ['values-of-correct-type-variable-default-null-for-non-null', I, 'query Q($a: Int! = null) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['values-of-correct-type-variable-default-non-null-with-value', V, 'query Q($a: Int! = 3) { complicatedArgs { intArgField(intArg: $a) } }'],
  ['values-of-correct-type-variable-default-input-object-missing-required', I, 'query Q($a: ComplexInput = {intField: 3}) { complicatedArgs { complexArgField(complexArg: $a) } }'],
  ['values-of-correct-type-variable-default-list-wrong-items', I, 'query Q($a: [String] = ["one", 2]) { complicatedArgs { stringListArgField(stringListArg: $a) } }'],
  ['values-of-correct-type-variable-default-unknown-type-not-checked', I, 'query Q($a: Unknown = 1) { dog { name } }'],
  ['values-of-correct-type-many-errors', I, '{ complicatedArgs { a: intArgField(intArg: "1") b: stringArgField(stringArg: 1) c: booleanArgField(booleanArg: "true") d: floatArgField(floatArg: true) e: enumArgField(enumArg: 1) f: idArgField(idArg: 1.5) } }'],
  ['unique-input-field-names-distinct', V, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) } }'],
  ['unique-input-field-names-same-in-two-arguments', V, '{ complicatedArgs { a: complexArgField(complexArg: {requiredField: true}) b: complexArgField(complexArg: {requiredField: true}) } }'],
  ['unique-input-field-names-nested-same-names', V, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nested: {requiredField: true, nested: {requiredField: true}}}) } }'],
  ['unique-input-field-names-duplicate', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, requiredField: false}) } }'],
  ['unique-input-field-names-many-duplicates', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1, intField: 2, intField: 3}) } }'],
  ['unique-input-field-names-nested-duplicate', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, nested: {requiredField: true, requiredField: true}}) } }'],
  ['unique-input-field-names-duplicate-in-list-item', I, 'mutation M { createDog(input: {name: "a", name: "b"}) { name } }'],
  ['unique-input-field-names-duplicate-in-custom-scalar-object', I, '{ echo(json: {a: 1, a: 2}) }'],
  ['unique-input-field-names-duplicate-in-variable-default', I, 'query Q($c: ComplexInput = {requiredField: true, requiredField: true}) { complicatedArgs { complexArgField(complexArg: $c) } }'],
];

// ----------------------------------------------------------------------------------
// VariablesInAllowedPositionRule (the variable/position matrix in generate-corpus.mjs
// covers every pair of a family of types)
// ----------------------------------------------------------------------------------
const positions = [
  ['variables-in-allowed-position-boolean-to-boolean', V, 'query Q($b: Boolean) { complicatedArgs { booleanArgField(booleanArg: $b) } }'],
  ['variables-in-allowed-position-boolean-to-boolean-in-fragment', V, 'fragment F on ComplicatedArgs { booleanArgField(booleanArg: $b) }\nquery Q($b: Boolean) { complicatedArgs { ...F } }'],
  ['variables-in-allowed-position-boolean-to-boolean-in-nested-fragments', V, 'query Q($b: Boolean) { complicatedArgs { ...A } }\nfragment A on ComplicatedArgs { ...B }\nfragment B on ComplicatedArgs { booleanArgField(booleanArg: $b) }'],
  ['variables-in-allowed-position-non-null-boolean-to-boolean', V, 'query Q($b: Boolean!) { complicatedArgs { booleanArgField(booleanArg: $b) } }'],
  ['variables-in-allowed-position-string-list-to-string-list', V, 'query Q($l: [String]) { complicatedArgs { stringListArgField(stringListArg: $l) } }'],
  ['variables-in-allowed-position-non-null-items-to-nullable-items', V, 'query Q($l: [String!]) { complicatedArgs { stringListArgField(stringListArg: $l) } }'],
  ['variables-in-allowed-position-string-to-list-item', V, 'query Q($s: String) { complicatedArgs { stringListArgField(stringListArg: [$s]) } }'],
  ['variables-in-allowed-position-non-null-string-to-list-item', V, 'query Q($s: String!) { complicatedArgs { stringListArgField(stringListArg: [$s]) } }'],
  ['variables-in-allowed-position-complex-input-to-complex-input', V, 'query Q($c: ComplexInput) { complicatedArgs { complexArgField(complexArg: $c) } }'],
  ['variables-in-allowed-position-boolean-to-input-field', V, 'query Q($b: Boolean = false) { complicatedArgs { complexArgField(complexArg: {requiredField: true, booleanField: $b}) } }'],
  ['variables-in-allowed-position-non-null-boolean-to-required-input-field', V, 'query Q($b: Boolean!) { complicatedArgs { complexArgField(complexArg: {requiredField: $b}) } }'],
  ['variables-in-allowed-position-nullable-boolean-to-required-input-field', I, 'query Q($b: Boolean) { complicatedArgs { complexArgField(complexArg: {requiredField: $b}) } }'],
  ['variables-in-allowed-position-nullable-boolean-to-non-null-input-field-with-default', V, 'query Q($b: Boolean) { complicatedArgs { complexArgField(complexArg: {requiredField: true, nonNullField: $b}) } }'],
  ['variables-in-allowed-position-non-null-boolean-to-directive', V, 'query Q($b: Boolean!) { dog @include(if: $b) { name } }'],
  ['variables-in-allowed-position-nullable-boolean-to-directive', I, 'query Q($b: Boolean) { dog @include(if: $b) { name } }'],
  ['variables-in-allowed-position-nullable-boolean-with-default-to-directive', V, 'query Q($b: Boolean = true) { dog @include(if: $b) { name } }'],
  ['variables-in-allowed-position-nullable-boolean-with-null-default-to-directive', I, 'query Q($b: Boolean = null) { dog @include(if: $b) { name } }'],
  ['variables-in-allowed-position-string-to-boolean-directive', I, 'query Q($s: String!) { dog @skip(if: $s) { name } }'],
  ['variables-in-allowed-position-int-to-non-null-int', I, 'query Q($i: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }'],
  ['variables-in-allowed-position-int-to-non-null-int-in-fragment', I, 'fragment F on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $i) }\nquery Q($i: Int) { complicatedArgs { ...F } }'],
  ['variables-in-allowed-position-int-to-non-null-int-in-nested-fragment', I, 'fragment A on ComplicatedArgs { ...B }\nfragment B on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $i) }\nquery Q($i: Int) { complicatedArgs { ...A } }'],
  ['variables-in-allowed-position-int-with-default-to-non-null-int', V, 'query Q($i: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }'],
  ['variables-in-allowed-position-int-with-null-default-to-non-null-int', I, 'query Q($i: Int = null) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }'],
  ['variables-in-allowed-position-int-to-non-null-arg-with-default', V, 'query Q($i: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $i) } }'],
  ['variables-in-allowed-position-string-to-boolean', I, 'query Q($s: String) { complicatedArgs { booleanArgField(booleanArg: $s) } }'],
  ['variables-in-allowed-position-string-to-string-list', I, 'query Q($s: String) { complicatedArgs { stringListArgField(stringListArg: $s) } }'],
  ['variables-in-allowed-position-nullable-items-to-non-null-items', I, 'query Q($l: [String]) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $l) } }'],
  ['variables-in-allowed-position-string-to-non-null-list-item', I, 'query Q($s: String) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: [$s]) } }'],
  ['variables-in-allowed-position-int-to-float', I, 'query Q($i: Int) { complicatedArgs { floatArgField(floatArg: $i) } }'],
  ['variables-in-allowed-position-int-to-id', I, 'query Q($i: Int) { complicatedArgs { idArgField(idArg: $i) } }'],
  ['variables-in-allowed-position-string-to-id', I, 'query Q($s: String) { complicatedArgs { idArgField(idArg: $s) } }'],
  ['variables-in-allowed-position-enum-to-other-enum', I, 'query Q($c: FurColor) { dog { doesKnowCommand(dogCommand: $c) } }'],
  ['variables-in-allowed-position-custom-scalar-to-string', I, 'query Q($d: DateTime) { complicatedArgs { stringArgField(stringArg: $d) } }'],
  ['variables-in-allowed-position-string-to-custom-scalar', I, 'query Q($s: String) { complicatedArgs { dateTimeArgField(dateTimeArg: $s) } }'],
  ['variables-in-allowed-position-same-variable-two-positions-one-bad', I, 'query Q($i: Int) { complicatedArgs { intArgField(intArg: $i) nonNullIntArgField(nonNullIntArg: $i) } }'],
  ['variables-in-allowed-position-fragment-used-by-two-operations-one-bad', I, 'fragment F on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $i) }\nquery A($i: Int!) { complicatedArgs { ...F } }\nquery B($i: Int) { complicatedArgs { ...F } }'],
  ['variables-in-allowed-position-list-to-nested-list-position', I, 'query Q($l: [Int]) { complicatedArgs { intListListArgField(intListListArg: [$l]) } }'],
  ['variables-in-allowed-position-non-null-list-to-nested-list-position', V, 'query Q($l: [Int!]) { complicatedArgs { intListListArgField(intListListArg: [$l]) } }'],
  ['variables-in-allowed-position-in-mutation-input', V, 'mutation M($name: String!, $v: Int) { createDog(input: {name: $name, barkVolume: $v}) { name } }'],
  ['variables-in-allowed-position-nullable-in-mutation-required-input-field', I, 'mutation M($name: String) { createDog(input: {name: $name}) { name } }'],
  ['variables-in-allowed-position-whole-input-nullable-to-non-null-arg', I, 'mutation M($input: DogInput) { createDog(input: $input) { name } }'],
  ['variables-in-allowed-position-introspection-argument', V, 'query Q($name: String!) { __type(name: $name) { name } }'],
  ['variables-in-allowed-position-introspection-argument-nullable', I, 'query Q($name: String) { __type(name: $name) { name } }'],
];

// ----------------------------------------------------------------------------------
// OverlappingFieldsCanBeMergedRule (the pairs matrix in generate-corpus.mjs adds
// every pair of a family of selections in several contexts)
// ----------------------------------------------------------------------------------
const overlap = [
  ['overlapping-fields-unique-fields', V, 'fragment F on Dog { name nickname }\n{ dog { ...F } }'],
  ['overlapping-fields-identical-fields', V, 'fragment F on Dog { name name }\n{ dog { ...F } }'],
  ['overlapping-fields-identical-fields-with-identical-args', V, 'fragment F on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }\n{ dog { ...F } }'],
  ['overlapping-fields-identical-fields-with-identical-directives', V, 'fragment F on Dog { name @include(if: true) name @include(if: true) }\n{ dog { ...F } }'],
  ['overlapping-fields-different-args-different-aliases', V, '{ dog { knowsSit: doesKnowCommand(dogCommand: SIT) knowsDown: doesKnowCommand(dogCommand: DOWN) } }'],
  ['overlapping-fields-different-directives-different-aliases', V, '{ dog { nameIfTrue: name @include(if: true) nameIfFalse: name @include(if: false) } }'],
  ['overlapping-fields-different-skip-include-directives-accepted', V, '{ dog { name @include(if: true) name @include(if: false) name @skip(if: true) } }'],
  ['overlapping-fields-same-alias-different-fields', I, '{ dog { fido: name fido: nickname } }'],
  ['overlapping-fields-same-alias-on-non-overlapping-types', V, '{ pet { ... on Dog { name } ... on Cat { name: nickname } } }'],
  ['overlapping-fields-alias-masking-direct-field', I, '{ dog { name: nickname name } }'],
  ['overlapping-fields-second-adds-argument', I, '{ dog { doesKnowCommand doesKnowCommand(dogCommand: HEEL) } }'],
  ['overlapping-fields-second-missing-argument', I, '{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand } }'],
  ['overlapping-fields-conflicting-arg-values', I, '{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }'],
  ['overlapping-fields-conflicting-arg-names', I, '{ dog { isAtLocation(x: 0) isAtLocation(y: 0) } }'],
  ['overlapping-fields-same-args-different-order', V, '{ dog { isAtLocation(x: 0, y: 1) isAtLocation(y: 1, x: 0) } }'],
  ['overlapping-fields-same-object-arg-different-field-order', V, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) complexArgField(complexArg: {intField: 1, requiredField: true}) } }'],
  ['overlapping-fields-different-object-arg-values', I, '{ complicatedArgs { complexArgField(complexArg: {requiredField: true}) complexArgField(complexArg: {requiredField: false}) } }'],
  ['overlapping-fields-same-list-arg', V, '{ dog { doesKnowCommands(dogCommands: [SIT, DOWN]) doesKnowCommands(dogCommands: [SIT, DOWN]) } }'],
  ['overlapping-fields-list-arg-different-order', I, '{ dog { doesKnowCommands(dogCommands: [SIT, DOWN]) doesKnowCommands(dogCommands: [DOWN, SIT]) } }'],
  ['overlapping-fields-list-arg-vs-coerced-single-value', I, '{ dog { doesKnowCommands(dogCommands: [SIT]) doesKnowCommands(dogCommands: SIT) } }'],
  ['overlapping-fields-explicit-default-vs-omitted-arg', I, '{ dog { isHouseTrained isHouseTrained(atOtherHomes: true) } }'],
  ['overlapping-fields-int-vs-float-literal-same-number', I, '{ complicatedArgs { floatArgField(floatArg: 1) floatArgField(floatArg: 1.0) } }'],
  ['overlapping-fields-string-vs-block-string-same-value', I, '{ complicatedArgs { stringArgField(stringArg: "abc") stringArgField(stringArg: """abc""") } }'],
  ['overlapping-fields-string-escape-vs-raw-same-value', V, '{ complicatedArgs { stringArgField(stringArg: "\\u0041") stringArgField(stringArg: "A") } }'],
  ['overlapping-fields-null-vs-omitted-arg', I, '{ dog { name name(surname: null) } }'],
  ['overlapping-fields-non-conflicting-args-on-exclusive-types', V, '{ pet { ... on Dog { name(surname: true) } ... on Cat { name } } }'],
  ['overlapping-fields-same-variable', V, 'query Q($c: DogCommand) { dog { doesKnowCommand(dogCommand: $c) doesKnowCommand(dogCommand: $c) } }'],
  ['overlapping-fields-different-variables', I, 'query Q($a: DogCommand, $b: DogCommand) { dog { doesKnowCommand(dogCommand: $a) doesKnowCommand(dogCommand: $b) } }'],
  ['overlapping-fields-variable-vs-literal', I, 'query Q($a: DogCommand) { dog { doesKnowCommand(dogCommand: $a) doesKnowCommand(dogCommand: SIT) } }'],
  ['overlapping-fields-variable-nested-in-object-arg', I, 'query Q($a: Int, $b: Int) { complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: $a}) complexArgField(complexArg: {requiredField: true, intField: $b}) } }'],
  ['overlapping-fields-conflict-in-fragments', I, '{ dog { ...A ...B } }\nfragment A on Dog { x: name }\nfragment B on Dog { x: barks }'],
  ['overlapping-fields-conflict-field-and-fragment', I, '{ dog { x: nickname ...A } }\nfragment A on Dog { x: name }'],
  ['overlapping-fields-conflict-fragment-and-inline-fragment', I, '{ dog { ...A ... on Dog { x: barks } } }\nfragment A on Dog { x: name }'],
  ['overlapping-fields-conflict-through-nested-fragments', I, '{ dog { ...A ...C } }\nfragment A on Dog { ...B }\nfragment B on Dog { x: name }\nfragment C on Dog { ...D }\nfragment D on Dog { x: nickname }'],
  ['overlapping-fields-conflicting-args-through-fragment', I, '{ dog { ...A doesKnowCommand(dogCommand: DOWN) } }\nfragment A on Dog { doesKnowCommand(dogCommand: SIT) }'],
  ['overlapping-fields-conflicting-args-between-two-fragments', I, '{ dog { ...A ...B } }\nfragment A on Dog { isAtLocation(x: 1, y: 1) }\nfragment B on Dog { isAtLocation(x: 1, y: 2) }'],
  ['overlapping-fields-same-fragment-spread-twice', V, '{ dog { ...A ...A } }\nfragment A on Dog { x: name doesKnowCommand(dogCommand: SIT) }'],
  ['overlapping-fields-same-fragment-at-two-levels-no-conflict', V, '{ dog { ...A mother { ...A } } }\nfragment A on Dog { x: name }'],
  ['overlapping-fields-reports-each-conflict-once', I, '{ f1: dog { ...A ...B } f2: dog { ...B ...A } f3: dog { ...A ...B x: name } }\nfragment A on Dog { x: barks }\nfragment B on Dog { x: nickname }'],
  ['overlapping-fields-deep-conflict', I, '{ field: dog { x: name } field: dog { x: nickname } }'],
  ['overlapping-fields-deep-conflict-multiple-issues', I, '{ field: dog { x: name y: barks } field: dog { x: nickname y: barkVolume } }'],
  ['overlapping-fields-very-deep-conflict', I, '{ field: dog { deepField: mother { x: name } } field: dog { deepField: mother { x: nickname } } }'],
  ['overlapping-fields-deep-conflict-to-nearest-common-ancestor', I, '{ field: dog { deepField: mother { x: name } deepField: mother { x: nickname } } field: dog { deepField: mother { y: name } } }'],
  ['overlapping-fields-deep-conflict-in-fragments', I, '{ field: dog { ...F } field: dog { ...I } }\nfragment F on Dog { x: name y: barks }\nfragment I on Dog { y: nickname x: barks }'],
  ['overlapping-fields-deep-conflict-in-nested-fragments', I, '{ field: dog { ...F } field: dog { ...I } }\nfragment F on Dog { x: name ...G }\nfragment G on Dog { y: barks }\nfragment I on Dog { y: nickname ...J }\nfragment J on Dog { x: barkVolume }'],
  ['overlapping-fields-different-parents-same-alias', I, '{ x: dog { name } x: cat { name } }'],
  ['overlapping-fields-different-root-fields-same-alias-args', I, '{ h: human(id: 1) { name } h: human(id: 2) { name } }'],
  ['overlapping-fields-ignores-unknown-fragments', I, '{ dog { name ...Unknown ...Known } }\nfragment Known on Dog { name ...OtherUnknown }'],
  ['overlapping-fields-ignores-unknown-types', I, '{ someBox { ... on UnknownType { scalar } ... on NonNullStringBox2 { scalar } } }'],
  ['overlapping-fields-conflicting-return-types-potentially-overlap', I, '{ someBox { ... on IntBox { scalar } ... on NonNullStringBox1 { scalar } } }'],
  ['overlapping-fields-compatible-return-shapes-on-different-types', V, '{ someBox { ... on SomeBox { deepBox { unrelatedField } } ... on StringBox { deepBox { unrelatedField } } } }'],
  ['overlapping-fields-differing-return-types-despite-no-overlap', I, '{ someBox { ... on IntBox { scalar } ... on StringBox { scalar } } }'],
  ['overlapping-fields-non-exclusive-follows-exclusive', I, '{ someBox { ... on IntBox { deepBox { ...X } } } someBox { ... on StringBox { deepBox { ...Y } } } memoed: someBox { ... on IntBox { deepBox { ...X } } } memoed: someBox { ... on StringBox { deepBox { ...Y } } } other: someBox { ...X } other: someBox { ...Y } }\nfragment X on SomeBox { scalar: deepBox { unrelatedField } }\nfragment Y on SomeBox { scalar: unrelatedField }'],
  ['overlapping-fields-differing-nullability-despite-no-overlap', I, '{ someBox { ... on NonNullStringBox1 { scalar } ... on StringBox { scalar } } }'],
  ['overlapping-fields-differing-list-despite-no-overlap', I, '{ someBox { ... on IntBox { box: listStringBox { scalar } } ... on StringBox { box: stringBox { scalar } } } }'],
  ['overlapping-fields-differing-list-reverse-despite-no-overlap', I, '{ someBox { ... on IntBox { box: stringBox { scalar } } ... on StringBox { box: listStringBox { scalar } } } }'],
  ['overlapping-fields-differing-subfields', I, '{ someBox { ... on IntBox { box: stringBox { val: scalar val: unrelatedField } } ... on StringBox { box: stringBox { val: scalar } } } }'],
  ['overlapping-fields-differing-deep-return-types-despite-no-overlap', I, '{ someBox { ... on IntBox { box: stringBox { scalar } } ... on StringBox { box: intBox { scalar } } } }'],
  ['overlapping-fields-non-conflicting-overlapping-types', V, '{ someBox { ... on IntBox { scalar: unrelatedField } ... on StringBox { scalar } } }'],
  ['overlapping-fields-same-wrapped-scalar-return-types', V, '{ someBox { ... on NonNullStringBox1 { scalar } ... on NonNullStringBox2 { scalar } } }'],
  ['overlapping-fields-inline-fragments-without-type-condition', V, '{ someBox { ... { deepBox { unrelatedField } } ... { deepBox { unrelatedField } } } }'],
  ['overlapping-fields-compares-deep-types-including-list', I, '{ connection { ...edgeID edges { node { id: name } } } }\nfragment edgeID on Connection { edges { node { id } } }'],
  ['overlapping-fields-deep-same-through-list', V, '{ connection { ...edgeID edges { node { id } } } }\nfragment edgeID on Connection { edges { node { id } } }'],
  ['overlapping-fields-exclusive-objects-same-type-return', V, '{ pet { ... on Dog { name: barks } ... on Cat { name: meows } } }'],
  ['overlapping-fields-exclusive-objects-different-return-types', I, '{ pet { ... on Dog { name: barkVolume } ... on Cat { name: meows } } }'],
  ['overlapping-fields-exclusive-objects-nullable-vs-non-null', I, '{ pet { ... on Dog { x: barkVolume } ... on Cat { x: lives } } }'],
  ['overlapping-fields-interface-and-object-not-exclusive', I, '{ pet { name ... on Dog { name: nickname } } }'],
  ['overlapping-fields-interface-and-object-different-args', I, '{ being { name ... on Human { name(surname: true) } } }'],
  ['overlapping-fields-exclusive-objects-different-args', V, '{ being { ... on Human { name } ... on Alien { name(surname: true) } } }'],
  ['overlapping-fields-two-interfaces-not-exclusive', I, '{ being { ... on Pet { name } ... on Intelligent { name: iq } } }'],
  ['overlapping-fields-union-members-exclusive-different-fields-same-type', V, '{ catOrDog { ... on Cat { x: meows } ... on Dog { x: barks } } }'],
  ['overlapping-fields-union-members-enum-vs-int', I, '{ catOrDog { ... on Cat { furColor } ... on Dog { furColor: barkVolume } } }'],
  ['overlapping-fields-union-typename-alias-everywhere', V, '{ catOrDog { kind: __typename ... on Cat { kind: __typename } ... on Dog { kind: __typename } } }'],
  ['overlapping-fields-typename-alias-vs-typename', I, '{ dog { __typename: name __typename } }'],
  // graphql-js compares no return types for meta fields (__typename): valid there.
  ['overlapping-fields-typename-alias-on-exclusive-types', V, '{ catOrDog { ... on Cat { __typename: name } ... on Dog { __typename } } }'],
  ['overlapping-fields-nested-exclusive-under-same-object', I, '{ dog { mother { x: name } } dog { mother { x: barks } } }'],
  ['overlapping-fields-nested-exclusive-parents-composite-subfields-conflict', I, '{ pet { ... on Dog { friend: owner { name } } ... on Cat { friend: nickname } } }'],
  ['overlapping-fields-composite-vs-leaf-same-key', I, '{ dog { x: mother { name } x: name } }'],
  ['overlapping-fields-mutation-root-conflict', I, 'mutation M { d: deleteDog(id: 1) d: deleteDog(id: 2) }'],
  ['overlapping-fields-mutation-root-identical', V, 'mutation M { d: deleteDog(id: 1) d: deleteDog(id: 1) }'],
  ['overlapping-fields-subscription-root-conflict', I, 'subscription S { dogBarked(volumeAtLeast: 1) { name } dogBarked(volumeAtLeast: 2) { name } }'],
  ['overlapping-fields-through-abstract-fragment-on-interface', I, '{ dog { ...P ...D } }\nfragment P on Pet { n: name }\nfragment D on Dog { n: nickname }'],
  ['overlapping-fields-through-abstract-fragment-on-union', I, '{ dog { ...U n: barks } }\nfragment U on CatOrDog { ... on Dog { n: name } }'],
  ['overlapping-fields-through-two-fragments-on-exclusive-objects', V, '{ pet { ...D ...C } }\nfragment D on Dog { n: nickname }\nfragment C on Cat { n: name }'],
  ['overlapping-fields-through-two-fragments-on-exclusive-objects-type-clash', I, '{ pet { ...D ...C } }\nfragment D on Dog { n: barks }\nfragment C on Cat { n: name }'],
  ['overlapping-fields-fragment-on-interface-inside-exclusive-object', I, '{ pet { ... on Dog { ...P } ... on Dog { n: nickname } } }\nfragment P on Pet { n: name }'],
  ['overlapping-fields-does-not-loop-on-recursive-fragment', I, '{ human { ...H } }\nfragment H on Human { name, relatives { name, ...H } }'],
  ['overlapping-fields-does-not-loop-on-immediately-recursive-fragment', I, '{ dog { ...F } }\nfragment F on Dog { ...F }'],
  ['overlapping-fields-does-not-loop-on-transitively-recursive-fragment', I, '{ dog { ...A } }\nfragment A on Dog { name ...B }\nfragment B on Dog { x: nickname ...C }\nfragment C on Dog { ...A }'],
  ['overlapping-fields-conflict-with-recursive-fragment', I, '{ dog { ...A } }\nfragment A on Dog { x: name ...A x: barks }'],
  ['overlapping-fields-many-identical-fields', V, `{ dog { ${Array(60).fill('name').join(' ')} } }`],
  ['overlapping-fields-many-identical-fragments', V, `{ dog { ${Array(40).fill('...F').join(' ')} } }\nfragment F on Dog { name mother { name } }`],
  ['overlapping-fields-many-distinct-aliases', V, `{ dog { ${Array.from({ length: 60 }, (_, i) => `a${i}: name`).join(' ')} } }`],
  ['overlapping-fields-conflict-at-end-of-long-list', I, `{ dog { ${Array.from({ length: 60 }, (_, i) => `a${i}: name`).join(' ')} a0: nickname } }`],
];

// ----------------------------------------------------------------------------------
// Introspection, MaxIntrospectionDepthRule (graphql-js's recommended rule, part of
// its specifiedRules since 16.x; not one of the specification's rules)
// ----------------------------------------------------------------------------------
const introspection = [
  ['introspection-type-by-name', V, '{ __type(name: "Dog") { name kind description fields(includeDeprecated: true) { name isDeprecated deprecationReason args { name type { name kind ofType { name } } defaultValue } } interfaces { name } } }'],
  ['introspection-schema-roots', V, '{ __schema { description queryType { name } mutationType { name } subscriptionType { name } directives { name locations isRepeatable args { name } } } }'],
  ['introspection-enum-values-and-input-fields', V, '{ furColor: __type(name: "FurColor") { enumValues(includeDeprecated: true) { name isDeprecated } } input: __type(name: "ComplexInput") { inputFields(includeDeprecated: true) { name defaultValue isDeprecated } } }'],
  ['introspection-possible-types', V, '{ __type(name: "Being") { possibleTypes { name } } }'],
  ['introspection-specified-by-url', V, '{ __type(name: "DateTime") { specifiedByURL } }'],
  ['introspection-typename-with-introspection', V, '{ __typename __schema { __typename types { __typename name } } }'],
  ['introspection-type-missing-name', I, '{ __type { name } }'],
  ['introspection-type-name-wrong-type', I, '{ __type(name: 1) { name } }'],
  ['introspection-unknown-field-on-type', I, '{ __type(name: "Dog") { nameAndKind } }'],
  ['introspection-schema-without-selection', I, '{ __schema }'],
  ['introspection-fields-arg-wrong-type', I, '{ __type(name: "Dog") { fields(includeDeprecated: "yes") { name } } }'],
  ['introspection-fragment-on-introspection-types', V, '{ __schema { types { ...FullType } } }\nfragment FullType on __Type { kind name fields { name type { ...TypeRef } } }\nfragment TypeRef on __Type { kind name ofType { kind name ofType { kind name } } }'],
  ['max-introspection-depth-fields-at-limit', V, '{ __schema { types { fields { type { fields { name } } } } } }'],
  ['max-introspection-depth-fields-exceeded', I, '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }'],
  ['max-introspection-depth-interfaces-exceeded', I, '{ __type(name: "Dog") { interfaces { interfaces { interfaces { name } } } } }'],
  ['max-introspection-depth-possible-types-exceeded', I, '{ __type(name: "Being") { possibleTypes { possibleTypes { possibleTypes { name } } } } }'],
  ['max-introspection-depth-input-fields-exceeded', I, '{ __type(name: "ComplexInput") { inputFields { type { inputFields { type { inputFields { name } } } } } } }'],
  ['max-introspection-depth-exceeded-through-fragments', I, '{ __schema { types { ...A } } }\nfragment A on __Type { fields { type { ...B } } }\nfragment B on __Type { fields { type { fields { name } } } }'],
  ['max-introspection-depth-of-type-chain-allowed', V, '{ __type(name: "Dog") { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }'],
];

// ----------------------------------------------------------------------------------
// Realistic documents: several rules at once, the shapes real clients send.
// ----------------------------------------------------------------------------------
const realistic = [
  ['realistic-owner-with-pets-and-fragments', V, `query OwnerWithPets($id: ID!, $withFriends: Boolean = false, $first: Int = 5, $command: DogCommand = SIT) {
  human(id: $id) {
    ...HumanSummary
    pets {
      __typename
      ...PetSummary
      ... on Dog { ...DogDetails knows: doesKnowCommand(dogCommand: $command) }
      ... on Cat { meows furColor }
    }
    friends(first: $first) @include(if: $withFriends) {
      ...HumanSummary
      bestFriend { ...HumanSummary }
    }
  }
}

fragment HumanSummary on Human { name iq }
fragment PetSummary on Pet { name(surname: true) }
fragment DogDetails on Dog {
  nickname
  barkVolume
  birthday
  mother { ...DogLineage }
  father { ...DogLineage }
}
fragment DogLineage on Dog { name mother { name } father { name } }
`],
  ['realistic-search-style-union-query', V, `query Everyone($first: Int) {
  beings(first: $first) {
    __typename
    name
    ... on Pet { name }
    ... on Intelligent { iq }
    ... on Human { relatives { name } }
    ... on Alien { numEyes homePlanet }
    ... on Dog { barks }
  }
  dogOrHuman { ... on Dog { name barks } ... on Human { name iq } }
  humanOrAlien { ... on Being { name } ... on Intelligent { iq } }
}
`],
  ['realistic-paginated-connection', V, `query Page($after: Cursor, $first: Int = 20) {
  connection(first: $first, after: $after) {
    edges { cursor node { id name } }
    pageInfo { hasNextPage endCursor }
  }
  dog { tags(first: 3, after: $after) }
}
`],
  ['realistic-mutations-in-sequence', V, `mutation Adopt($dog: DogInput!, $owner: ID, $newName: String!) {
  created: createDog(input: $dog) { name nickname birthday }
  renamed: renameDog(id: "dog-1", name: $newName) { name }
  adopted: adoptPet(petId: "dog-1", ownerId: $owner) { name pets { name } }
  removed: deleteDog(id: "dog-2")
}
`],
  ['realistic-subscription-with-fragment', V, `subscription OnBark($min: Int = 3) {
  dogBarked(volumeAtLeast: $min) { ...Barker }
}
fragment Barker on Dog { name barkVolume owner { name } }
`],
  ['realistic-kitchen-sink-invalid', I, `query Kitchen($unused: Int, $id: ID) {
  human(id: $id) { name unknownField pets }
  dog { doesKnowCommand(dogCommand: "SIT") ...Missing }
}
fragment Lonely on Cat { meows }
`],
  ['realistic-three-operations-shared-fragments', V, `query A { dog { ...D } }
query B($v: Boolean = true) { dog @include(if: $v) { ...D mother { ...D } } }
query C { pet { ... on Dog { ...D } } }
fragment D on Dog { name barks }
`],
  ['realistic-ops-with-operation-name-directives', V, `query A @onQuery @tag(name: "a") { dog { name } }
mutation B @onMutation @withArgs(required: 1) { deleteDog(id: 1) }
subscription C @onSubscription { newPet { name } }
`],
];

// ----------------------------------------------------------------------------------
// Deep nesting: deep selections, deep fragments, deep values.
// ----------------------------------------------------------------------------------
function nest(depth, open, leaf) {
  return open.repeat(depth) + leaf + ' }'.repeat(depth);
}
const deep = [
  ['deep-nesting-best-friend-50', V, `{ human ${nest(50, '{ bestFriend ', '{ name }')} }`],
  ['deep-nesting-relatives-100', V, `{ human ${nest(100, '{ relatives ', '{ name }')} }`],
  ['deep-nesting-mother-200', V, `{ dog ${nest(200, '{ mother ', '{ name }')} }`],
  ['deep-nesting-unknown-field-at-depth-60', I, `{ dog ${nest(60, '{ mother ', '{ unknown }')} }`],
  ['deep-nesting-missing-selection-at-depth-40', I, `{ dog ${nest(40, '{ mother ', '{ father }')} }`],
  ['deep-nesting-inline-fragments-100', V, `{ dog ${nest(100, '{ ... on Dog ', '{ name }')} }`],
  ['deep-nesting-untyped-inline-fragments-100', V, `{ dog ${nest(100, '{ ... ', '{ name }')} }`],
  ['deep-nesting-fragment-chain-50', V, `{ dog { ...F0 } }\n${Array.from({ length: 50 }, (_, i) => `fragment F${i} on Dog { name${i % 2 ? '' : ' nickname'} ${i < 49 ? `mother { ...F${i + 1} }` : ''} }`).join('\n')}`],
  ['deep-nesting-fragment-chain-50-cycle-at-end', I, `{ dog { ...F0 } }\n${Array.from({ length: 50 }, (_, i) => `fragment F${i} on Dog { name ...F${(i + 1) % 50} }`).join('\n')}`],
  ['deep-nesting-fragment-spread-chain-flat-100', V, `{ dog { ...F0 } }\n${Array.from({ length: 100 }, (_, i) => `fragment F${i} on Dog { name ${i < 99 ? `...F${i + 1}` : ''} }`).join('\n')}`],
  ['deep-nesting-input-object-50', V, `{ complicatedArgs { complexArgField(complexArg: ${'{requiredField: true, nested: '.repeat(50)}null${'}'.repeat(50)}) } }`],
  ['deep-nesting-input-object-50-missing-required-at-bottom', I, `{ complicatedArgs { complexArgField(complexArg: ${'{requiredField: true, nested: '.repeat(50)}{intField: 1}${'}'.repeat(50)}) } }`],
  ['deep-nesting-list-literal-in-json-scalar-100', V, `{ echo(json: ${'['.repeat(100)}1${']'.repeat(100)}) }`],
  ['deep-nesting-object-literal-in-json-scalar-100', V, `{ echo(json: ${'{a: '.repeat(100)}1${'}'.repeat(100)}) }`],
  ['deep-nesting-list-type-variable-20-into-two-level-list', I, `query Q($w: ${'['.repeat(20)}Int${']'.repeat(20)}) { complicatedArgs { intListListArgField(intListListArg: $w) } }`],
  ['deep-nesting-list-type-variable-2-into-two-level-list', V, 'query Q($w: [[Int!]!]) { complicatedArgs { intListListArgField(intListListArg: $w) } }'],
  ['deep-nesting-wide-and-deep-mix', V, `{ ${Array.from({ length: 20 }, (_, i) => `h${i}: human(id: ${i}) { name pets { name ... on Dog { mother { father { mother { name } } } } } }`).join(' ')} }`],
];

export const handwritten = [
  ...syntax,
  ...executableDefinitions,
  ...operations,
  ...subscriptions,
  ...types,
  ...fields,
  ...fragments,
  ...variables,
  ...directives,
  ...args,
  ...values,
  ...positions,
  ...overlap,
  ...introspection,
  ...realistic,
  ...deep,
];
