// Summarizes a V8 .cpuprofile: the functions with the most self time and the most inclusive time.

function label(cf) {
  const file = cf.url ? cf.url.split('/').pop() : '';
  return `${cf.functionName || '(anonymous)'} ${file}${file ? `:${cf.lineNumber + 1}` : ''}`;
}

export function profileTop(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ms = new Map();
  profile.samples.forEach((id, i) => ms.set(id, (ms.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (const n of profile.nodes) {
    const t = ms.get(n.id) ?? 0;
    if (!t) continue;
    total += t;
    const k = label(n.callFrame);
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const key = label(byId.get(id).callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  const fmt = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${v.toFixed(0).padStart(8)} ms  ${k}`).join('\n');
  return `total ${total.toFixed(0)} ms\n--- self\n${fmt(self)}\n--- inclusive\n${fmt(incl)}`;
}
