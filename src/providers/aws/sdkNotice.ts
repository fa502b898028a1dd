// The AWS SDK v3 prints, once per process on Node below 22, that releases published after January 2027
// will need Node 22. DriftLens runs on Node 20 on purpose (VS Code's extension host and code-server 4.100
// do) and pins SDK releases from before that date (package.json), which support it: the notice would
// only be noise in every scan's output. Its documented switch turns it off; a user who sets it keeps it.
export function quietNodeSupportNotice(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
}
