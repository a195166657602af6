import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../src/engine/search/filter/index.ts';
import { formatSpanPosition } from '../../../../src/engine/search/filter/filterErrors.ts';
import type { FilterCompare, FilterNode, FilterText } from '../../../../src/engine/search/filter/ast.ts';
import { p } from './filterTestHelpers.ts';

// Expected trees are Meilisearch's (filter-parser tests), printed in the same notation.

function parse(filter: string): FilterNode {
  const node = parseFilter(filter, 'invalid_search_filter');
  if (!node) throw new Error('no filter');
  return node;
}

describe('parseFilter: operators and their trees', () => {
  it.each([
    ['channel = Ponce', '{channel} = {Ponce}'],
    ['subscribers = 12', '{subscribers} = {12}'],
    ["channel = 'Mister Mv'", '{channel} = {Mister Mv}'],
    ['channel = "Mister Mv"', '{channel} = {Mister Mv}'],
    ["'dog race' = Borzoi", '{dog race} = {Borzoi}'],
    ['"dog race" = Chusky', '{dog race} = {Chusky}'],
    ['"dog race" = "Bernese Mountain"', '{dog race} = {Bernese Mountain}'],
    ["'dog race' = 'Bernese Mountain'", '{dog race} = {Bernese Mountain}'],
    ['"dog race" = \'Bernese Mountain\'', '{dog race} = {Bernese Mountain}'],
    ['channel != ponce', '{channel} != {ponce}'],
    ['NOT channel = ponce', 'NOT ({channel} = {ponce})'],
    ['subscribers < 1000', '{subscribers} < {1000}'],
    ['subscribers > 1000', '{subscribers} > {1000}'],
    ['subscribers <= 1000', '{subscribers} <= {1000}'],
    ['subscribers >= 1000', '{subscribers} >= {1000}'],
    ['subscribers 100 TO 1000', '{subscribers} {100} TO {1000}'],
    ['NOT subscribers < 1000', 'NOT ({subscribers} < {1000})'],
    ['NOT subscribers 100 TO 1000', 'NOT ({subscribers} {100} TO {1000})'],
  ])('%s', (filter, expected) => {
    expect(p(filter)).toBe(expected);
  });

  it.each([
    ['colour IN[]', '{colour} IN[]'],
    ['colour IN[green]', '{colour} IN[{green}, ]'],
    ['colour IN[green,]', '{colour} IN[{green}, ]'],
    ['colour NOT IN[green,blue]', 'NOT ({colour} IN[{green}, {blue}, ])'],
    [' colour IN [  green , blue , ]', '{colour} IN[{green}, {blue}, ]'],
    [' colour IN [green, blue]  AND color = green ', 'AND[{colour} IN[{green}, {blue}, ], {color} = {green}, ]'],
    ['NOT (colour IN [green, blue])  AND color = green ', 'AND[NOT ({colour} IN[{green}, {blue}, ]), {color} = {green}, ]'],
    [
      'x = 1 OR NOT (colour IN [green, blue]  OR color = green) ',
      'OR[{x} = {1}, NOT (OR[{colour} IN[{green}, {blue}, ], {color} = {green}, ]), ]',
    ],
    [' colour NOT  IN [green, blue] ', 'NOT ({colour} IN[{green}, {blue}, ])'],
    ["colour IN ['a b', \"c\", 3.5]", '{colour} IN[{a b}, {c}, {3.5}, ]'],
  ])('IN: %s', (filter, expected) => {
    expect(p(filter)).toBe(expected);
  });

  it.each([
    ['subscribers IS NULL', '{subscribers} IS NULL'],
    ['NOT subscribers IS NULL', 'NOT ({subscribers} IS NULL)'],
    ['subscribers IS NOT NULL', 'NOT ({subscribers} IS NULL)'],
    ['NOT subscribers IS NOT NULL', '{subscribers} IS NULL'],
    ['subscribers  IS   NOT   NULL', 'NOT ({subscribers} IS NULL)'],
    ['subscribers IS EMPTY', '{subscribers} IS EMPTY'],
    ['NOT subscribers IS EMPTY', 'NOT ({subscribers} IS EMPTY)'],
    ['subscribers IS NOT EMPTY', 'NOT ({subscribers} IS EMPTY)'],
    ['NOT subscribers IS NOT EMPTY', '{subscribers} IS EMPTY'],
    ['subscribers EXISTS', '{subscribers} EXISTS'],
    ['NOT subscribers EXISTS', 'NOT ({subscribers} EXISTS)'],
    ['subscribers NOT EXISTS', 'NOT ({subscribers} EXISTS)'],
    ['NOT subscribers NOT EXISTS', '{subscribers} EXISTS'],
    ['subscribers NOT   EXISTS', 'NOT ({subscribers} EXISTS)'],
    ["subscribers CONTAINS 'hello'", '{subscribers} CONTAINS {hello}'],
    ["NOT subscribers CONTAINS 'hello'", 'NOT ({subscribers} CONTAINS {hello})'],
    ['subscribers NOT CONTAINS hello', 'NOT ({subscribers} CONTAINS {hello})'],
    ["NOT subscribers NOT CONTAINS 'hello'", '{subscribers} CONTAINS {hello}'],
    ["subscribers NOT   CONTAINS 'hello'", 'NOT ({subscribers} CONTAINS {hello})'],
    ["subscribers STARTS WITH 'hel'", '{subscribers} STARTS WITH {hel}'],
    ["NOT subscribers STARTS WITH 'hel'", 'NOT ({subscribers} STARTS WITH {hel})'],
    ['subscribers NOT STARTS WITH hel', 'NOT ({subscribers} STARTS WITH {hel})'],
    ["NOT subscribers NOT STARTS WITH 'hel'", '{subscribers} STARTS WITH {hel}'],
    ["subscribers NOT   STARTS WITH 'hel'", 'NOT ({subscribers} STARTS WITH {hel})'],
    ['NOT NOT NOT NOT x = 5', '{x} = {5}'],
    ['NOT NOT (NOT NOT x = 5)', '{x} = {5}'],
    ['NOT "OR" EXISTS AND "EXISTS" NOT EXISTS', 'AND[NOT ({OR} EXISTS), NOT ({EXISTS} EXISTS), ]'],
  ])('unary and text operators: %s', (filter, expected) => {
    expect(p(filter)).toBe(expected);
  });

  it.each([
    ["channel = ponce AND 'dog race' != 'bernese mountain'", 'AND[{channel} = {ponce}, {dog race} != {bernese mountain}, ]'],
    ["channel = ponce OR 'dog race' != 'bernese mountain'", 'OR[{channel} = {ponce}, {dog race} != {bernese mountain}, ]'],
    [
      "channel = ponce AND 'dog race' != 'bernese mountain' OR subscribers > 1000",
      'OR[AND[{channel} = {ponce}, {dog race} != {bernese mountain}, ], {subscribers} > {1000}, ]',
    ],
    [
      "channel = ponce AND 'dog race' != 'bernese mountain' OR subscribers > 1000 OR colour = red OR colour = blue AND size = 7",
      'OR[AND[{channel} = {ponce}, {dog race} != {bernese mountain}, ], {subscribers} > {1000}, {colour} = {red}, AND[{colour} = {blue}, {size} = {7}, ], ]',
    ],
    [
      "channel = ponce AND ( 'dog race' != 'bernese mountain' OR subscribers > 1000 )",
      'AND[{channel} = {ponce}, OR[{dog race} != {bernese mountain}, {subscribers} > {1000}, ], ]',
    ],
    [
      "(channel = ponce AND 'dog race' != 'bernese mountain' OR subscribers > 1000) AND _geoRadius(12, 13, 14)",
      'AND[OR[AND[{channel} = {ponce}, {dog race} != {bernese mountain}, ], {subscribers} > {1000}, ], _geoRadius({12}, {13}, {14}), ]',
    ],
    [' colour = green ', '{colour} = {green}'],
    [' (colour = green OR colour = red) ', 'OR[{colour} = {green}, {colour} = {red}, ]'],
    ['a=1 AND(b=2)OR(c=3)', 'OR[AND[{a} = {1}, {b} = {2}, ], {c} = {3}, ]'],
  ])('AND / OR / parentheses: %s', (filter, expected) => {
    expect(p(filter)).toBe(expected);
  });

  it('a long flat OR stays one node', () => {
    const filter = Array.from({ length: 5000 }, (_, i) => `account_ids=${i}`).join(' OR ');
    const node = parse(filter);
    expect(node.kind).toBe('or');
    expect(node.kind === 'or' && node.children.length).toBe(5000);
  });

  it('keeps the attribute as a dotted path and the keyword span of CONTAINS / STARTS WITH', () => {
    const node = parse('doggos.age NOT STARTS WITH "2"');
    expect(node.kind).toBe('not');
    const leaf = (node as { child: FilterText }).child;
    expect(leaf.attribute).toBe('doggos.age');
    expect(formatSpanPosition(leaf.keywordSpan)).toBe('16:27 doggos.age NOT STARTS WITH "2"');
    expect(formatSpanPosition(leaf.value.span)).toBe('29:30 doggos.age NOT STARTS WITH "2"');
  });
});

describe('parseFilter: values', () => {
  it.each([
    ['x = 12', 12],
    ['x = -2.5', -2.5],
    ['x = .5', 0.5],
    ['x = 5.', 5],
    ['x = 1e3', 1000],
    ['x = "+7"', 7],
    ['x = inf', null],
    ['x = NaN', null],
    ['x = 1e400', null],
    ['x = 0x10', null],
    ['x = "1 "', null],
    ['x = 1_000', null],
    ['x = abc', null],
  ])('%s → number %s', (filter, expected) => {
    expect((parse(filter) as FilterCompare).value.number).toBe(expected);
  });

  it.each([
    [String.raw`title = 'foo\\'`, 'foo\\'],
    [String.raw`title = 'foo\\\\'`, 'foo\\\\'],
    [String.raw`title = 'foo\\\\\\'`, 'foo\\\\\\'],
    [String.raw`title = 'foo\x20\n\t\"\'"'`, 'foo \n\t"\'"'],
    [String.raw`x = "Hello \"world\""`, 'Hello "world"'],
    [String.raw`x = "Hello \\\"world\\\""`, String.raw`Hello \"world\"`],
    [String.raw`x = "I'm \"super\" tamo"`, 'I\'m "super" tamo'],
    [String.raw`x = "\"\""`, '""'],
    [String.raw`x = 'Hello \'world\''`, "Hello 'world'"],
    [String.raw`x = 'Hello \\\'world\\\''`, String.raw`Hello \'world\'`],
    [String.raw`x = 'I\'m "super" tamo'`, 'I\'m "super" tamo'],
    [String.raw`x = '\'\''`, "''"],
    [String.raw`x = "\u0041\u{1F600}\101\x41\/"`, 'A😀AA/'],
    [`monitor_diagonal = '27" to 30\\''`, `27" to 30'`],
    ["x = ''", ''],
    ['x = "cha\'nnel"', "cha'nnel"],
    ['x = "cha)nnel AND y = 1"', 'cha)nnel AND y = 1'],
  ])('%s', (filter, expected) => {
    expect((parse(filter) as FilterCompare).value.raw).toBe(expected);
  });

  it('unquoted words take letters, digits, _ - . of any script and stop elsewhere', () => {
    expect(p('.private = I-love-kebab')).toBe('{.private} = {I-love-kebab}');
    expect(p('but_snakes_is_also_good = 1')).toBe('{but_snakes_is_also_good} = {1}');
    expect(p('prénom = Zoë')).toBe('{prénom} = {Zoë}');
    expect(p('名前 = 東京')).toBe('{名前} = {東京}');
    expect(p('x=1')).toBe('{x} = {1}');
  });

  it('reserved words are usable when quoted, and keywords are case-sensitive', () => {
    expect(p("'AND' = 'OR'")).toBe('{AND} = {OR}');
    expect(p('"_geoRadius" = "TO"')).toBe('{_geoRadius} = {TO}');
    expect(p('and = or')).toBe('{and} = {or}');
    expect(p('not = 1')).toBe('{not} = {1}');
    expect(p('x = _geoPolygon')).toBe('{x} = {_geoPolygon}');
    expect(p('x = "_geoPoint(1, 2)"')).toBe('{x} = {_geoPoint(1, 2)}');
  });

  it('records value spans inside the quotes', () => {
    const node = parse("'dog race' = 'Bernese'") as FilterCompare;
    expect(formatSpanPosition(node.attributeSpan)).toBe("2:10 'dog race' = 'Bernese'");
    expect(formatSpanPosition(node.value.span)).toBe("15:22 'dog race' = 'Bernese'");
  });
});

describe('parseFilter: empty filters', () => {
  it.each<[string, unknown]>([
    ['blank string', '     '],
    ['empty string', ''],
    ['unicode blanks', '\u00a0\u2003\n'],
    ['null', null],
    ['empty array', []],
    ['array of blanks', ['', ' ', ['', '  ']]],
  ])('%s → null', (_, filter) => {
    expect(parseFilter(filter as string, 'invalid_search_filter')).toBeNull();
  });
});
