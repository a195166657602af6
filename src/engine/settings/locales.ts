/** Locales Meilisearch accepts (ISO 639-1 → ISO 639-3, plus `cmn`); stored and returned as ISO 639-3. */
const PAIRS =
  'af:afr ak:aka am:amh ar:ara az:aze be:bel bn:ben bg:bul ca:cat cs:ces da:dan de:deu el:ell en:eng eo:epo et:est fi:fin fr:fra gu:guj he:heb hi:hin hr:hrv hu:hun hy:hye id:ind it:ita jv:jav ja:jpn kn:kan ka:kat km:khm ko:kor la:lat lv:lav lt:lit ml:mal mr:mar mk:mkd my:mya ne:nep nl:nld nb:nob or:ori pa:pan fa:pes pl:pol pt:por ro:ron ru:rus si:sin sk:slk sl:slv sn:sna es:spa sr:srp sv:swe ta:tam te:tel tl:tgl th:tha tk:tuk tr:tur uk:ukr ur:urd uz:uzb vi:vie yi:yid zh:zho zu:zul';

const TO_639_3 = new Map<string, string>();
for (const pair of PAIRS.split(' ')) {
  const [two, three] = pair.split(':');
  TO_639_3.set(two, three);
  TO_639_3.set(three, three);
}
TO_639_3.set('cmn', 'cmn');

/** ISO 639-3 code for an accepted locale, else undefined. */
export function canonicalLocale(locale: string): string | undefined {
  return TO_639_3.get(locale);
}

/** Meilisearch's message for an unsupported locale (valid ones sorted by length, then alphabetically). */
export function unsupportedLocaleMessage(locale: string): string {
  const valid = [...TO_639_3.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `Unsupported locale \`${locale}\`, expected one of ${valid.join(', ')}`;
}
