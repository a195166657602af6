/** The engine and index methods the page client forwards to the worker (whitelists: nothing else is callable). */

export const ENGINE_METHODS = [
  'createIndex',
  'updateIndex',
  'deleteIndex',
  'deleteIndexIfExists',
  'swapIndexes',
  'getIndex',
  'getRawIndex',
  'getIndexes',
  'getRawIndexes',
  'getTask',
  'getTasks',
  'getBatch',
  'getBatches',
  'getTaskDocuments',
  'cancelTasks',
  'deleteTasks',
  'waitForTask',
  'waitForTasks',
  'waitForIdle',
  'getStats',
  'health',
  'isHealthy',
  'getVersion',
  'getKeys',
  'multiSearch',
  'getExperimentalFeatures',
  'updateExperimentalFeatures',
  // dumps and snapshots (files cross as `File`s: structured clone shares their bytes, it does not copy them)
  'createDump',
  'getDumpStatus',
  'listDumps',
  'getDumpFile',
  'deleteDump',
  'createSnapshot',
  'getSnapshotInfo',
  'getSnapshotFile',
] as const;

export type EngineMethod = (typeof ENGINE_METHODS)[number];

const SETTING_NAMES = [
  'DisplayedAttributes',
  'SearchableAttributes',
  'FilterableAttributes',
  'SortableAttributes',
  'RankingRules',
  'StopWords',
  'NonSeparatorTokens',
  'SeparatorTokens',
  'Dictionary',
  'Synonyms',
  'DistinctAttribute',
  'ProximityPrecision',
  'TypoTolerance',
  'Faceting',
  'Pagination',
  'Embedders',
  'SearchCutoffMs',
  'LocalizedAttributes',
  'FacetSearch',
  'PrefixSearch',
] as const;

export const INDEX_METHODS = [
  'search',
  'searchForFacetValues',
  'getRawInfo',
  'update',
  'delete',
  'getStats',
  'getDocuments',
  'getDocument',
  'addDocuments',
  'updateDocuments',
  'deleteDocument',
  'deleteDocuments',
  'deleteAllDocuments',
  'getSettings',
  'updateSettings',
  'resetSettings',
  'getSetting',
  'updateSetting',
  'resetSetting',
  ...SETTING_NAMES.flatMap((n) => [`get${n}`, `update${n}`, `reset${n}`] as const),
] as const;

export type IndexMethod = (typeof INDEX_METHODS)[number];

/** Index methods that register a task (the client wraps their result to offer `waitTask()`). */
export const INDEX_WRITE_METHODS: ReadonlySet<string> = new Set([
  'update',
  'delete',
  'addDocuments',
  'updateDocuments',
  'deleteDocument',
  'deleteDocuments',
  'deleteAllDocuments',
  'updateSettings',
  'resetSettings',
  'updateSetting',
  'resetSetting',
  ...SETTING_NAMES.flatMap((n) => [`update${n}`, `reset${n}`]),
]);

export const ENGINE_WRITE_METHODS: ReadonlySet<string> = new Set(['createIndex', 'updateIndex', 'deleteIndex', 'swapIndexes', 'cancelTasks', 'deleteTasks', 'createDump', 'createSnapshot']);
