/**
 * Meilisearch error codes used by pocketsearch: code → [error type, HTTP status].
 * The table is the single source of truth for `type`, `httpStatus` and `link` of an {@link EngineError}.
 */
/**
 * An error's `type`, as in Meilisearch's error bodies.
 *
 * @inline
 */
export type ErrorType = 'invalid_request' | 'internal' | 'auth' | 'system';

const R = 'invalid_request' as const;
const I = 'internal' as const;
const A = 'auth' as const;
const S = 'system' as const;

export const ERROR_CODES = {
  // generic
  bad_request: [R, 400],
  internal: [I, 500],
  invalid_state: [I, 500],
  invalid_store_file: [I, 500],
  database_size_limit_reached: [I, 500],
  io_error: [S, 422],
  no_space_left_on_device: [S, 422],
  too_many_open_files: [S, 422],
  too_many_search_requests: [S, 503],
  feature_not_enabled: [R, 400],
  unretrievable_document: [I, 400],
  // content
  invalid_content_type: [R, 415],
  missing_content_type: [R, 415],
  unsupported_media_type: [R, 415],
  malformed_payload: [R, 400],
  missing_payload: [R, 400],
  payload_too_large: [R, 413],
  // indexes
  index_not_found: [R, 404],
  index_already_exists: [R, 409],
  index_creation_failed: [I, 500],
  invalid_index_uid: [R, 400],
  missing_index_uid: [R, 400],
  invalid_index_primary_key: [R, 400],
  invalid_index_offset: [R, 400],
  invalid_index_limit: [R, 400],
  invalid_index_custom_metadata: [R, 400],
  immutable_index_created_at: [R, 400],
  immutable_index_updated_at: [R, 400],
  index_primary_key_already_exists: [R, 400],
  index_primary_key_no_candidate_found: [R, 400],
  index_primary_key_multiple_candidates_found: [R, 400],
  invalid_swap_indexes: [R, 400],
  invalid_swap_duplicate_index_found: [R, 400],
  missing_swap_indexes: [R, 400],
  invalid_swap_rename: [R, 400],
  // documents
  document_not_found: [R, 404],
  missing_document_id: [R, 400],
  invalid_document_id: [R, 400],
  invalid_document_ids: [R, 400],
  invalid_document_fields: [R, 400],
  invalid_document_offset: [R, 400],
  invalid_document_limit: [R, 400],
  invalid_document_filter: [R, 400],
  missing_document_filter: [R, 400],
  invalid_document_sort: [R, 400],
  invalid_document_retrieve_vectors: [R, 400],
  invalid_document_csv_delimiter: [R, 400],
  invalid_document_geo_field: [R, 400],
  invalid_skip_creation: [R, 400],
  max_fields_limit_exceeded: [R, 400],
  // search
  invalid_search_q: [R, 400],
  invalid_search_offset: [R, 400],
  invalid_search_limit: [R, 400],
  invalid_search_page: [R, 400],
  invalid_search_hits_per_page: [R, 400],
  invalid_search_attributes_to_retrieve: [R, 400],
  invalid_search_attributes_to_crop: [R, 400],
  invalid_search_crop_length: [R, 400],
  invalid_search_crop_marker: [R, 400],
  invalid_search_attributes_to_highlight: [R, 400],
  invalid_search_highlight_pre_tag: [R, 400],
  invalid_search_highlight_post_tag: [R, 400],
  invalid_search_show_matches_position: [R, 400],
  invalid_search_show_ranking_score: [R, 400],
  invalid_search_show_ranking_score_details: [R, 400],
  invalid_search_show_performance_details: [R, 400],
  invalid_search_filter: [R, 400],
  invalid_search_sort: [R, 400],
  invalid_search_distinct: [R, 400],
  invalid_search_facets: [R, 400],
  invalid_search_matching_strategy: [R, 400],
  invalid_search_attributes_to_search_on: [R, 400],
  invalid_search_ranking_score_threshold: [R, 400],
  invalid_search_locales: [R, 400],
  invalid_search_retrieve_vectors: [R, 400],
  invalid_search_hybrid_query: [R, 400],
  invalid_search_vector: [R, 400],
  invalid_facet_search_facet_name: [R, 400],
  invalid_facet_search_query: [R, 400],
  invalid_facet_search_exhaustive_facet_count: [R, 400],
  missing_facet_search_facet_name: [R, 400],
  facet_search_disabled: [R, 400],
  invalid_multi_search_query_pagination: [R, 400],
  invalid_multi_search_query_facets: [R, 400],
  invalid_multi_search_federation_options: [R, 400],
  invalid_multi_search_federated: [R, 400],
  invalid_multi_search_weight: [R, 400],
  invalid_multi_search_merge_facets: [R, 400],
  invalid_multi_search_facets_by_index: [R, 400],
  invalid_multi_search_facets: [R, 400],
  invalid_multi_search_facet_order: [R, 400],
  invalid_multi_search_query_ranking_rules: [R, 400],
  invalid_multi_search_max_values_per_facet: [R, 400],
  invalid_multi_search_distinct: [R, 400],
  invalid_multi_search_query_position: [R, 400],
  invalid_multi_search_remote: [R, 400],
  // settings
  invalid_settings_displayed_attributes: [R, 400],
  invalid_settings_searchable_attributes: [R, 400],
  invalid_settings_filterable_attributes: [R, 400],
  invalid_settings_sortable_attributes: [R, 400],
  invalid_settings_ranking_rules: [R, 400],
  invalid_settings_stop_words: [R, 400],
  invalid_settings_synonyms: [R, 400],
  invalid_settings_distinct_attribute: [R, 400],
  invalid_settings_typo_tolerance: [R, 400],
  invalid_settings_faceting: [R, 400],
  invalid_settings_pagination: [R, 400],
  invalid_settings_proximity_precision: [R, 400],
  invalid_settings_separator_tokens: [R, 400],
  invalid_settings_non_separator_tokens: [R, 400],
  invalid_settings_dictionary: [R, 400],
  invalid_settings_search_cutoff_ms: [R, 400],
  invalid_settings_localized_attributes: [R, 400],
  invalid_settings_facet_search: [R, 400],
  invalid_settings_prefix_search: [R, 400],
  invalid_settings_embedders: [R, 400],
  // tasks and batches
  task_not_found: [R, 404],
  task_file_not_found: [R, 404],
  batch_not_found: [R, 404],
  invalid_task_uids: [R, 400],
  invalid_batch_uids: [R, 400],
  invalid_task_statuses: [R, 400],
  invalid_task_types: [R, 400],
  invalid_task_canceled_by: [R, 400],
  invalid_task_limit: [R, 400],
  invalid_task_from: [R, 400],
  invalid_task_reverse: [R, 400],
  invalid_task_before_enqueued_at: [R, 400],
  invalid_task_after_enqueued_at: [R, 400],
  invalid_task_before_started_at: [R, 400],
  invalid_task_after_started_at: [R, 400],
  invalid_task_before_finished_at: [R, 400],
  invalid_task_after_finished_at: [R, 400],
  missing_task_filters: [R, 400],
  // dumps and snapshots
  dump_already_processing: [R, 409],
  dump_not_found: [R, 404],
  dump_process_failed: [I, 500],
  snapshot_not_found: [R, 404],
  // pocketsearch's own: the page could not start the engine's Web Worker (CSP, missing file, no Worker in Node)
  worker_unavailable: [S, 500],
  // keys and auth
  api_key_not_found: [R, 404],
  invalid_api_key_offset: [R, 400],
  invalid_api_key_limit: [R, 400],
  api_key_already_exists: [R, 409],
  missing_authorization_header: [A, 401],
  missing_master_key: [A, 401],
  invalid_api_key: [A, 403],
} as const satisfies Record<string, readonly [ErrorType, number]>;

/**
 * Every error code pocketsearch can emit (Meilisearch's snake_case codes). Their meanings and HTTP statuses:
 * [errors.md](../../docs/errors.md).
 *
 * @useDeclaredType
 */
export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, code);
}

export function errorLink(code: string): string {
  return `https://docs.meilisearch.com/errors#${code}`;
}
