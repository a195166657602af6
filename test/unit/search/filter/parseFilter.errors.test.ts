import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../src/engine/search/filter/index.ts';
import { engineErrorOf, syntaxError } from './filterTestHelpers.ts';

// Golden messages: the expected outputs of Meilisearch's own filter-parser and HTTP tests.

const OPERATIONS =
  'Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon`';
const RESERVED_GEO =
  "is a reserved keyword and thus can't be used as a filter expression. Use the `_geoRadius(latitude, longitude, distance)` or `_geoBoundingBox([latitude, longitude], [latitude, longitude])` built-in rules to filter on `_geo` coordinates.";

const golden: [string, string][] = [
  ['channel = Ponce = 12', 'Found unexpected characters at the end of the filter: `= 12`. You probably forgot an `OR` or an `AND` rule.\n17:21 channel = Ponce = 12'],
  ['channel =    ', 'Was expecting a value but instead got nothing.\n14:14 channel =    '],
  ['channel = 🐻', 'Was expecting a value but instead got `🐻`.\n11:12 channel = 🐻'],
  ['channel = 🐻 AND followers < 100', 'Was expecting a value but instead got `🐻`.\n11:12 channel = 🐻 AND followers < 100'],
  ["'OR'", `${OPERATIONS} at \`\\'OR\\'\`.\n1:5 'OR'`],
  ['OR', 'Was expecting a value but instead got `OR`, which is a reserved keyword. To use `OR` as a field name or a value, surround it by quotes.\n1:3 OR'],
  ['channel Ponce', `${OPERATIONS} at \`channel Ponce\`.\n1:14 channel Ponce`],
  ['channel = Ponce OR', `${OPERATIONS} but instead got nothing.\n19:19 channel = Ponce OR`],
  ['cool doggo', `${OPERATIONS} at \`cool doggo\`.\n1:11 cool doggo`],
  ['doggo', `${OPERATIONS} at \`doggo\`.\n1:6 doggo`],
  ['title & Glass', `${OPERATIONS} at \`title & Glass\`.\n1:14 title & Glass`],
  ['title = Glass XOR title = Glass', 'Found unexpected characters at the end of the filter: `XOR title = Glass`. You probably forgot an `OR` or an `AND` rule.\n15:32 title = Glass XOR title = Glass'],
  ['_geoRadius', 'The `_geoRadius` filter must be in the form: `_geoRadius(latitude, longitude, radius, optionalResolution)`.\n11:11 _geoRadius'],
  ['_geoRadius = 12', 'The `_geoRadius` filter must be in the form: `_geoRadius(latitude, longitude, radius, optionalResolution)`.\n11:16 _geoRadius = 12'],
  ['_geoBoundingBox', 'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.\n16:16 _geoBoundingBox'],
  ['_geoBoundingBox = 12', 'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.\n16:21 _geoBoundingBox = 12'],
  ['_geoBoundingBox(1.0, 1.0)', 'The `_geoBoundingBox` filter expects two pairs of arguments: `_geoBoundingBox([latitude, longitude], [latitude, longitude])`.\n17:26 _geoBoundingBox(1.0, 1.0)'],
  ['_geoPolygon([1,2,3])', 'The `_geoPolygon` filter expects at least 3 points but only 1 were specified\n18:19 _geoPolygon([1,2,3])'],
  ['_geoPolygon(1,2,3)', "The `_geoPolygon` filter doesn't match the expected format: `_geoPolygon([latitude, longitude], [latitude, longitude])`.\n13:19 _geoPolygon(1,2,3)"],
  ['_geoPolygon([1,2],[1,2],[1,2,3])', 'Was expecting 2 coordinates but instead found 3.\n26:27 _geoPolygon([1,2],[1,2],[1,2,3])'],
  ['_geoPolygon([1,2],[1,2,3])', 'The `_geoPolygon` filter expects at least 3 points but only 2 were specified\n24:25 _geoPolygon([1,2],[1,2,3])'],
  ['_geoPolygon(1)', "The `_geoPolygon` filter doesn't match the expected format: `_geoPolygon([latitude, longitude], [latitude, longitude])`.\n13:15 _geoPolygon(1)"],
  ['_geoPolygon([1,2)', "The `_geoPolygon` filter doesn't match the expected format: `_geoPolygon([latitude, longitude], [latitude, longitude])`.\n17:18 _geoPolygon([1,2)"],
  ['_geoPoint(12, 13, 14)', `\`_geoPoint\` ${RESERVED_GEO}\n1:22 _geoPoint(12, 13, 14)`],
  ['position <= _geoPoint(12, 13, 14)', `\`_geoPoint\` ${RESERVED_GEO}\n13:34 position <= _geoPoint(12, 13, 14)`],
  ['_geoPoint = Glass', `\`_geoPoint\` ${RESERVED_GEO}\n1:18 _geoPoint = Glass`],
  ['_geoDistance(12, 13, 14)', `\`_geoDistance\` ${RESERVED_GEO}\n1:25 _geoDistance(12, 13, 14)`],
  ['position <= _geoDistance(12, 13, 14)', `\`_geoDistance\` ${RESERVED_GEO}\n13:37 position <= _geoDistance(12, 13, 14)`],
  ['_geoDistance = Glass', `\`_geoDistance\` ${RESERVED_GEO}\n1:21 _geoDistance = Glass`],
  ['_geo(12, 13, 14)', `\`_geo\` ${RESERVED_GEO}\n1:17 _geo(12, 13, 14)`],
  ['position <= _geo(12, 13, 14)', `\`_geo\` ${RESERVED_GEO}\n13:29 position <= _geo(12, 13, 14)`],
  ['_geo = Glass', `\`_geo\` ${RESERVED_GEO}\n1:13 _geo = Glass`],
  ['position <= _geoRadius(12, 13, 14)', "The `_geoRadius` filter is an operation and can't be used as a value.\n13:35 position <= _geoRadius(12, 13, 14)"],
  ["channel = 'ponce", "Expression `\\'ponce` is missing the following closing delimiter: `'`.\n11:17 channel = 'ponce"],
  ['channel = "ponce', 'Expression `\\"ponce` is missing the following closing delimiter: `"`.\n11:17 channel = "ponce'],
  ['channel = mv OR (followers >= 1000', 'Expression `(followers >= 1000` is missing the following closing delimiter: `)`.\n17:35 channel = mv OR (followers >= 1000'],
  ['channel = mv OR followers >= 1000)', 'Found unexpected characters at the end of the filter: `)`. You probably forgot an `OR` or an `AND` rule.\n34:35 channel = mv OR followers >= 1000)'],
  ['colour NOT EXIST', `${OPERATIONS} at \`colour NOT EXIST\`.\n1:17 colour NOT EXIST`],
  ['subscribers 100 TO1000', `${OPERATIONS} at \`subscribers 100 TO1000\`.\n1:23 subscribers 100 TO1000`],
  ["channel = ponce ORdog != 'bernese mountain'", "Found unexpected characters at the end of the filter: `ORdog != \\'bernese mountain\\'`. You probably forgot an `OR` or an `AND` rule.\n17:44 channel = ponce ORdog != 'bernese mountain'"],
  ['name = "\\x"', 'The filter is incomplete and requires Unknown additional bytes to be parsed.\n1:12 name = "\\x"'],
  ['colour IN blue, green]', 'Expected `[` after `IN` keyword.\n11:23 colour IN blue, green]'],
  ["colour IN [blue, green, 'blue' > 2]", 'Expected only comma-separated field names inside `IN[..]` but instead found `> 2]`.\n32:36 colour IN [blue, green, \'blue\' > 2]'],
  ['colour IN [blue, green, AND]', 'Expected only comma-separated field names inside `IN[..]` but instead found `AND]`.\n25:29 colour IN [blue, green, AND]'],
  ['colour IN [blue, green', 'Expected matching `]` after the list of field names given to `IN[`\n23:23 colour IN [blue, green'],
  ["colour IN ['blue, green", "Expression `\\'blue, green` is missing the following closing delimiter: `'`.\n12:24 colour IN ['blue, green"],
  ['x = EXISTS', 'Was expecting a value but instead got `EXISTS`, which is a reserved keyword. To use `EXISTS` as a field name or a value, surround it by quotes.\n5:11 x = EXISTS'],
  ['AND = 8', 'Was expecting a value but instead got `AND`, which is a reserved keyword. To use `AND` as a field name or a value, surround it by quotes.\n1:4 AND = 8'],
  ['NOT OR EXISTS AND EXISTS NOT EXISTS', 'Was expecting a value but instead got `OR`, which is a reserved keyword. To use `OR` as a field name or a value, surround it by quotes.\n5:7 NOT OR EXISTS AND EXISTS NOT EXISTS'],
  ['value NULL', `${OPERATIONS} at \`value NULL\`.\n1:11 value NULL`],
  ['value NOT NULL', `${OPERATIONS} at \`value NOT NULL\`.\n1:15 value NOT NULL`],
  ['value EMPTY', `${OPERATIONS} at \`value EMPTY\`.\n1:12 value EMPTY`],
  ['value NOT EMPTY', `${OPERATIONS} at \`value NOT EMPTY\`.\n1:16 value NOT EMPTY`],
  ['value IS', `${OPERATIONS} at \`value IS\`.\n1:9 value IS`],
  ['value IS NOT', `${OPERATIONS} at \`value IS NOT\`.\n1:13 value IS NOT`],
  ['value IS EXISTS', `${OPERATIONS} at \`value IS EXISTS\`.\n1:16 value IS EXISTS`],
  ['value IS NOT EXISTS', `${OPERATIONS} at \`value IS NOT EXISTS\`.\n1:20 value IS NOT EXISTS`],
];

describe('parseFilter: syntax errors (golden messages)', () => {
  it.each(golden)('%s', (filter, expected) => {
    expect(syntaxError(filter)).toBe(expected);
  });

  it('uses the code the caller asks for', () => {
    const error = engineErrorOf(() => parseFilter('doggo', 'invalid_document_filter'));
    expect(error.code).toBe('invalid_document_filter');
    expect(error.httpStatus).toBe(400);
    expect(error.type).toBe('invalid_request');
  });
});

describe('parseFilter: depth limit', () => {
  it('accepts 36 nested parentheses and 147 NOTs', () => {
    expect(parseFilter(`${'('.repeat(36)}x = 1${')'.repeat(36)}`, 'invalid_search_filter')).not.toBeNull();
    expect(parseFilter(`${'NOT '.repeat(147)}x = 1`, 'invalid_search_filter')?.kind).toBe('not');
  });

  it('refuses 50 nested parentheses at the 38th', () => {
    const filter = `${'('.repeat(50)}x = 1${')'.repeat(50)}`;
    expect(syntaxError(filter)).toBe(
      `The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.\n38:106 ${filter}`,
    );
  });

  it('refuses 199 NOTs at the 150th', () => {
    const filter = `${'NOT '.repeat(199)}x = 1`;
    expect(syntaxError(filter)).toBe(
      `The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.\n597:802 ${filter}`,
    );
  });
});

describe('parseFilter: positions and quoting of the failing text', () => {
  it('counts columns in code points from the last line feed', () => {
    expect(syntaxError('a = 1 AND\n  b = 🐻🐻')).toBe('Was expecting a value but instead got `🐻🐻`.\n7:9 a = 1 AND\n  b = 🐻🐻');
    expect(syntaxError('é = 1 Y')).toBe(
      'Found unexpected characters at the end of the filter: `Y`. You probably forgot an `OR` or an `AND` rule.\n7:8 é = 1 Y',
    );
  });

  it('escapes the failing text like Rust debug strings', () => {
    expect(syntaxError('x = 1 \u00a0y\t"z"')).toBe(
      'Found unexpected characters at the end of the filter: `\\u{a0}y\\t\\"z\\"`. You probably forgot an `OR` or an `AND` rule.\n7:13 x = 1 \u00a0y\t"z"',
    );
  });

  it('reports what follows EXISTS, IS NULL, IS EMPTY and geo functions, even a space', () => {
    expect(syntaxError('x EXISTS ')).toBe(
      'Found unexpected characters at the end of the filter: ` `. You probably forgot an `OR` or an `AND` rule.\n9:10 x EXISTS ',
    );
    expect(syntaxError('x IS NULLx')).toBe(
      'Found unexpected characters at the end of the filter: `x`. You probably forgot an `OR` or an `AND` rule.\n10:11 x IS NULLx',
    );
    expect(syntaxError('_geoRadius(1, 2, 3) ')).toContain('\n20:21 _geoRadius(1, 2, 3) ');
  });

  it('reports bad escape sequences in operands', () => {
    expect(syntaxError('x = "\\u{zz}"')).toBe('Found an invalid escaped sequence number: `\\\\u{zz}`.\n6:12 x = "\\u{zz}"');
    expect(syntaxError('x = "\\q"')).toBe('Malformed value: `\\\\q`.\n6:8 x = "\\q"');
    expect(syntaxError("x = 'abc\\")).toBe("Malformed value: `abc\\\\`.\n6:10 x = 'abc\\");
    expect(syntaxError('x = "\\u12"')).toBe('The filter is incomplete and requires Unknown additional bytes to be parsed.\n1:11 x = "\\u12"');
    // as an attribute, a bad escape only means "no operation found here"
    expect(syntaxError('"\\q" = 1')).toBe(`${OPERATIONS} at \`\\"\\\\q\\" = 1\`.\n1:9 "\\q" = 1`);
  });

  it('reports misuse of IN lists and keywords as values', () => {
    expect(syntaxError('x IN')).toBe('Expected `[` after `IN` keyword.\n5:5 x IN');
    expect(syntaxError('x IN [a b]')).toBe('Expected only comma-separated field names inside `IN[..]` but instead found `b]`.\n9:11 x IN [a b]');
    expect(syntaxError('x NOT IN [,]')).toBe('Expected only comma-separated field names inside `IN[..]` but instead found `,]`.\n11:13 x NOT IN [,]');
    expect(syntaxError('x = 1 AND')).toBe(`${OPERATIONS} but instead got nothing.\n10:10 x = 1 AND`);
    expect(syntaxError('x STARTS WITH')).toBe('Was expecting a value but instead got nothing.\n14:14 x STARTS WITH');
    expect(syntaxError('x CONTAINS NOT')).toContain('`NOT`, which is a reserved keyword');
    expect(syntaxError('x 1 TO')).toBe(`${OPERATIONS} at \`x 1 TO\`.\n1:7 x 1 TO`);
    expect(syntaxError('x 1 TO TO')).toContain('`TO`, which is a reserved keyword. To use `TO` as a field name');
    expect(syntaxError('x = _geoBoundingBox([1, 2], [3, 4])')).toBe(
      "The `_geoBoundingBox` filter is an operation and can't be used as a value.\n5:36 x = _geoBoundingBox([1, 2], [3, 4])",
    );
  });
});
