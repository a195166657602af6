/** `/indexes/{uid}/documents…` (spec §1.2): additions in JSON, NDJSON and CSV; listing, fetch, deletions. */
import { EngineError } from '../../errors/engineError.ts';
import { checkIndexUid } from '../../engine/indexes/indexUid.ts';
import { parseCsvDelimiter, parseDocumentsPayload, payloadFormatFromContentType } from '../../engine/documents/payloadFormats.ts';
import type { DocumentOptions, DocumentsDeletionQuery, DocumentsQuery } from '../../engine/types/indexes.ts';
import type { Filter } from '../../engine/types/search.ts';
import { readBody, readJsonBody } from '../body.ts';
import { paramError } from '../queryParams.ts';
import { accepted, ok, type Route, type RouteContext } from '../router.ts';
import { decodeFilterParam, fixSortQueryParameters } from './searchGetParams.ts';

const ADDITION_PARAMS = ['primaryKey', 'csvDelimiter', 'customMetadata', 'skipCreation'] as const;
const LIST_PARAMS = ['offset', 'limit', 'fields', 'retrieveVectors', 'ids', 'filter', 'sort', 'useNetwork'] as const;
const GET_ONE_PARAMS = ['fields', 'retrieveVectors', 'useNetwork'] as const;
const METADATA_PARAMS = ['customMetadata'] as const;

function customMetadata(c: RouteContext): { customMetadata?: string } {
  c.query.only(METADATA_PARAMS);
  const v = c.query.string('customMetadata');
  return v === undefined ? {} : { customMetadata: v };
}

/** `POST` (replace) and `PUT` (update) of documents in any of the three formats. */
function addition(method: 'replace' | 'update') {
  return async (c: RouteContext): Promise<Response> => {
    c.query.only(ADDITION_PARAMS);
    const options: DocumentOptions = {};
    const pk = c.query.string('primaryKey');
    if (pk !== undefined) options.primaryKey = pk;
    const delimiter = c.query.has('csvDelimiter') ? parseCsvDelimiter(c.query.string('csvDelimiter') ?? '') : undefined;
    const meta = c.query.string('customMetadata');
    if (meta !== undefined) options.customMetadata = meta;
    const skip = c.query.string('skipCreation');
    if (skip !== undefined) {
      const lower = skip.toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        throw paramError('invalid_skip_creation', 'skipCreation', `skipCreation must be either \`true\` or \`false\`. Found: \`${skip}\``);
      }
      options.skipCreation = lower === 'true';
    }
    const uid = checkIndexUid(c.params.indexUid);
    const format = payloadFormatFromContentType(c.request.headers.get('content-type'), delimiter);
    const bytes = await readBody(c.request, c.options.payloadLimit);
    const documents = parseDocumentsPayload(bytes, format);
    const index = c.engine.index(uid);
    const task = method === 'replace' ? await index.addDocuments(documents, options) : await index.updateDocuments(documents, options);
    return accepted(task);
  };
}

async function listDocuments(c: RouteContext): Promise<Response> {
  c.query.only(LIST_PARAMS);
  const q: DocumentsQuery & { retrieveVectors?: boolean } = {};
  const offset = c.query.int('offset', 'invalid_document_offset');
  if (offset !== undefined) q.offset = offset;
  const limit = c.query.int('limit', 'invalid_document_limit');
  if (limit !== undefined) q.limit = limit;
  const fields = c.query.list('fields');
  if (fields !== undefined) q.fields = fields;
  const vectors = c.query.bool('retrieveVectors', 'invalid_document_retrieve_vectors');
  if (vectors) q.retrieveVectors = true;
  const ids = c.query.list('ids');
  if (ids !== undefined) q.ids = ids;
  const filter = c.query.string('filter');
  if (filter !== undefined) q.filter = decodeFilterParam(filter) as Filter;
  const sort = c.query.string('sort');
  if (sort !== undefined) q.sort = fixSortQueryParameters(sort);
  c.query.bool('useNetwork', 'bad_request');
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getDocuments(q));
}

async function fetchDocuments(c: RouteContext): Promise<Response> {
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getDocuments(body as DocumentsQuery));
}

async function getDocument(c: RouteContext): Promise<Response> {
  c.query.only(GET_ONE_PARAMS);
  const fields = c.query.list('fields');
  c.query.bool('retrieveVectors', 'invalid_document_retrieve_vectors');
  c.query.bool('useNetwork', 'bad_request');
  const uid = checkIndexUid(c.params.indexUid);
  return ok(await c.engine.index(uid).getDocument(c.params.documentId, fields === undefined ? {} : { fields }));
}

async function deleteDocument(c: RouteContext): Promise<Response> {
  const meta = customMetadata(c);
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).deleteDocument(c.params.documentId, meta));
}

async function deleteBatch(c: RouteContext): Promise<Response> {
  const meta = customMetadata(c);
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const uid = checkIndexUid(c.params.indexUid);
  if (!Array.isArray(body)) {
    throw new EngineError('bad_request', `Json deserialize error: invalid type: ${body === null ? 'null' : typeof body === 'object' ? 'map' : typeof body}, expected a sequence`);
  }
  return accepted(await c.engine.index(uid).deleteDocuments(body as (string | number)[], meta));
}

async function deleteByFilter(c: RouteContext): Promise<Response> {
  const meta = customMetadata(c);
  const body = await readJsonBody(c.request, c.options.payloadLimit);
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).deleteDocuments(body as DocumentsDeletionQuery, meta));
}

async function deleteAll(c: RouteContext): Promise<Response> {
  const meta = customMetadata(c);
  const uid = checkIndexUid(c.params.indexUid);
  return accepted(await c.engine.index(uid).deleteAllDocuments(meta));
}

async function editDocuments(): Promise<Response> {
  throw new EngineError('feature_not_enabled', 'Editing documents with a function (`POST /indexes/{indexUid}/documents/edit`) is not supported by pocketsearch.');
}

export const documentRoutes: Route[] = [
  { method: 'POST', pattern: '/indexes/:indexUid/documents', handler: addition('replace') },
  { method: 'PUT', pattern: '/indexes/:indexUid/documents', handler: addition('update') },
  { method: 'GET', pattern: '/indexes/:indexUid/documents', handler: listDocuments },
  { method: 'DELETE', pattern: '/indexes/:indexUid/documents', handler: deleteAll },
  { method: 'POST', pattern: '/indexes/:indexUid/documents/fetch', handler: fetchDocuments },
  { method: 'POST', pattern: '/indexes/:indexUid/documents/delete-batch', handler: deleteBatch },
  { method: 'POST', pattern: '/indexes/:indexUid/documents/delete', handler: deleteByFilter },
  { method: 'POST', pattern: '/indexes/:indexUid/documents/edit', handler: editDocuments },
  { method: 'GET', pattern: '/indexes/:indexUid/documents/:documentId', handler: getDocument },
  { method: 'DELETE', pattern: '/indexes/:indexUid/documents/:documentId', handler: deleteDocument },
];
