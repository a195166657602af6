/**
 * Geo filters on `_geo` (radius, bounding box, polygon), `_geoPoint` sort buckets and `_geoDistance`.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { Engine } from '../../../../src/engine/engine.ts';
import { engineWith, filterIds, idsOf, readerOf } from './engineHelpers.ts';
import { createSortSource } from '../../../../src/engine/search/sort/sortSource.ts';
import { distanceMeters, pointInPolygon } from '../../../../src/engine/search/filters/geo.ts';
import { geoDistanceOf } from '../../../../src/engine/search/format/geoDistance.ts';

const DOCS = [
  { id: 0, name: 'jean', _geo: { lat: 0, lng: 0 } },
  { id: 1, name: 'intel', _geo: { lat: 88, lng: 0 } },
  { id: 2, name: 'jean bob', _geo: { lat: -89, lng: 0 } },
  { id: 3, name: 'jean michel', _geo: { lat: 0, lng: 178 } },
  { id: 4, name: 'bob marley', _geo: { lat: '0', lng: '-179' } },
  { id: 5, name: 'nowhere' },
];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith(DOCS, { filterableAttributes: ['_geo', '_geojson'], sortableAttributes: ['_geo'] });
});

describe('distances', () => {
  test('haversine in meters, rounded to the millimetre like geoutils', () => {
    expect(distanceMeters([0, 0], [-89, 0])).toBe(9896348.471);
    expect(distanceMeters([45.4777599, 9.1967508], [34.0522, -118.2437])).toBe(9714063.083);
  });

  test('_geoDistance is the rounded distance to the retrieved _geo', () => {
    expect(geoDistanceOf(['_geoPoint(0.0, 0.0):asc'], { _geo: { lat: 0, lng: 178 } })).toBe(19792697);
    expect(geoDistanceOf(['_geoPoint(0, 0):asc'], { _geo: { lat: '-89', lng: '0' } })).toBe(9896348);
  });

  test('no _geoDistance without a _geoPoint sort or without a retrieved _geo', () => {
    expect(geoDistanceOf(['price:asc'], { _geo: { lat: 0, lng: 0 } })).toBeNull();
    expect(geoDistanceOf(['_geoPoint(0, 0):asc'], { id: 1 })).toBeNull();
  });
});

describe('_geoRadius', () => {
  test('keeps documents within the radius (inclusive)', async () => {
    expect(await filterIds(engine, '_geoRadius(0, 0, 10)')).toEqual([0]);
    expect(await filterIds(engine, '_geoRadius(0, 0, 9896348.471)')).toEqual([0, 1, 2]);
    expect(await filterIds(engine, '_geoRadius(0, 0, 9896348.470)')).toEqual([0, 1]);
  });

  test('a zero radius keeps the exact point only', async () => {
    expect(await filterIds(engine, '_geoRadius(88, 0, 0)')).toEqual([1]);
  });

  test('numeric strings in _geo count as coordinates', async () => {
    expect(await filterIds(engine, '_geoRadius(0, -179, 1)')).toEqual([4]);
  });
});

describe('_geoBoundingBox', () => {
  test('[top right], [bottom left] inclusive', async () => {
    expect(await filterIds(engine, '_geoBoundingBox([89, 179], [-89, -179])')).toEqual([0, 1, 2, 3, 4]);
    expect(await filterIds(engine, '_geoBoundingBox([10, 10], [-10, -10])')).toEqual([0]);
  });

  test('a box whose right side is west of its left side wraps the antimeridian', async () => {
    expect(await filterIds(engine, '_geoBoundingBox([10, -170], [-10, 170])')).toEqual([3, 4]);
  });
});

describe('_geoPolygon', () => {
  test('keeps the _geo points inside the polygon', async () => {
    expect(await filterIds(engine, '_geoPolygon([1, -1], [1, 1], [-1, 1], [-1, -1])')).toEqual([0]);
  });

  test('points on an edge are inside', () => {
    expect(pointInPolygon(0, 1, [[1, -1], [1, 1], [-1, 1], [-1, -1]])).toBe(true);
    expect(pointInPolygon(2, 0, [[1, -1], [1, 1], [-1, 1], [-1, -1]])).toBe(false);
  });
});

describe('_geoPoint sort buckets', () => {
  test('ascending: nearest first, documents without _geo last', async () => {
    const { state, reader } = await readerOf(engine);
    const order: unknown[] = [];
    const distances: (number | null)[] = [];
    for await (const b of createSortSource(reader, state).geoBuckets([0, 0], 'asc', state.liveDocs())) {
      order.push(...(await idsOf(engine, b.docs)));
      distances.push(b.distance);
    }
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(distances.at(-1)).toBeNull();
  });

  test('descending: farthest first, documents without _geo still last', async () => {
    const { state, reader } = await readerOf(engine);
    const order: unknown[] = [];
    for await (const b of createSortSource(reader, state).geoBuckets([0, 0], 'desc', state.liveDocs())) order.push(...(await idsOf(engine, b.docs)));
    expect(order).toEqual([4, 3, 2, 1, 0, 5]);
  });
});
