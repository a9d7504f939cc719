// Dot paths into the request object ("params.resource/type", "user.data.role"). Keys may contain
// "/" (Aidbox's keyword namespaces), so only "." separates segments.
export function getPath(root: unknown, path: string): unknown {
  const segments = path.split('.').filter((s) => s.length > 0);
  let cur: unknown = root;
  for (const seg of segments) {
    if (cur === null || cur === undefined) return undefined;
    if (Array.isArray(cur)) {
      const i = Number(seg);
      cur = Number.isInteger(i) ? (cur as unknown[])[i] : undefined;
    } else if (typeof cur === 'object') {
      cur = (cur as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return cur;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
