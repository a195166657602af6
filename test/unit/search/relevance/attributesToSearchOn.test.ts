/**
 * `attributesToSearchOn` (spec §1.3) and the matching strategies (spec §5.3). Cases from Meilisearch's HTTP tests
 * (`meilisearch/tests/search/restrict_searchable.rs`, `matching_strategy.rs`, `errors.rs`).
 */
import { describe, expect, it } from 'vitest';
import { indexWith } from './helpers.ts';

const SIMPLE = [
  { title: 'Shazam!', desc: 'a Captain Marvel ersatz', id: '1' },
  { title: 'Captain Planet', desc: "He's not part of the Marvel Cinematic Universe", id: '2' },
  { title: 'Captain Marvel', desc: 'a Shazam ersatz', id: '3' },
];
const NESTED = [
  { details: { title: 'Shazam!', desc: 'a Captain Marvel ersatz', weaknesses: ['magic', 'requires transformation'], outfit: { has_cape: true, colors: { primary: 'red', secondary: 'gold' } } }, id: '1' },
  { details: { title: 'Captain Planet', desc: "He's not part of the Marvel Cinematic Universe", blue_skin: true, outfit: { has_cape: false } }, id: '2' },
  { details: { title: 'Captain Marvel', desc: 'a Shazam ersatz', weaknesses: ['magic', 'power instability'], outfit: { has_cape: false } }, id: '3' },
];

describe('attributesToSearchOn', () => {
  it('restricts matching to the listed attributes; weights and rules unchanged', async () => {
    const t = await indexWith(SIMPLE);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['title'] })).toEqual(['3', '2']);
    expect(await t.ids('Captain Mar', { attributesToSearchOn: ['title'] })).toEqual(['3', '2']);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['title'], matchingStrategy: 'all' })).toEqual(['3']);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['*'] })).toHaveLength(3);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: [] })).toEqual([]);
  });

  it('ignores unknown attributes when searchable attributes are ["*"]', async () => {
    const t = await indexWith(SIMPLE);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['unknown'] })).toEqual([]);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['unknown', 'title'] })).toHaveLength(2);
  });

  it('rejects attributes that are not searchable, listing the searchable ones', async () => {
    const t = await indexWith(SIMPLE, { searchableAttributes: ['id', 'title'] });
    for (const names of [['unknown'], ['*', 'unknown'], ['unknown', '*']]) {
      await expect(t.search('Captain Marvel', { attributesToSearchOn: names })).rejects.toMatchObject({
        code: 'invalid_search_attributes_to_search_on',
        message: 'Index `test`: Attribute `unknown` is not searchable. Available searchable attributes are: `id, title`.',
      });
    }
    // Only `title` is searchable, so `*` means title.
    const u = await indexWith(SIMPLE, { searchableAttributes: ['title'] });
    expect(await u.ids('Captain Marvel', { attributesToSearchOn: ['*'] })).toHaveLength(2);
  });

  it('hides non-displayed attributes in the error', async () => {
    const t = await indexWith(SIMPLE, { searchableAttributes: ['id', 'title', 'desc'], displayedAttributes: ['id', 'title'] });
    await expect(t.search('x', { attributesToSearchOn: ['nope'] })).rejects.toMatchObject({
      message: 'Index `test`: Attribute `nope` is not searchable. Available searchable attributes are: `id, title, <..hidden-attributes>`.',
    });
  });

  it('ranks by the restricted attributes: typo, attribute and exactness', async () => {
    const t = await indexWith([
      { title: 'Capitain Marivel', desc: 'Captain Marvel', id: '1' },
      { title: 'Captain Marivel', desc: 'a Shazam ersatz', id: '2' },
    ]);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['title'] })).toEqual(['2', '1']);
    const u = await indexWith([
      { title: 'Captain Marvel', desc: 'a Shazam ersatz', footer: 'The story of Captain Marvel', id: '1' },
      { title: 'The Avengers', desc: 'Captain Marvel is far from the earth', footer: 'A super hero team', id: '2' },
    ]);
    expect(await u.ids('Captain Marvel', { attributesToSearchOn: ['desc', 'footer'] })).toEqual(['1', '2']);
    const v = await indexWith([
      { title: 'Captain Marvel', desc: 'Captain Marivel', id: '1' },
      { title: 'Captain Marvel', desc: 'Captain the Marvel', id: '2' },
    ]);
    expect(await v.ids('Captain Marvel', { attributesToSearchOn: ['desc'] })).toEqual(['2', '1']);
  });

  it('typo-disabled attributes stay exact; phrases are checked in the listed attributes', async () => {
    const t = await indexWith([
      { title: 'Captain Marvel', exact: 'Captain Marivel', id: '1' },
      { title: 'Captain Marivel', exact: 'Captain the Marvel', id: '2' },
    ], { typoTolerance: { disableOnAttributes: ['exact'] } });
    expect(await t.ids('Marvel', { attributesToSearchOn: ['exact'] })).toEqual(['2']);
    const docs = [
      { id: 8, desc: 'Document Review', title: 'Document Review Specialist II' },
      { id: 5, desc: 'Document Review', title: 'Document Review Attorney' },
      { id: 4, desc: 'Document Review', title: 'Document Review Manager - Cyber Incident Response (Remote)' },
      { id: 3, desc: 'Document Review', title: 'Document Review Paralegal' },
      { id: 2, desc: 'Document Review', title: 'Document Controller (Saudi National)' },
      { id: 1, desc: 'Document Review', title: 'Document Reviewer' },
      { id: 7, desc: 'Document Review', title: 'Document Review Specialist II' },
      { id: 6, desc: 'Document Review', title: 'Document Review (Entry Level)' },
    ];
    const u = await indexWith(docs);
    expect(await u.ids('"Document Review"', { attributesToSearchOn: ['title'] })).toEqual([8, 5, 4, 3, 7, 6]);
  });

  it('accepts patterns over nested fields', async () => {
    const t = await indexWith(NESTED);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['*.title'] })).toEqual(['3', '2']);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['details.*'] })).toEqual(['3', '1', '2']);
    expect(await t.ids('gold', { attributesToSearchOn: ['details.*'] })).toEqual(['1']);
    expect(await t.ids('true', { attributesToSearchOn: ['details.*'] })).toEqual(['1', '2']);
    expect(await t.ids('Captain Marvel', { attributesToSearchOn: ['unknown.*', '*.unknown'] })).toEqual([]);
    expect(await t.ids('Captain Mar', { attributesToSearchOn: ['details.*'] })).toEqual(['3', '1', '2']);
    const u = await indexWith(NESTED, { searchableAttributes: ['details.title'] });
    expect(await u.ids('Captain Marvel', { attributesToSearchOn: ['details.*'] })).toEqual(['3', '2']);
  });
});

describe('matching strategies', () => {
  const DOCS = [
    { title: 'Shazam!', id: '1' },
    { title: 'Captain Planet', id: '2' },
    { title: 'Captain Marvel', id: '3' },
    { title: 'a Captain Marvel ersatz', id: '4' },
    { title: "He's not part of the Marvel Cinematic Universe", id: '5' },
    { title: 'a Shazam ersatz, but better than Captain Planet', id: '6' },
    { title: 'Capitain CAAAAAVEEERNE!!!!', id: '7' },
  ];

  it('last, all and frequency', async () => {
    const t = await indexWith(DOCS);
    expect(await t.ids('Captain Marvel', { matchingStrategy: 'last' })).toEqual(['3', '4', '2', '6', '7']);
    expect(await t.ids('Captain Marvel', { matchingStrategy: 'all' })).toEqual(['3', '4']);
    expect(await t.ids('Captain Marvel', { matchingStrategy: 'frequency' })).toEqual(['3', '4', '5']);
  });

  it('with a typo in the query', async () => {
    const t = await indexWith(DOCS);
    expect(await t.ids('Capitain Marvel', { matchingStrategy: 'last' })).toEqual(['3', '4', '7', '2', '6']);
    expect(await t.ids('Capitain Marvel', { matchingStrategy: 'all' })).toEqual(['3', '4']);
    expect(await t.ids('Capitain Marvel', { matchingStrategy: 'frequency' })).toEqual(['3', '4', '5']);
  });

  it('with an unknown word', async () => {
    const t = await indexWith(DOCS);
    expect(await t.ids('Captain Supercopter Marvel', { matchingStrategy: 'last' })).toEqual(['2', '3', '4', '6', '7']);
    expect(await t.ids('Captain Supercopter Marvel', { matchingStrategy: 'all' })).toEqual([]);
    expect(await t.ids('Captain Supercopter Marvel', { matchingStrategy: 'frequency' })).toEqual(['3', '4', '5']);
  });
});
