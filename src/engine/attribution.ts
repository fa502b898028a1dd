// "Who changed it" (issue 14, item 5): for each drifted or missing resource of a scan, the most recent change
// event from the cloud's audit log, asked through the provider that fetched it (`lastChanges`). Off unless
// asked for; whatever goes wrong is a quiet note on the resource, never a scan error or a verdict.
import type { AttributionAnswer, AttributionTarget, FetchContext, ResourceResult } from '../model';
import type { ScanOutcome } from './scan';
import { providerFor } from './providerFor';

/** Sets `changedBy` (or `attributionNote`) on the drifted and missing resources of `outcome.result`. */
export async function attributeChanges(outcome: ScanOutcome, ctx: FetchContext): Promise<void> {
  const { result, snapshot } = outcome;
  const byProvider = new Map<NonNullable<ReturnType<typeof providerFor>>, { target: AttributionTarget; r: ResourceResult }[]>();
  for (const r of result.resources) {
    if ((r.status !== 'drifted' && r.status !== 'missing') || !r.liveId) continue;
    const provider = providerFor(snapshot.providers, r.provider);
    if (!provider?.lastChanges) {
      r.attributionNote = 'not available for this provider';
      continue;
    }
    // Where the scan asked for it (region, profile, subscription); ARM template resources carry it in their ID.
    const config = snapshot.live.get(r.resource.root)?.get(r.address)?.config ?? { provider: r.provider, settings: {} };
    const list = byProvider.get(provider) ?? byProvider.set(provider, []).get(provider)!;
    list.push({ target: { address: r.address, type: r.type, liveId: r.liveId, config }, r });
  }
  await Promise.all(
    [...byProvider].map(async ([provider, list]) => {
      let answers: Map<AttributionTarget, AttributionAnswer>;
      try {
        answers = await provider.lastChanges!(list.map((x) => x.target), ctx);
      } catch (e) {
        // A provider bug or an unexpected SDK failure: a note, never a failed scan.
        const note = `lookup failed (${e instanceof Error ? e.message : String(e)})`;
        answers = new Map(list.map((x) => [x.target, { note }]));
      }
      for (const { target, r } of list) {
        const a = answers.get(target) ?? { note: 'no answer' };
        if ('changedBy' in a) r.changedBy = a.changedBy;
        else r.attributionNote = a.note;
      }
    }),
  );
}
