// Scrubs what must never reach the output channel, whatever the engine or an SDK error puts in a
// message: AWS keys, session tokens, signatures, bearer tokens, passwords in URLs. Pure.

const RULES: readonly [RegExp, string][] = [
  [/\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, '$1****************'],
  [/(aws_?secret_?access_?key|aws_?session_?token|secretaccesskey|sessiontoken)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, '$1$2(redacted)'],
  [/(X-Amz-(?:Signature|Security-Token|Credential))=[^&\s"']+/gi, '$1=(redacted)'],
  [/(authorization["']?\s*[:=]\s*["']?)(?:Bearer|AWS4-HMAC-SHA256|Basic)\s+[^"'\n]+/gi, '$1(redacted)'],
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g, 'Bearer (redacted)'],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, '$1(redacted)@'],
];

export function scrubSecrets(message: string): string {
  let out = message;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
