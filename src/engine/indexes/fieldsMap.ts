import { EngineError } from '../../errors/engineError.ts';

/** Meilisearch's limit on distinct fields per index. */
export const MAX_FIELDS = 65535;

/** Field name ↔ field id, ids given in first-seen order (documents are returned with keys in this order). */
export class FieldsMap {
  private readonly ids = new Map<string, number>();

  constructor(readonly names: string[] = []) {
    names.forEach((n, i) => this.ids.set(n, i));
  }

  id(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** Id of `name`, assigning the next one if new. */
  idOrInsert(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      if (this.names.length >= MAX_FIELDS) throw new EngineError('max_fields_limit_exceeded', 'A document cannot contain more than 65,535 fields.');
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }

  name(id: number): string | undefined {
    return this.names[id];
  }

  get size(): number {
    return this.names.length;
  }

  /** Forgets the fields added after the map had `size` of them (a failed task's new fields). */
  truncate(size: number): void {
    while (this.names.length > size) this.ids.delete(this.names.pop()!);
  }

  clone(): FieldsMap {
    return new FieldsMap([...this.names]);
  }
}
