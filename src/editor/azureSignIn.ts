// Azure sign-in in the editor: VS Code's built-in Microsoft account first (silently, per scan), then
// @azure/identity's DefaultAzureCredential inside the provider; when neither works, a message with a
// "Sign in" button that asks VS Code for a session and scans again.
import * as vscode from 'vscode';
import { cloudByName, customCloud } from '../providers/azure/clouds';
import { SessionCredential, authProviderFor, watchCredentials, type SignInRequest } from './azureSession';
import type { AzureAuth } from './providerFactory';
import type { DriftLensSettings } from './settings';

const SIGN_IN = 'Sign in';
const OPEN_LOGS = 'Open Logs';

/** One scan's attempt: what the provider got, and which of its answers said "no credentials". */
export interface AzureAuthAttempt extends AzureAuth {
  readonly credential: SessionCredential;
  readonly failures: readonly string[];
}

export class AzureSignIn {
  /** A background scan (on open, on a timer) asks once; the user's own scans always say why. */
  private askedInBackground = false;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly settings: () => DriftLensSettings,
    /** Scans again after a successful sign-in. */
    private readonly rescan: () => Thenable<unknown>,
  ) {}

  begin(): AzureAuthAttempt {
    // Silent: a scan never pops up a sign-in; the button below does, when the user asks.
    const credential = new SessionCredential((providerId, scopes) => vscode.authentication.getSession(providerId, scopes, { createIfNone: false, silent: true }));
    const failures: string[] = [];
    const noteFailure = (reason: string) => void failures.push(reason);
    return { credential, failures, noteFailure, watch: (provider) => watchCredentials(provider, noteFailure) };
  }

  /** After a finished scan: true when Azure resources went unverified for lack of credentials (and "Sign in" was offered, once for background scans). */
  offer(attempt: AzureAuthAttempt, background = false): boolean {
    if (attempt.failures.length === 0) return false;
    if (background && this.askedInBackground) return true;
    this.askedInBackground ||= background;
    this.log.warn(`Azure: ${attempt.failures.length} resource(s) not verified for lack of credentials: ${attempt.failures[0]}`);
    const message =
      `DriftLens could not sign in to Azure, so ${attempt.failures.length} Azure resource(s) were not verified. ` +
      'Sign in with your Microsoft account (or run "az login") and scan again.';
    void vscode.window.showWarningMessage(message, SIGN_IN, OPEN_LOGS).then((choice) => {
      if (choice === SIGN_IN) void this.signIn(attempt.credential.signInRequests());
      else if (choice === OPEN_LOGS) this.log.show();
    });
    return true;
  }

  /** Asks VS Code for the sessions (interactive), then scans again. `driftlens.signInToAzure` without arguments uses the configured cloud. */
  async signIn(requests: SignInRequest[] = []): Promise<boolean> {
    let wanted = requests;
    try {
      if (wanted.length === 0) wanted = [this.configuredRequest()];
      for (const r of wanted) {
        const options: vscode.AuthenticationGetSessionOptions = r.renew
          ? { forceNewSession: { detail: 'Azure Resource Manager did not accept the current sign-in.' } }
          : { createIfNone: true };
        await vscode.authentication.getSession(r.providerId, r.scopes, options);
      }
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      this.log.warn(`Azure sign-in did not complete: ${why}`);
      void vscode.window.showWarningMessage(`DriftLens: the Microsoft sign-in did not complete (${why}).`, OPEN_LOGS).then((c) => c && this.log.show());
      return false;
    }
    this.askedInBackground = false;
    this.log.info(`Signed in to ${wanted.map((r) => r.providerId).join(', ')}; scanning again.`);
    await this.rescan();
    return true;
  }

  /** The management scope of the cloud the settings select (public Azure by default). */
  private configuredRequest(): SignInRequest {
    const s = this.settings();
    const endpoint = s.azureEndpoint ?? (process.env.DRIFTLENS_AZURE_ENDPOINT || undefined);
    const cloud = endpoint ? customCloud({ endpoint }) : cloudByName(s.azureCloud)!;
    return { providerId: authProviderFor([cloud.scope]), scopes: [cloud.scope], renew: false };
  }
}
