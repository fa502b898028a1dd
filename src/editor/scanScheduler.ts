// Scans without being asked: on open (setting), every N minutes (setting), and when the user trusts
// the workspace. Never in an untrusted workspace.
import * as vscode from 'vscode';
import type { ScanController } from './scanController';
import type { DriftLensSettings } from './settings';
import type { TrustGate } from './trust';

export class ScanScheduler implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly controller: ScanController,
    private readonly trust: TrustGate,
    private readonly settings: () => DriftLensSettings,
  ) {
    this.subscription = trust.onDidGrant(() => {
      if (this.settings().scanOnOpen) void this.controller.scan('background');
      this.configure();
    });
  }

  /** Called once after activation. */
  start(): void {
    if (this.trust.trusted && this.settings().scanOnOpen) void this.controller.scan('background');
    this.configure();
  }

  /** (Re)arms the interval after a settings change. */
  configure(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const minutes = this.settings().scanIntervalMinutes;
    if (minutes > 0 && this.trust.trusted) {
      this.timer = setInterval(() => {
        if (!this.controller.scanning) void this.controller.scan('background');
      }, minutes * 60_000);
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.subscription.dispose();
  }
}
