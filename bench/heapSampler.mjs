// Samples the V8 heap of every worker of a page over CDP (`Runtime.getHeapUsage` on auto-attached worker targets),
// every 100 ms: the peak worker heap during a phase (measureUserAgentSpecificMemory only gives a point in time).

export async function workerHeapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  const sessions = new Set();
  const pending = new Map();
  let nextId = 1;
  cdp.on('Target.attachedToTarget', (e) => {
    if (e.targetInfo.type === 'worker') sessions.add(e.sessionId);
  });
  cdp.on('Target.detachedFromTarget', (e) => sessions.delete(e.sessionId));
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.id !== undefined) pending.get(m.id)?.(m.result?.usedSize ?? null);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sample = async () => {
    let total = null;
    for (const sessionId of sessions) {
      const id = nextId++;
      const used = await Promise.race([
        new Promise((resolve) => {
          pending.set(id, resolve);
          cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) }).catch(() => resolve(null));
        }),
        new Promise((resolve) => setTimeout(() => resolve(null), 1000)),
      ]);
      pending.delete(id);
      if (used !== null) total = (total ?? 0) + used;
    }
    return total;
  };
  return {
    /** Runs `fn` while sampling; resolves to `{result, peakHeapBytes}` (the peak sum over the page's workers). */
    async during(fn) {
      let peak = null;
      let running = true;
      const loop = (async () => {
        while (running) {
          const used = await sample();
          if (used !== null) peak = Math.max(peak ?? 0, used);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      let result;
      try {
        result = await fn();
      } finally {
        running = false;
        await loop;
      }
      return { result, peakHeapBytes: peak };
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}
