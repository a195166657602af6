#!/usr/bin/env node
// Writes docs/errors.md from the error table of src/errors/errorCodes.ts (code → [type, HTTP status]) and the
// one-sentence meanings below. `npm run docs` runs it; test/unit/docs/errorsDoc.test.ts fails when docs/errors.md
// is out of date with the table, or when a code has no meaning here.
//
//   node scripts/errorCodesDoc.mjs          write docs/errors.md
//   node scripts/errorCodesDoc.mjs --check  exit 1 if docs/errors.md is not what it would write
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TABLE_PATH = 'src/errors/errorCodes.ts';
export const DOC_PATH = 'docs/errors.md';

/** One sentence per code: what it means for a pocketsearch user. */
export const MEANINGS = {
  // generic
  bad_request: 'The request is not valid: an unknown parameter or field, or a value of the wrong type.',
  internal: 'Something failed inside the engine (a bug, a closed engine, or an error from the browser that has no better code).',
  worker_unavailable: "The page could not start the engine's Web Worker (a Content Security Policy without `worker-src 'self'`, a worker file the server does not serve, another pocketsearch version, no Worker in this environment): host `pocketsearch/worker` and pass `worker` or `workerUrl`, or in Node use `createEngine`.",
  invalid_state: 'The database cannot do this now: it is not empty for an import, it is held by another tab, a dump is being imported, or a newer version upgraded it (reload the page).',
  invalid_store_file: 'A stored file cannot be read: a damaged or truncated snapshot, a snapshot of another pocketsearch version, or a database of a newer schema.',
  database_size_limit_reached: 'The database reached its size limit; pocketsearch only reports it in tasks imported from a Meilisearch dump.',
  io_error: 'Reading or writing storage failed.',
  no_space_left_on_device: "The browser's storage quota is exhausted (IndexedDB and OPFS share it): the write was refused and the data is unchanged.",
  too_many_open_files: 'The system ran out of file handles.',
  too_many_search_requests: 'Too many searches are running at once; retry later.',
  feature_not_enabled: 'The feature is not available: a Meilisearch route or parameter pocketsearch does not support (vectors, webhooks, key management…), or an experimental feature that is off.',
  unretrievable_document: 'A document could not be read back from storage; pocketsearch only reports it in tasks imported from a Meilisearch dump.',
  // content
  invalid_content_type: 'The `Content-Type` header is not one the route accepts (JSON, NDJSON or CSV for documents; JSON elsewhere).',
  missing_content_type: 'The request has a body but no `Content-Type` header.',
  unsupported_media_type: 'The payload is in a format the route does not accept.',
  malformed_payload: 'The payload or file cannot be parsed: bad JSON, NDJSON or CSV, a document that is not an object or nests too deep, or a damaged dump.',
  missing_payload: 'The request needs a body and has none.',
  payload_too_large: 'The payload is larger than the limit (100 MB by default over HTTP), or a dump exceeds the import size limits.',
  // indexes
  index_not_found: 'No index has this uid.',
  index_already_exists: 'An index with this uid already exists.',
  index_creation_failed: 'The index could not be created; pocketsearch only reports it in tasks imported from a Meilisearch dump.',
  invalid_index_uid: 'The index uid is not valid: use 1 to 400 bytes of letters, digits, hyphens and underscores.',
  missing_index_uid: 'The request must name an index (`uid`, or `indexUid` in a multi-search query).',
  invalid_index_primary_key: 'The primary key given for the index is not a valid attribute name.',
  invalid_index_offset: 'The `offset` for listing indexes is not a non-negative integer.',
  invalid_index_limit: 'The `limit` for listing indexes is not a non-negative integer.',
  invalid_index_custom_metadata: 'The `customMetadata` given with the request is not a string.',
  immutable_index_created_at: 'An index `createdAt` cannot be set or changed.',
  immutable_index_updated_at: 'An index `updatedAt` cannot be set or changed.',
  index_primary_key_already_exists: 'The index already has another primary key: it cannot change once the index holds documents, and documents cannot be added with a different one.',
  index_primary_key_no_candidate_found: 'No primary key was given and none could be inferred: no attribute name ends with `id`.',
  index_primary_key_multiple_candidates_found: 'No primary key was given and several attributes ending with `id` could be one: set `primaryKey` explicitly.',
  invalid_swap_indexes: 'A swap must name exactly two existing indexes.',
  invalid_swap_duplicate_index_found: 'The same index appears in more than one swap of the request.',
  missing_swap_indexes: 'A swap is missing its `indexes` field.',
  invalid_swap_rename: 'The `rename` field of a swap is not a boolean.',
  // documents
  document_not_found: 'No document has this id in the index.',
  missing_document_id: 'A document has no value for the primary key.',
  invalid_document_id: 'A document id is not valid: use an integer, or a string of 1 to 511 bytes of letters, digits, hyphens and underscores.',
  invalid_document_ids: 'The `ids` parameter is not a list of document ids.',
  invalid_document_fields: 'The `fields` parameter is not a list of attribute names.',
  invalid_document_offset: 'The `offset` for listing documents is not a non-negative integer.',
  invalid_document_limit: 'The `limit` for listing documents is not a non-negative integer.',
  invalid_document_filter: 'The document filter is not valid, or uses an attribute that is not filterable.',
  missing_document_filter: 'Deleting documents by filter needs a `filter`.',
  invalid_document_sort: 'The document sort is not valid, or uses an attribute that is not sortable.',
  invalid_document_retrieve_vectors: 'The `retrieveVectors` parameter is not a boolean.',
  invalid_document_csv_delimiter: 'The CSV delimiter is not a single ASCII character.',
  invalid_document_geo_field: 'A document `_geo` field is not an object with valid `lat` and `lng`.',
  invalid_skip_creation: 'The `skipCreation` parameter is not a boolean.',
  max_fields_limit_exceeded: 'The index would have more than 65,535 distinct attributes.',
  // search
  invalid_search_q: 'The search `q` is not a string.',
  invalid_search_offset: 'The search `offset` is not a non-negative integer.',
  invalid_search_limit: 'The search `limit` is not a non-negative integer.',
  invalid_search_page: 'The search `page` is not a non-negative integer.',
  invalid_search_hits_per_page: 'The search `hitsPerPage` is not a non-negative integer.',
  invalid_search_attributes_to_retrieve: 'The search `attributesToRetrieve` is not a list of attribute names.',
  invalid_search_attributes_to_crop: 'The search `attributesToCrop` is not a list of attribute names (each optionally `name:length`).',
  invalid_search_crop_length: 'The search `cropLength` is not a non-negative integer.',
  invalid_search_crop_marker: 'The search `cropMarker` is not a string.',
  invalid_search_attributes_to_highlight: 'The search `attributesToHighlight` is not a list of attribute names.',
  invalid_search_highlight_pre_tag: 'The search `highlightPreTag` is not a string.',
  invalid_search_highlight_post_tag: 'The search `highlightPostTag` is not a string.',
  invalid_search_show_matches_position: 'The search `showMatchesPosition` is not a boolean.',
  invalid_search_show_ranking_score: 'The search `showRankingScore` is not a boolean.',
  invalid_search_show_ranking_score_details: 'The search `showRankingScoreDetails` is not a boolean.',
  invalid_search_show_performance_details: 'The search `showPerformanceDetails` is not a boolean.',
  invalid_search_filter: 'The search `filter` has a syntax error, or uses an attribute that is not filterable.',
  invalid_search_sort: 'The search `sort` is not valid, or uses an attribute that is not sortable.',
  invalid_search_distinct: 'The search `distinct` is not an attribute that is filterable.',
  invalid_search_facets: 'The search `facets` is not a list, or names an attribute that is not filterable.',
  invalid_search_matching_strategy: 'The search `matchingStrategy` is not `last`, `all` or `frequency`.',
  invalid_search_attributes_to_search_on: 'The search `attributesToSearchOn` is not a list, or names an attribute that is not searchable.',
  invalid_search_ranking_score_threshold: 'The search `rankingScoreThreshold` is not a number between 0 and 1.',
  invalid_search_locales: 'The search `locales` is not a list of supported language codes.',
  invalid_search_retrieve_vectors: 'The search `retrieveVectors` is not a boolean.',
  invalid_search_hybrid_query: 'The search `hybrid` parameter is not valid (pocketsearch does keyword search only).',
  invalid_search_vector: 'The search `vector` parameter is not valid (pocketsearch does keyword search only).',
  invalid_facet_search_facet_name: 'The facet search `facetName` is not an attribute that is filterable with facet search on.',
  invalid_facet_search_query: 'The facet search `facetQuery` is not a string.',
  invalid_facet_search_exhaustive_facet_count: 'The facet search `exhaustiveFacetCount` is not a boolean.',
  missing_facet_search_facet_name: 'A facet search needs a `facetName`.',
  facet_search_disabled: 'Facet search is turned off for this index (the `facetSearch` setting).',
  invalid_multi_search_query_pagination: 'A federated multi-search query has its own `limit`, `offset`, `page` or `hitsPerPage`: paginate with `federation` instead.',
  invalid_multi_search_query_facets: 'A federated multi-search query has its own `facets`: use `federation.facetsByIndex` instead.',
  invalid_multi_search_federation_options: 'A query `federationOptions` is not valid, or is given without `federation`.',
  invalid_multi_search_federated: 'The request mixes federated and non-federated parameters in a way Meilisearch refuses.',
  invalid_multi_search_weight: 'A query `federationOptions.weight` is not a non-negative number.',
  invalid_multi_search_merge_facets: 'The `federation.mergeFacets` parameter is not valid, or the merged facets cannot be merged.',
  invalid_multi_search_facets_by_index: 'The `federation.facetsByIndex` parameter is not valid, or names attributes that are not filterable.',
  invalid_multi_search_facets: 'Facets requested for a federated search are not valid.',
  invalid_multi_search_facet_order: 'Indexes merged with `mergeFacets` sort their facet values differently.',
  invalid_multi_search_query_ranking_rules: 'Queries of a federated search sort on fields whose values cannot be compared across indexes.',
  invalid_multi_search_max_values_per_facet: 'The `federation.mergeFacets.maxValuesPerFacet` is not a non-negative integer.',
  invalid_multi_search_distinct: 'A federated query sets `distinct` while `federation.distinct` is set too.',
  invalid_multi_search_query_position: 'A query `federationOptions.queryPosition` is not valid.',
  invalid_multi_search_remote: 'A query `federationOptions.remote` is not valid (pocketsearch has no remote instances).',
  // settings
  invalid_settings_displayed_attributes: 'The `displayedAttributes` setting is not a list of attribute names.',
  invalid_settings_searchable_attributes: 'The `searchableAttributes` setting is not a list of attribute names.',
  invalid_settings_filterable_attributes: 'The `filterableAttributes` setting is not a list of attribute names or pattern rules.',
  invalid_settings_sortable_attributes: 'The `sortableAttributes` setting is not a list of attribute names.',
  invalid_settings_ranking_rules: 'The `rankingRules` setting has an unknown rule or an invalid `attribute:asc|desc` rule.',
  invalid_settings_stop_words: 'The `stopWords` setting is not a list of strings.',
  invalid_settings_synonyms: 'The `synonyms` setting is not an object of word → list of words.',
  invalid_settings_distinct_attribute: 'The `distinctAttribute` setting is not an attribute name or null.',
  invalid_settings_typo_tolerance: 'The `typoTolerance` setting is not valid (for example `oneTypo` greater than `twoTypos`).',
  invalid_settings_faceting: 'The `faceting` setting is not valid.',
  invalid_settings_pagination: 'The `pagination` setting is not valid.',
  invalid_settings_proximity_precision: 'The `proximityPrecision` setting is not `byWord` or `byAttribute`.',
  invalid_settings_separator_tokens: 'The `separatorTokens` setting is not a list of strings.',
  invalid_settings_non_separator_tokens: 'The `nonSeparatorTokens` setting is not a list of strings.',
  invalid_settings_dictionary: 'The `dictionary` setting is not a list of strings.',
  invalid_settings_search_cutoff_ms: 'The `searchCutoffMs` setting is not a positive integer or null.',
  invalid_settings_localized_attributes: 'The `localizedAttributes` setting is not a list of `{ locales, attributePatterns }` rules with supported languages.',
  invalid_settings_facet_search: 'The `facetSearch` setting is not a boolean.',
  invalid_settings_prefix_search: 'The `prefixSearch` setting is not `indexingTime` or `disabled`.',
  invalid_settings_embedders: 'The `embedders` setting is not valid (pocketsearch has no embedders: keyword search only).',
  // tasks and batches
  task_not_found: 'No task has this uid.',
  task_file_not_found: 'The task has no documents to return: it is finished, or it is not a document addition.',
  batch_not_found: 'No batch has this uid.',
  invalid_task_uids: 'The `uids` task filter is not a list of task uids.',
  invalid_batch_uids: 'The `batchUids` task filter is not a list of batch uids.',
  invalid_task_statuses: 'The `statuses` task filter has an unknown status.',
  invalid_task_types: 'The `types` task filter has an unknown task type.',
  invalid_task_canceled_by: 'The `canceledBy` task filter is not a list of task uids.',
  invalid_task_limit: 'The `limit` for listing tasks or batches is not a non-negative integer.',
  invalid_task_from: 'The `from` for listing tasks or batches is not a non-negative integer.',
  invalid_task_reverse: 'The `reverse` for listing tasks or batches is not a boolean.',
  invalid_task_before_enqueued_at: 'The `beforeEnqueuedAt` task filter is not an RFC 3339 date.',
  invalid_task_after_enqueued_at: 'The `afterEnqueuedAt` task filter is not an RFC 3339 date.',
  invalid_task_before_started_at: 'The `beforeStartedAt` task filter is not an RFC 3339 date.',
  invalid_task_after_started_at: 'The `afterStartedAt` task filter is not an RFC 3339 date.',
  invalid_task_before_finished_at: 'The `beforeFinishedAt` task filter is not an RFC 3339 date.',
  invalid_task_after_finished_at: 'The `afterFinishedAt` task filter is not an RFC 3339 date.',
  missing_task_filters: 'Canceling or deleting tasks needs at least one filter (use `statuses` or `uids` to target all).',
  // dumps and snapshots
  dump_already_processing: 'A dump is already being written: wait for it to finish.',
  dump_not_found: 'No dump has this uid (never made, deleted, or its task was deleted).',
  dump_process_failed: 'Writing the dump failed, for example because the data changed while it was read.',
  snapshot_not_found: 'There is no snapshot of this database, or none with the name given to `importSnapshot`.',
  // keys and auth
  api_key_not_found: 'No API key has this uid or value.',
  invalid_api_key_offset: 'The `offset` for listing keys is not a non-negative integer.',
  invalid_api_key_limit: 'The `limit` for listing keys is not a non-negative integer.',
  api_key_already_exists: 'An API key with this uid already exists.',
  missing_authorization_header: 'The request has no `Authorization` header (pocketsearch does not check keys).',
  missing_master_key: 'The instance has no master key, so keys cannot be used (pocketsearch does not check keys).',
  invalid_api_key: 'The API key is not valid for this request (pocketsearch does not check keys).',
};

const SECTION_TITLES = {
  generic: 'General',
  content: 'Payloads',
  indexes: 'Indexes',
  documents: 'Documents',
  search: 'Search',
  settings: 'Settings',
  'tasks and batches': 'Tasks and batches',
  'dumps and snapshots': 'Dumps and snapshots',
  'keys and auth': 'Keys and authorization',
  "pocketsearch's own": "pocketsearch's own codes",
};

/** The codes of the table in source order, grouped by its `// section` comments. */
export function tableSections(source) {
  const body = source.slice(source.indexOf('export const ERROR_CODES'));
  const sections = [];
  for (const line of body.split('\n')) {
    const heading = /^\s*\/\/\s*([^:]+?)\s*(:.*)?$/.exec(line); // `// section` or `// section: why`
    if (heading) {
      sections.push({ title: heading[1], codes: [] });
      continue;
    }
    const entry = /^\s*([a-z_]+):\s*\[/.exec(line);
    if (entry) {
      if (!sections.length) sections.push({ title: 'generic', codes: [] });
      sections.at(-1).codes.push(entry[1]);
    }
    if (/^\}/.test(line)) break;
  }
  return sections;
}

/**
 * The markdown of docs/errors.md.
 * @param {string} source the text of src/errors/errorCodes.ts (for the order and the sections)
 * @param {Record<string, readonly [string, number]>} table its `ERROR_CODES`
 */
export function renderErrorsDoc(source, table) {
  const sections = tableSections(source);
  const listed = sections.flatMap((s) => s.codes);
  const tableCodes = Object.keys(table);
  const unlisted = tableCodes.filter((c) => !listed.includes(c));
  if (unlisted.length || listed.length !== tableCodes.length) throw new Error(`Codes of ERROR_CODES not read from ${TABLE_PATH}: ${unlisted.join(', ')}`);
  const missing = tableCodes.filter((c) => !Object.hasOwn(MEANINGS, c));
  if (missing.length) throw new Error(`No meaning in scripts/errorCodesDoc.mjs for: ${missing.join(', ')}`);
  const stale = Object.keys(MEANINGS).filter((c) => !Object.hasOwn(table, c));
  if (stale.length) throw new Error(`Meanings of codes that are no longer in ${TABLE_PATH}: ${stale.join(', ')}`);

  const out = [
    '# Error codes',
    '',
    '<!-- Generated by scripts/errorCodesDoc.mjs from src/errors/errorCodes.ts (npm run docs). Do not edit by hand. -->',
    '',
    "Every error pocketsearch reports carries one of Meilisearch's error codes. In JavaScript it is an `EngineError`",
    '(from `pocketsearch` or `pocketsearch/engine`) with `code`, `type`, `httpStatus`, `message` and `link`; through',
    "`pocketsearch/http` it is a response with that HTTP status and Meilisearch's body `{ message, code, type, link }`.",
    'A task that fails does not throw: the task ends with `status: "failed"` and the same object in `task.error`.',
    '',
    '```ts',
    "import { EngineError } from 'pocketsearch';",
    '',
    'try {',
    "  await client.index('movies').search('carol', { filter: 'year > 2000' });",
    '} catch (e) {',
    "  if (e instanceof EngineError && e.code === 'invalid_search_filter') console.warn(e.message); // year is not filterable",
    '  else throw e;',
    '}',
    "const task = await client.index('movies').addDocuments([{ title: 'no id' }]).waitTask();",
    "if (task.status === 'failed') console.warn(task.error!.code); // 'index_primary_key_no_candidate_found'",
    '```',
    '',
    "The `type` is `invalid_request` (fix the request), `internal` (the engine or the stored data), `auth` (keys) or",
    '`system` (the environment: storage, quota). Messages follow Meilisearch\'s wording. Meilisearch describes the same',
    'codes in [its error reference](https://www.meilisearch.com/docs/reference/errors/error_codes).',
    '',
  ];
  for (const s of sections) {
    if (!s.codes.length) continue;
    const title = SECTION_TITLES[s.title] ?? s.title.charAt(0).toUpperCase() + s.title.slice(1);
    out.push(`## ${title}`, '', '| Code | HTTP | Type | Meaning |', '|---|--:|---|---|');
    for (const code of s.codes) {
      const [type, status] = table[code];
      out.push(`| \`${code}\` | ${status} | ${type} | ${MEANINGS[code].replace(/\|/g, '\\|')} |`);
    }
    out.push('');
  }
  out.push(`${tableCodes.length} codes.`, '');
  return out.join('\n');
}

/** Loads `ERROR_CODES` from the TypeScript source (Node 20 cannot import .ts: transpiled with the project's typescript). */
async function loadTable(source) {
  const ts = (await import('typescript')).default;
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  const mod = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
  return mod.ERROR_CODES;
}

async function main() {
  const source = readFileSync(resolve(root, TABLE_PATH), 'utf8');
  const doc = renderErrorsDoc(source, await loadTable(source));
  const target = resolve(root, DOC_PATH);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // missing: out of date
    }
    if (current !== doc) {
      console.error(`${DOC_PATH} is out of date with ${TABLE_PATH}: run \`node scripts/errorCodesDoc.mjs\`.`);
      process.exit(1);
    }
    console.log(`${DOC_PATH} is up to date.`);
    return;
  }
  writeFileSync(target, doc);
  console.log(`wrote ${DOC_PATH} (${Object.keys(MEANINGS).length} codes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
