// Engine ranges (0-based line / UTF-16 character, as LSP) as VS Code ranges.
import * as vscode from 'vscode';

export function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
