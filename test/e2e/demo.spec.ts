/**
 * The demo (built into demo-dist/ by `npm run build`) in Chromium: first run indexes the sample movies, search
 * as you type with highlighting, refinement lists, ranges, sort, pagination, imports, the panels, keyboard use,
 * a 375 px screen, and document text that never becomes markup.
 */
import { test, expect } from './fixtures.ts';
import { expectStats, hitField, hitTitles, importFile, openDemo, openPanel, screenshot, searchFor, totalHits } from './demoHelpers.ts';

test('first load indexes the sample movies and shows them', async ({ page }, testInfo) => {
  await openDemo(page);
  await expect(page).toHaveTitle(/pocketsearch/);
  await expectStats(page, /^3,200 movies · page 1 of 320 · \d+ ms$/);
  await expect(page.locator('#hits .hit')).toHaveCount(10);
  await expect(page.locator('#index-select')).toHaveValue('movies');
  await expect(page.locator('#facets fieldset[data-facet="genre"] li')).not.toHaveCount(0);
  await screenshot(page, testInfo, 'first-load');

  // The indexing tasks are in the tasks panel, succeeded, with a type and a duration.
  await openPanel(page, 'panel-tasks');
  const rows = page.locator('#panel-tasks tbody tr');
  await expect(rows.first()).toBeVisible();
  const types = await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-type'), tr.getAttribute('data-status')]));
  expect(types).toContainEqual(['documentAdditionOrUpdate', 'succeeded']);
  expect(types).toContainEqual(['settingsUpdate', 'succeeded']);
  await expect(rows.first().locator('td').nth(4)).toHaveText(/\d+ (ms|s)/);
  await screenshot(page, testInfo, 'tasks-panel', page.locator('#panel-tasks'));

  // A reload opens the same database: nothing is indexed twice.
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  await expectStats(page, /^3,200 movies/);
  await openPanel(page, 'panel-tasks');
  await expect(page.locator('#panel-tasks .muted').first()).toHaveText(/^\d+ tasks in all/);
  const again = await page.locator('#panel-tasks tbody tr[data-type="documentAdditionOrUpdate"]').count();
  expect(again).toBe(types.filter(([t]) => t === 'documentAdditionOrUpdate').length);
});

test('typing shows highlighted hits, typos included', async ({ page }, testInfo) => {
  await openDemo(page);
  const input = page.locator('#search-input');
  await input.click();
  await page.keyboard.type('jurassic', { delay: 30 });
  await expect(page.locator('#hits .hit-title').first()).toHaveText(/Jurassic Park/);
  const marks = await page.locator('#hits .hit-title mark').allTextContents();
  expect(marks.length).toBeGreaterThan(0);
  for (const m of marks) expect(m.toLowerCase()).toBe('jurassic');
  await expectStats(page, /^\d+ movies · page 1 of \d+ · \d+ ms$/);
  await screenshot(page, testInfo, 'search-highlight');

  // A typo (one allowed from 5 letters): "jurasic" finds Jurassic, highlighted whole.
  await searchFor(page, 'jurasic park', /^Jurassic Park$/);
  await expect(page.locator('#hits .hit-title mark').first()).toHaveText('Jurassic');
  await searchFor(page, 'godfathr', /^The Godfather$/);
  await page.locator('#search-input').fill('spielberg');
  await expect.poll(async () => (await hitField(page, 'Director')).every((d) => /Spielberg/.test(d))).toBe(true);
  await expect(page.locator('#hits .hit-fields mark').first()).toHaveText(/Spielberg/);

  await input.fill('qqqqzzzz');
  await expect(page.locator('#hits .no-hits-title')).toHaveText('No movies match “qqqqzzzz”.');
});

test('no hits: the empty state says what to try, runs an example, and clears the filters', async ({ page }, testInfo) => {
  await openDemo(page);
  const empty = page.locator('#hits .no-hits');
  // Nothing matches the query: spelling advice and example queries, no filter button (no filter is on).
  await page.locator('#search-input').fill('qqqqzzzz');
  await expect(empty.locator('.no-hits-title')).toHaveText('No movies match “qqqqzzzz”.');
  await expect(empty).toContainText('Check the spelling');
  await expect(page.locator('#empty-clear-filters')).toHaveCount(0);
  await empty.locator('button[data-example="godfather"]').click();
  await expect(page.locator('#search-input')).toHaveValue('godfather');
  await expect(page.locator('#hits .hit-title').first()).toHaveText(/Godfather/);

  // Filters that leave nothing: the empty state offers to clear them, and doing so brings every movie back.
  await page.locator('#search-input').fill('');
  await page.locator('#facets fieldset[data-facet="genre"] li', { hasText: /^Drama/ }).locator('label').click();
  await page.locator('#range-year-min').fill('2100');
  await expect(empty.locator('.no-hits-title')).toHaveText('No movies match these filters.');
  await screenshot(page, testInfo, 'empty-state-filters');
  await page.locator('#empty-clear-filters').click();
  await expectStats(page, /^3,200 movies · page 1 of 320/);
  await expect(page.locator('#range-year-min')).toHaveValue('');
  await expect(page.locator('#facets fieldset[data-facet="genre"] input:checked')).toHaveCount(0);
  await expect(page.locator('#clear-filters')).toBeDisabled();

  // With a query too, the title says the filters take part.
  await page.locator('#facets fieldset[data-facet="genre"] li', { hasText: /^Drama/ }).locator('label').click();
  await page.locator('#search-input').fill('qqqqzzzz');
  await expect(empty.locator('.no-hits-title')).toHaveText('No movies match “qqqqzzzz” with these filters.');
  await expect(page.locator('#empty-clear-filters')).toBeVisible();
});

test('the index name input validates with Meilisearch\'s uid rule (a valid pattern, no console error)', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await openDemo(page);
  await openPanel(page, 'panel-data');
  const name = page.locator('#import-index');
  const validity = () => name.evaluate((el: HTMLInputElement) => ({ valid: el.checkValidity(), patternMismatch: el.validity.patternMismatch }));
  for (const bad of ['my movies', 'films/2024', 'café']) {
    await name.fill(bad);
    expect(await validity(), bad).toEqual({ valid: false, patternMismatch: true });
  }
  for (const good of ['movies', 'My_movies-2024', '42']) {
    await name.fill(good);
    expect(await validity(), good).toEqual({ valid: true, patternMismatch: false });
  }
  // An invalid name is refused by the form before anything is imported.
  await page.locator('#import-file').setInputFiles({ name: 'few.json', mimeType: 'application/json', buffer: Buffer.from('[{"id":1,"name":"one"}]') });
  await name.fill('my movies');
  await page.locator('#import-button').click();
  await expect(page.locator('#panel-data .import-form .message')).toHaveText('');
  expect(await page.locator('#index-select option[value="my movies"]').count()).toBe(0);
  expect(consoleErrors.filter((t) => /pattern/i.test(t))).toEqual([]);
});

test('the "press /" hint shows with a keyboard and mouse, not on a touch screen', async ({ context, page }) => {
  await openDemo(page);
  await expect(page.locator('#search-help .key-hint')).toBeVisible();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  await expect(page.locator('#search-help .key-hint')).toBeHidden();
  await expect(page.locator('#search-help')).toHaveText('Results update as you type.', { useInnerText: true });
});

test('a facet click narrows the results; ranges, sort and pagination work', async ({ page }, testInfo) => {
  await openDemo(page);
  const drama = page.locator('#facets fieldset[data-facet="genre"] li', { hasText: /^Drama/ });
  const dramaCount = Number(((await drama.locator('.facet-count').textContent()) ?? '').replace(/,/g, ''));
  expect(dramaCount).toBeGreaterThan(100);
  await drama.locator('label').click();
  await expectStats(page, new RegExp(`^${dramaCount.toLocaleString('en-US')} movies`));
  expect(new Set(await hitField(page, 'Genre'))).toEqual(new Set(['Drama']));
  // Disjunctive counts: the other genres still show, and adding one widens the results.
  const comedy = page.locator('#facets fieldset[data-facet="genre"] li', { hasText: /^Comedy/ });
  await comedy.locator('label').click();
  await expect.poll(() => totalHits(page)).toBeGreaterThan(dramaCount);
  for (const genre of await hitField(page, 'Genre')) expect(['Drama', 'Comedy']).toContain(genre);
  await comedy.locator('label').click();
  await expectStats(page, new RegExp(`^${dramaCount.toLocaleString('en-US')} movies`));

  // Year range 1990–1999.
  await page.locator('#range-year-min').fill('1990');
  await page.locator('#range-year-max').fill('1999');
  await expect.poll(() => totalHits(page)).toBeLessThan(dramaCount);
  await expect.poll(async () => (await hitField(page, 'Year')).map(Number).every((y) => y >= 1990 && y <= 1999)).toBe(true);

  // Sort oldest first.
  await page.locator('#sort-select').selectOption({ label: 'Oldest first' });
  await expect
    .poll(async () => {
      const years = (await hitField(page, 'Year')).map(Number);
      return years[0] === 1990 && years.every((y, i) => i === 0 || years[i - 1] <= y);
    })
    .toBe(true);
  await screenshot(page, testInfo, 'facets-range-sort');

  // Pagination.
  const total = await totalHits(page);
  const firstPage = await hitTitles(page);
  await page.locator('#pagination button[data-page="next"]').click();
  await expectStats(page, new RegExp(`^${total.toLocaleString('en-US')} movies · page 2 of`));
  expect(await hitTitles(page)).not.toEqual(firstPage);
  await expect(page.locator('#pagination button[aria-current="page"]')).toHaveText('2');

  await page.locator('#clear-filters').click();
  await expectStats(page, /^3,200 movies · page 1 of 320/);
});

test('keyboard only: skip link, search, refine, paginate', async ({ page }) => {
  await openDemo(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.type('love');
  await expect(page.locator('#hits .hit-title mark').first()).toHaveText(/love/i);
  const total = await totalHits(page);

  // Tab along to the first refinement checkbox and toggle it with Space.
  let focused = '';
  for (let i = 0; i < 20 && !focused.startsWith('checkbox'); i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      return el ? `${el.type}:${el.closest('fieldset')?.getAttribute('data-facet') ?? ''}` : '';
    });
  }
  expect(focused).toMatch(/^checkbox:/);
  await page.keyboard.press('Space');
  await expect.poll(() => totalHits(page)).toBeLessThan(total);

  // "/" comes back to the search box from anywhere but a text field.
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('/');
  await expect(page.locator('#search-input')).toBeFocused();

  // Page buttons answer Enter.
  await page.locator('#search-input').fill('');
  await page.locator('#pagination button[data-page="next"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#pagination button[aria-current="page"]')).toHaveText('2');
  // Focus stays on "Next": Enter again goes on to page 3.
  await expect(page.locator('#pagination button[data-page="next"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#pagination button[aria-current="page"]')).toHaveText('3');

  // Every input, select and button has an accessible name.
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, button')]
      .filter((el) => !(el as HTMLElement).hidden && (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(unnamed).toEqual([]);
});

test('works at 375 px: one column, no horizontal scroll', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openDemo(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.locator('#filters-details')).not.toHaveAttribute('open', '');
  await searchFor(page, 'titanic', /Titanic/);
  await screenshot(page, testInfo, 'mobile-375');
  await page.locator('#filters-details summary').click();
  await page.locator('#facets fieldset[data-facet="genre"] li label').first().click();
  await expect(page.locator('#search-stats')).toHaveText(/^[12] movies? · page 1 of 1/); // narrowed from the 3 titanic movies
  for (const id of ['panel-data', 'panel-tasks', 'panel-dumps', 'panel-snapshots', 'panel-http', 'panel-storage'] as const) await openPanel(page, id);
  const overflowOpen = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflowOpen).toBeLessThanOrEqual(0);
  await screenshot(page, testInfo, 'mobile-375-panels', true);
});

test('document text is never markup: a hostile title renders as text, highlights still work', async ({ page }, testInfo) => {
  await openDemo(page);
  await page.evaluate(() => ((window as unknown as { __xss?: number }).__xss = 0));
  const hostile = [
    { id: 1, title: '<img src=x onerror="window.__xss=1"> onerror trap', body: '<script>window.__xss=2</script><b>bold?</b>' },
    { id: 2, title: 'fake <em>highlight</em> and <mark>mark</mark>', body: 'javascript:alert(1)' },
  ];
  await importFile(page, { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostile)) }, { index: 'hostile' });
  await expect(page.locator('#index-select')).toHaveValue('hostile');
  // The movies' filters are gone: this index has no filterable attribute.
  await expect(page.locator('#ranges fieldset, #facets fieldset')).toHaveCount(0);
  await searchFor(page, 'onerror', /onerror trap/);
  const title = page.locator('#hits .hit-title').first();
  await expect(title).toHaveText('<img src=x onerror="window.__xss=1"> onerror trap');
  await expect(title.locator('mark').first()).toHaveText('onerror');
  expect(await page.locator('#hits img, #hits script, #hits b, #hits em').count()).toBe(0);
  await expect(page.locator('#hits .hit').first()).toContainText('<script>window.__xss=2</script><b>bold?</b>');

  // The engine's own highlight tags are not HTML either: a document's `<em>`/`<mark>` stay text.
  await searchFor(page, 'fake', /^fake <em>highlight<\/em> and <mark>mark<\/mark>$/);
  const marks = await page.locator('#hits .hit-title mark').allTextContents();
  expect(marks).toEqual(['fake']);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(0);
  await screenshot(page, testInfo, 'xss-as-text');
});

test('imports NDJSON and CSV files with a progress bar; bad files are refused with the reason', async ({ page }) => {
  await openDemo(page);
  const ndjson = ['{"id":"a1","name":"Alpine lake","region":"north"}', '{"id":"a2","name":"Bay of sails","region":"south"}'].join('\n');
  await importFile(page, { name: 'places.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) }, { facets: 'region' });
  await expect(page.locator('#import-progress')).toHaveJSProperty('value', 1);
  await expect(page.locator('#index-select')).toHaveValue('places');
  await searchFor(page, 'alpine', /Alpine lake/);
  await expect(page.locator('#facets fieldset[data-facet="region"] li')).toHaveCount(1);

  const csv = 'sku,label,price:number,stock:boolean\nk1,"Kettle, steel",24.5,true\nk2,Toaster,31,false\n';
  // No field ends in "id" here: inference would fail, so the primary key is given.
  await importFile(page, { name: 'shop.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }, { facets: 'price', primaryKey: 'sku' });
  await searchFor(page, 'kettle', /Kettle, steel/);
  await expect(page.locator('#ranges fieldset[data-range="price"]')).toBeVisible();

  // Drag and drop onto the drop zone.
  await openPanel(page, 'panel-data');
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['[{"id":"d1","name":"Dropped dune"}]'], 'dropped.json', { type: 'application/json' }));
    return transfer;
  });
  await page.locator('#import-dropzone').dispatchEvent('dragenter', { dataTransfer: dropped });
  await expect(page.locator('#import-dropzone')).toHaveClass(/dragging/);
  await page.locator('#import-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(page.locator('#import-dropzone .chosen-file')).toHaveText(/dropped\.json/);
  await expect(page.locator('#import-index')).toHaveValue('dropped');
  await page.locator('#import-button').click();
  await expect(page.locator('#panel-data .import-form .message')).toHaveText('Imported 1 document into `dropped`.');
  await searchFor(page, 'dune', /Dropped dune/);

  await page.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"id": 1,') });
  await page.locator('#import-button').click();
  await expect(page.locator('#panel-data .import-form .message')).toHaveText(/malformed/);
});

test('storage panel shows the estimate and asks for persistence', async ({ page }, testInfo) => {
  await openDemo(page);
  await openPanel(page, 'panel-storage');
  await expect(page.locator('#storage-info')).toContainText('Used');
  await expect(page.locator('#storage-info')).toContainText('Quota');
  await page.locator('#persist-storage').click();
  await expect(page.locator('#storage-message')).toHaveText(/persistent|declined/);
  await screenshot(page, testInfo, 'storage-panel', page.locator('#panel-storage'));
});
