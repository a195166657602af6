/**
 * Error codes of old dumps (v1–v5) converted to today's codes, as Meilisearch's compat chain does:
 * v1/v2 error strings → v3 code names → v4/v5 error names → v6 codes. Unknown codes become
 * `unretrievable_error_code`.
 */
import type { ErrorObject } from '../../errors/engineError.ts';

/** v1/v2 `errorCode` strings that v3 knew, to its `Code` names. */
const V3_CODE_FROM_V2: Record<string, string> = {
  create_index: 'CreateIndex',
  index_already_exists: 'IndexAlreadyExists',
  index_not_found: 'IndexNotFound',
  invalid_index_uid: 'InvalidIndexUid',
  invalid_state: 'InvalidState',
  missing_primary_key: 'MissingPrimaryKey',
  primary_key_already_present: 'PrimaryKeyAlreadyPresent',
  max_fields_limit_exceeded: 'MaxFieldsLimitExceeded',
  missing_document_id: 'MissingDocumentId',
  invalid_document_id: 'InvalidDocumentId',
  filter: 'Filter',
  sort: 'Sort',
  bad_parameter: 'BadParameter',
  bad_request: 'BadRequest',
  database_size_limit_reached: 'DatabaseSizeLimitReached',
  document_not_found: 'DocumentNotFound',
  internal: 'Internal',
  invalid_geo_field: 'InvalidGeoField',
  invalid_ranking_rule: 'InvalidRankingRule',
  invalid_store: 'InvalidStore',
  invalid_token: 'InvalidToken',
  missing_authorization_header: 'MissingAuthorizationHeader',
  no_space_left_on_device: 'NoSpaceLeftOnDevice',
  dump_not_found: 'DumpNotFound',
  task_not_found: 'TaskNotFound',
  payload_too_large: 'PayloadTooLarge',
  retrieve_document: 'RetrieveDocument',
  search_documents: 'SearchDocuments',
  unsupported_media_type: 'UnsupportedMediaType',
  dump_already_in_progress: 'DumpAlreadyInProgress',
  dump_process_failed: 'DumpProcessFailed',
  invalid_content_type: 'InvalidContentType',
  missing_content_type: 'MissingContentType',
  malformed_payload: 'MalformedPayload',
  missing_payload: 'MissingPayload',
};

/** v3/v4 `Code` names to the error name v4 and v5 wrote. */
const V4_NAME_FROM_CODE: Record<string, string> = {
  CreateIndex: 'index_creation_failed',
  IndexAlreadyExists: 'index_already_exists',
  IndexNotFound: 'index_not_found',
  InvalidIndexUid: 'invalid_index_uid',
  InvalidMinWordLengthForTypo: 'invalid_min_word_length_for_typo',
  InvalidState: 'invalid_state',
  MissingPrimaryKey: 'primary_key_inference_failed',
  PrimaryKeyAlreadyPresent: 'index_primary_key_already_exists',
  InvalidRankingRule: 'invalid_ranking_rule',
  InvalidStore: 'invalid_store_file',
  MaxFieldsLimitExceeded: 'max_fields_limit_exceeded',
  MissingDocumentId: 'missing_document_id',
  InvalidDocumentId: 'invalid_document_id',
  Filter: 'invalid_filter',
  Sort: 'invalid_sort',
  BadParameter: 'bad_parameter',
  BadRequest: 'bad_request',
  DatabaseSizeLimitReached: 'database_size_limit_reached',
  DocumentNotFound: 'document_not_found',
  Internal: 'internal',
  InvalidGeoField: 'invalid_geo_field',
  InvalidToken: 'invalid_api_key',
  MissingAuthorizationHeader: 'missing_authorization_header',
  TaskNotFound: 'task_not_found',
  DumpNotFound: 'dump_not_found',
  NoSpaceLeftOnDevice: 'no_space_left_on_device',
  PayloadTooLarge: 'payload_too_large',
  RetrieveDocument: 'unretrievable_document',
  SearchDocuments: 'search_error',
  UnsupportedMediaType: 'unsupported_media_type',
  DumpAlreadyInProgress: 'dump_already_processing',
  DumpProcessFailed: 'dump_process_failed',
  MissingContentType: 'missing_content_type',
  MalformedPayload: 'malformed_payload',
  InvalidContentType: 'invalid_content_type',
  MissingPayload: 'missing_payload',
  UnretrievableErrorCode: 'unretrievable_error_code',
  MalformedDump: 'malformed_dump',
};

/** v4/v5 error names whose v6 code differs; the other names listed in {@link V6_TYPE} are kept. */
const V6_RENAMED: Record<string, string> = {
  invalid_min_word_length_for_typo: 'invalid_settings_typo_tolerance',
  primary_key_inference_failed: 'index_primary_key_no_candidate_found',
  invalid_filter: 'invalid_settings_filterable_attributes',
  invalid_sort: 'invalid_settings_sortable_attributes',
  invalid_geo_field: 'invalid_document_geo_field',
  invalid_ranking_rule: 'invalid_settings_ranking_rules',
  missing_parameter: 'bad_request',
  immutable_field: 'bad_request',
};

/** Every v6 code an old error can end up with, and its error type. */
const V6_TYPE: Record<string, string> = {
  index_creation_failed: 'internal',
  index_already_exists: 'invalid_request',
  index_not_found: 'invalid_request',
  invalid_index_uid: 'invalid_request',
  invalid_settings_typo_tolerance: 'invalid_request',
  invalid_state: 'internal',
  index_primary_key_no_candidate_found: 'invalid_request',
  index_primary_key_already_exists: 'invalid_request',
  max_fields_limit_exceeded: 'invalid_request',
  missing_document_id: 'invalid_request',
  invalid_document_id: 'invalid_request',
  invalid_settings_filterable_attributes: 'invalid_request',
  invalid_settings_sortable_attributes: 'invalid_request',
  bad_parameter: 'invalid_request',
  bad_request: 'invalid_request',
  database_size_limit_reached: 'internal',
  document_not_found: 'invalid_request',
  internal: 'internal',
  invalid_document_geo_field: 'invalid_request',
  invalid_settings_ranking_rules: 'invalid_request',
  invalid_store_file: 'internal',
  invalid_api_key: 'auth',
  missing_authorization_header: 'auth',
  no_space_left_on_device: 'system',
  dump_not_found: 'invalid_request',
  task_not_found: 'invalid_request',
  payload_too_large: 'invalid_request',
  unretrievable_document: 'internal',
  unsupported_media_type: 'invalid_request',
  dump_already_processing: 'invalid_request',
  dump_process_failed: 'internal',
  invalid_content_type: 'invalid_request',
  missing_content_type: 'invalid_request',
  malformed_payload: 'invalid_request',
  missing_payload: 'invalid_request',
  api_key_not_found: 'invalid_request',
  invalid_api_key_actions: 'invalid_request',
  invalid_api_key_indexes: 'invalid_request',
  invalid_api_key_expires_at: 'invalid_request',
  invalid_api_key_description: 'invalid_request',
  invalid_api_key_name: 'invalid_request',
  invalid_api_key_uid: 'invalid_request',
  api_key_already_exists: 'invalid_request',
  unretrievable_error_code: 'invalid_request',
};

const UNKNOWN = 'unretrievable_error_code';

/** A v6 error object for `message` with the code an old v4/v5 error name maps to. */
export function errorFromV5Name(message: string, name: string): ErrorObject {
  const renamed = V6_RENAMED[name] ?? name;
  const code = renamed in V6_TYPE ? renamed : UNKNOWN;
  return { message, code, type: V6_TYPE[code], link: `https://docs.meilisearch.com/errors#${code}` };
}

/** A v6 error object from a v3 failed update (`msg` and a v3 `Code` name). */
export function errorFromV3Code(message: string, code: string): ErrorObject {
  return errorFromV5Name(message, V4_NAME_FROM_CODE[code] ?? UNKNOWN);
}

/** A v6 error object from a v1/v2 error (`errorCode` string of that time). */
export function errorFromV2Code(message: string, errorCode: string): ErrorObject {
  return errorFromV3Code(message, V3_CODE_FROM_V2[errorCode] ?? 'UnretrievableErrorCode');
}
