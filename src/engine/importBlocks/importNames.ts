// Resource names for generated blocks: from the Name tag (or the name the listing shows), as a Terraform
// identifier (letters, digits, `_`; not starting with a digit), unique among the type's names in the root.

/** `web-1 (prod)` → `web_1_prod`; a name with nothing usable falls back to the live ID. */
export function identifierFrom(name: string | undefined, liveId: string): string {
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '');
  let id = clean(name ?? '') || clean(liveId) || 'imported';
  if (/^[0-9]/.test(id)) id = `r_${id}`;
  return id;
}

/** Hands out names per type; `taken` holds the addresses the code already declares (`aws_instance.web`). */
export function createNamer(taken: Iterable<string>): (type: string, name: string | undefined, liveId: string) => string {
  const used = new Set(taken);
  return (type, name, liveId) => {
    const base = identifierFrom(name, liveId);
    let candidate = base;
    for (let n = 2; used.has(`${type}.${candidate}`); n++) candidate = `${base}_${n}`;
    used.add(`${type}.${candidate}`);
    return candidate;
  };
}
