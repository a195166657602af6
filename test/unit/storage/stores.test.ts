import 'fake-indexeddb/auto';
import { storeConformance } from './storeConformance.ts';
import { MemoryStore } from '../../../src/engine/storage/memoryStore.ts';
import { IndexedDbStore } from '../../../src/engine/storage/indexedDbStore.ts';
import { ALL_STORES } from '../../../src/engine/storage/schema.ts';

storeConformance('memory', async (name) => new MemoryStore(name, ALL_STORES));
storeConformance('indexeddb (fake-indexeddb)', (name) => IndexedDbStore.open(name));
