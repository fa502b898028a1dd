export const usage = `usage: driftlens <command> [dir] [options]

commands:
  inventory [dir] [--format json|text]   list the resources the code declares (no cloud calls)
  scan [dir] [--format text|json|sarif]  compare the code with the live cloud
       [--profile P] [--region R] [--azure-endpoint URL] [--timeout SECONDS]
       [--var-file FILE]... [--var NAME=VALUE]...  variables, as terraform plan takes them (inventory too)
  fix [dir] [--only ADDRESS]... [--severity info|warning|error] [--dry-run]
                                         rewrite drifted literals to the live values (the quick-fix, in bulk)
  import [dir] [--type T] [--id ID] [--out FILE]
                                         Terraform import + resource blocks for unmanaged resources
  history [--history FILE] [--format text|json]  drift events per day, time to remediate, open findings' age
  types [--format text|json]             every resource type DriftLens verifies, its depth and permissions
  sandbox [--port N] [--dir DIR]         a fake AWS account with drift, to try DriftLens without a cloud account

exit codes (scan): 0 verified, no drift; 2 drift found; 1 error or nothing verified
           (--fail-on-unverified: any resource not verified is 1)
`;
