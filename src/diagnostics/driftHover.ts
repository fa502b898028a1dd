// The DriftLens part of the hover on a drifted value (and a missing resource's header), beside the
// diagnostic's own message: since when, and who changed it. Only the "Who changed it?" command is
// enabled in its markdown.
import * as vscode from 'vscode';
import type { ResourceResult } from '../model';
import type { ResultsStore } from '../editor/resultsStore';
import { toRange } from '../editor/vscodeRange';
import { WHO_CHANGED_COMMAND } from '../editor/markdown';
import { hoverMarkdown, type HoverEntry } from './hoverText';

export interface AttributionAnswers {
  /** The cached lookup for this resource in the scan that produced it, if one ran. */
  answer(result: ResourceResult): HoverEntry['attribution'];
}

export class DriftHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: ResultsStore,
    private readonly attribution: AttributionAnswers,
    private readonly trusted: () => boolean,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const file = document.uri.fsPath;
    const entries: HoverEntry[] = [];
    let range: vscode.Range | undefined;
    const entry = (result: ResourceResult, at: vscode.Range, drift?: HoverEntry['drift']) => {
      range = range ? range.union(at) : at;
      entries.push({ result, drift, attribution: this.attribution.answer(result), rootName: this.store.rootNameOf(result) });
    };
    for (const result of this.store.allResults()) {
      for (const drift of result.drifts) {
        const at = toRange(drift.location.range);
        if (drift.location.file === file && at.contains(position)) entry(result, at, drift);
      }
      const header = toRange(result.resource.headerRange);
      if (result.status === 'missing' && result.resource.file === file && header.contains(position)) entry(result, header);
    }
    const text = hoverMarkdown(entries, new Date(), this.trusted());
    if (!text) return undefined;
    const markdown = new vscode.MarkdownString(text);
    markdown.isTrusted = { enabledCommands: [WHO_CHANGED_COMMAND] };
    return new vscode.Hover(markdown, range);
  }
}
