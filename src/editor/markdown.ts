// Markdown the editor's surfaces build (hovers, tree tooltips): text escaped so names show as written,
// and the one command link they may carry, "Who changed it?".
import { commandId } from './commands';

export const WHO_CHANGED_COMMAND = commandId('whoChanged');

/** Markdown punctuation escaped, so a principal or an address is shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** `command:driftlens.whoChanged?<args>` for one resource (the link VS Code runs from trusted markdown). */
export function whoChangedLink(root: string, address: string): string {
  return `command:${WHO_CHANGED_COMMAND}?${encodeURIComponent(JSON.stringify([{ root, address }]))}`;
}
