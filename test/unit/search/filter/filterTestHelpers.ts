import { expect } from 'vitest';
import { EngineError } from '../../../../src/errors/engineError.ts';
import type { FilterNode, FilterValue, GeoPoint } from '../../../../src/engine/search/filter/ast.ts';
import { parseFilter } from '../../../../src/engine/search/filter/index.ts';
import type { Filter } from '../../../../src/engine/types/search.ts';

const v = (value: FilterValue): string => `{${value.raw}}`;
const point = ([lat, lng]: GeoPoint): string => `[${v(lat)}, ${v(lng)}]`;

/**
 * Prints a node in the notation Meilisearch's parser tests use for their expected trees
 * (`{channel} = {Ponce}`, `AND[a, b, ]`, `NOT (x)`), so their expectations can be compared as is.
 */
export function show(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `${node.kind.toUpperCase()}[${node.children.map((c) => `${show(c)}, `).join('')}]`;
    case 'not':
      return `NOT (${show(node.child)})`;
    case 'compare':
      return `{${node.attribute}} ${node.operator} ${v(node.value)}`;
    case 'range':
      return `{${node.attribute}} ${v(node.from)} TO ${v(node.to)}`;
    case 'in':
      return `{${node.attribute}} IN[${node.values.map((x) => `${v(x)}, `).join('')}]`;
    case 'exists':
      return `{${node.attribute}} EXISTS`;
    case 'isNull':
      return `{${node.attribute}} IS NULL`;
    case 'isEmpty':
      return `{${node.attribute}} IS EMPTY`;
    case 'contains':
      return `{${node.attribute}} CONTAINS ${v(node.value)}`;
    case 'startsWith':
      return `{${node.attribute}} STARTS WITH ${v(node.value)}`;
    case 'geoRadius': {
      const args = [node.lat, node.lng, node.radius, ...(node.resolution ? [node.resolution] : [])];
      return `_geoRadius(${args.map(v).join(', ')})`;
    }
    case 'geoBoundingBox':
      return `_geoBoundingBox(${point(node.topRight)}, ${point(node.bottomLeft)})`;
    case 'geoPolygon':
      return `_geoPolygon([${node.points.map((p) => `${point(p)}, `).join('')}])`;
  }
}

/** Parses a filter that must be valid and prints it with {@link show}. */
export function p(filter: Filter): string {
  const node = parseFilter(filter, 'invalid_search_filter');
  if (!node) throw new Error('expected a filter, got none');
  return show(node);
}

/** The EngineError thrown by `run`, checked to be one. */
export function engineErrorOf(run: () => unknown): EngineError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    return e as EngineError;
  }
  throw new Error('expected an error, none was thrown');
}

/** The message of the syntax error of `filter` (code checked to be the one given). */
export function syntaxError(filter: Filter, code: 'invalid_search_filter' | 'invalid_document_filter' = 'invalid_search_filter'): string {
  const error = engineErrorOf(() => parseFilter(filter, code));
  expect(error.code).toBe(code);
  return error.message;
}
