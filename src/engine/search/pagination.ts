/** Offset/limit and page/hitsPerPage resolution with `maxTotalHits` (spec §1.3). */
import type { ResolvedSearchParams } from './searchParams.ts';

export interface PageWindow {
  offset: number;
  limit: number;
  /** finite pagination (page/hitsPerPage) */
  finite: boolean;
  page: number;
  hitsPerPage: number;
}

export function pageWindow(p: ResolvedSearchParams, maxTotalHits: number): PageWindow {
  if (p.page !== null || p.hitsPerPage !== null) {
    const hitsPerPage = p.hitsPerPage ?? 20;
    const page = p.page ?? 1;
    if (page === 0) return { offset: 0, limit: 0, finite: true, page, hitsPerPage };
    const rawOffset = (page - 1) * hitsPerPage;
    const offset = Math.min(rawOffset, maxTotalHits);
    return { offset, limit: Math.min(hitsPerPage, maxTotalHits - offset), finite: true, page, hitsPerPage };
  }
  const offset = Math.min(p.offset, maxTotalHits);
  return { offset, limit: Math.min(p.limit, maxTotalHits - offset), finite: false, page: 0, hitsPerPage: 0 };
}

/** The pagination fields of the response, in Meilisearch's key order. */
export function paginationFields(w: PageWindow, p: ResolvedSearchParams, candidates: number, maxTotalHits: number): Record<string, number> {
  const total = Math.min(candidates, maxTotalHits);
  if (w.finite) {
    return {
      hitsPerPage: w.hitsPerPage,
      page: w.page,
      totalPages: w.hitsPerPage === 0 ? 0 : Math.ceil(total / w.hitsPerPage),
      totalHits: total,
    };
  }
  // Meilisearch echoes the requested limit and the offset clamped to maxTotalHits.
  return { limit: p.limit, offset: w.offset, estimatedTotalHits: total };
}
