// Turns the engine's per-stage progress into the notification's message and percentage.
import type * as vscode from 'vscode';
import type { ScanProgress } from '../engine/scan';

const STAGES: Record<ScanProgress['stage'], { label: string; start: number; weight: number }> = {
  index: { label: 'Reading Terraform files', start: 0, weight: 0.1 },
  resolve: { label: 'Resolving values and state', start: 0.1, weight: 0.1 },
  fetch: { label: 'Reading live resources', start: 0.2, weight: 0.7 },
  compare: { label: 'Comparing', start: 0.9, weight: 0.1 },
};

export class ProgressReporter {
  private reported = 0;

  constructor(
    private readonly progress: vscode.Progress<{ message?: string; increment?: number }>,
    private readonly folders: number,
  ) {}

  report(folderIndex: number, p: ScanProgress): void {
    const stage = STAGES[p.stage];
    const within = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    const percent = (100 * (folderIndex + stage.start + stage.weight * within)) / this.folders;
    const increment = Math.max(0, percent - this.reported);
    this.reported += increment;
    const counts = p.total > 0 ? ` ${p.done}/${p.total}` : '';
    const folder = this.folders > 1 ? ` (folder ${folderIndex + 1} of ${this.folders})` : '';
    this.progress.report({ message: `${stage.label}${counts}${folder}`, increment });
  }
}
