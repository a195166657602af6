import type { Filter } from './search.ts';

/** A document: a JSON object of any shape. */
export type Document = Record<string, unknown>;

export interface IndexObject {
  uid: string;
  createdAt: string;
  updatedAt: string;
  primaryKey: string | null;
}

export interface IndexesQuery {
  offset?: number;
  limit?: number;
}

export interface ResourceResults<T> {
  results: T;
  offset: number;
  limit: number;
  total: number;
}

export interface IndexOptions {
  primaryKey?: string | null;
  /** Rename (Meilisearch ≥ 1.18 `PATCH /indexes/{uid}` with `uid`). */
  uid?: string;
}

export interface IndexSwap {
  indexes: [string, string];
  rename?: boolean;
}

export interface IndexStats {
  numberOfDocuments: number;
  rawDocumentDbSize: number;
  avgDocumentSize: number;
  isIndexing: boolean;
  numberOfEmbeddings: number;
  numberOfEmbeddedDocuments: number;
  fieldDistribution: Record<string, number>;
}

export interface Stats {
  databaseSize: number;
  usedDatabaseSize: number;
  lastUpdate: string | null;
  indexes: Record<string, IndexStats>;
}

export interface Version {
  commitSha: string;
  commitDate: string;
  pkgVersion: string;
}

export interface Health {
  status: 'available';
}

export interface DocumentOptions {
  primaryKey?: string;
  /** Opaque string stored on the task (`customMetadata`). */
  customMetadata?: string;
  /** `true`: documents whose id is unknown are ignored instead of created. */
  skipCreation?: boolean;
}

export interface DocumentQuery {
  fields?: string[] | string;
}

export interface DocumentsQuery {
  offset?: number;
  limit?: number;
  fields?: string[] | string;
  filter?: Filter;
  sort?: string[] | string;
  ids?: (string | number)[] | string;
}

export interface DocumentsDeletionQuery {
  filter: Filter;
}
